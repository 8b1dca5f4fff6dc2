import type { Ctx } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import { randomToken } from "../../kernel/ids.ts";
import { speakupDb } from "./db.ts";
import { fileReport } from "./file-report.ts";
import { resolveNamedPeople } from "./routing.ts";
import { reportInput } from "./schemas.ts";
import type { Team } from "./vocabulary.ts";

export type CertificateReportInput = {
  /** The certificate's title, for the report's summary ("a Certificate of Compliance"). */
  certificateTitle: string;
  /** The question answered "yes", as the certificate worded it. */
  questionText: string;
  /** The signer's explanation of the violation they know of, as typed on the certificate. */
  explanation: string | null;
};

export type FiledCertificateReport = {
  caseId: string;
  number: string;
  team: Team;
  /** Directory people the explanation names: they must not be given the case (COC-22.2). */
  namedPersonIds: string[];
};

// Words that make the explanation an accounting, internal-control or auditing concern (SOC-5),
// which the routing rules send to the Audit Committee like any such report.
const ACCOUNTING =
  /\b(accounting|accounts?|auditing|audit(or|ors)?|internal controls?|books|ledger|financial statements?|revenues?|invoices?|journal entr(y|ies)|expense reports?|reconciliation)\b/i;
// Titles that make it name senior management even when no one is named (SOC-4): erring towards
// the Audit Committee is the safe side, since the Compliance Office reports to these people.
const SENIOR =
  /\b(CEO|CFO|COO|chief executive|chief financial|chief operating|general counsel|senior officers?|directors?|board)\b/i;

/**
 * "I know of a violation" on a Certificate of Compliance (COC-23.2, COC-21.1): files a confidential
 * speak-up report on the signer's behalf, in the caller's transaction, through the same use case as
 * every other report: the explanation becomes the sealed narrative, directory people it names are
 * named in the case (and kept away from it), and the routing rules apply (SOC-4). The report is
 * confidential, not anonymous: the signer is known, sealed in the case, and follows it under their
 * own reports; like any employee's own report, the case row and the audit log do not name them
 * (COC-22.2). The reporter password is random and never shown: the signer reads the case signed in.
 */
export async function fileCertificateReport(
  ctx: Ctx,
  input: CertificateReportInput,
): Promise<FiledCertificateReport> {
  const actor = ctx.actor;
  if (actor.kind !== "user" || !actor.personId)
    throw forbidden("Only the person signing a Certificate of Compliance files a report from it (COC-23.2).");
  const signer = await speakupDb(ctx)
    .selectFrom("persons")
    .select(["first_name", "last_name", "email"])
    .where("id", "=", actor.personId)
    .executeTakeFirstOrThrow();
  const explanation = input.explanation?.trim() ?? "";
  const namedIds = explanation ? await resolveNamedPeople(ctx, explanation.split(/\r?\n/)) : [];
  const named = namedIds.length
    ? await speakupDb(ctx)
        .selectFrom("persons")
        .select(["id", "first_name", "last_name"])
        .where("id", "in", namedIds)
        .execute()
    : [];
  const firstLine = explanation.split(/\r?\n/)[0]?.trim() ?? "";
  const report = reportInput.parse({
    channel: "internal",
    category: ACCOUNTING.test(explanation) ? "accounting" : "other",
    summary: firstLine
      ? `Certificate answer: ${firstLine}`.slice(0, 200)
      : `A violation of the Code known to the signer of ${input.certificateTitle}`.slice(0, 200),
    details: explanation,
    howKnown: `Answered "yes" to "${input.questionText}" on ${input.certificateTitle}.`.slice(0, 2000),
    involved: named.map((p) => ({ name: `${p.first_name} ${p.last_name}`, personId: p.id })),
    involvesSeniorManagement: SENIOR.test(explanation),
    identityMode: "confidential",
    identity: { name: `${signer.first_name} ${signer.last_name}`, email: signer.email ?? null },
    password: randomToken(24),
    idempotencyKey: randomToken(24),
  });
  const filed = await fileReport(ctx, { ...report, channel: "certificate" });
  const row = await speakupDb(ctx)
    .selectFrom("speakup_cases")
    .select("team")
    .where("id", "=", filed.caseId)
    .executeTakeFirstOrThrow();
  return { caseId: filed.caseId, number: filed.number, team: row.team, namedPersonIds: namedIds };
}
