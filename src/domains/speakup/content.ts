/** What a reporter told us: sealed as one JSON document per case. */
export type ReportContent = {
  summary: string;
  details: string;
  occurredOn: string | null;
  country: string | null;
  site: string | null;
  legalEntityId: string | null;
  involved: { name: string; personId: string | null }[];
  involvesSeniorManagement: boolean;
  howKnown: string | null;
};

export type ReporterIdentity = {
  name: string | null;
  email: string | null;
  phone: string | null;
  personId: string | null;
};

export type AttachmentMeta = { filename: string; contentType: string };

/** A person linked to a case, as handlers see it (the table keeps only keyed hashes). */
export type CasePerson = {
  personId: string | null;
  userId: string | null;
  name: string;
  role: "named" | "witness" | "conflicted" | "reporter" | "probable";
  /** How the report names them, when it was read from the report (full name, surname only, title …). */
  how?: string;
};
