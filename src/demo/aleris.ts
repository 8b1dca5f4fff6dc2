/**
 * The Aleris International, Inc. demo company. Contact details come from the Code of Business
 * Conduct and Ethics (../shared/seeds/); everyone else is invented.
 */
export const ALERIS_ORGANISATION = {
  name: "Aleris International, Inc.",
  website: null,
  // Code § 21: "The website address is: www.MySafeWorkplace.com"
  hotlineWeb: "www.MySafeWorkplace.com",
  hotlineDomestic: "1-800-461-9330",
  hotlineInternational: "1-720-514-4400 (call collect from your location)",
  // Code, introduction and § 22: the General Counsel in the Legal Department.
  legalContactName: "Chris Clegg, General Counsel",
  legalContactPhone: "216-910-3502",
  legalContactAddress: "Legal Department, 25825 Science Park Drive, Suite 400, Beachwood, Ohio 44122-7392",
};

export const ALERIS_ENTITIES = [
  { code: "ALERIS-US", name: "Aleris International, Inc.", country: "US", parent: null },
  { code: "ALERIS-DE", name: "Aleris Deutschland Holding GmbH", country: "DE", parent: "ALERIS-US" },
  { code: "ALERIS-BE", name: "Aleris Aluminum Duffel BVBA", country: "BE", parent: "ALERIS-DE" },
  { code: "ALERIS-CN", name: "Aleris Aluminum (Zhenjiang) Co., Ltd.", country: "CN", parent: "ALERIS-US" },
  { code: "ALERIS-BR", name: "Aleris Latasa Reciclagem Ltda.", country: "BR", parent: "ALERIS-US" },
  { code: "ALERIS-MX", name: "Aleris Mexico S. de R.L. de C.V.", country: "MX", parent: "ALERIS-US" },
  {
    code: "ALERIS-CA",
    name: "Aleris Specification Alloys Canada Company",
    country: "CA",
    parent: "ALERIS-US",
  },
] as const;

export type EntityCode = (typeof ALERIS_ENTITIES)[number]["code"];

export const DEMO_PASSWORD = "Aleris-demo-2026";

/** The demo's sign-in accounts, each tied to a person by employee id. */
export const DEMO_ACCOUNTS = [
  { email: "admin@aleris.example", roles: ["admin"], externalId: "A0100", note: "Platform administrator" },
  {
    email: "compliance@aleris.example",
    roles: ["compliance_officer"],
    externalId: "A0021",
    note: "Chief Compliance Officer",
  },
  { email: "gc@aleris.example", roles: ["general_counsel"], externalId: "A0020", note: "General Counsel" },
  { email: "ceo@aleris.example", roles: ["ceo"], externalId: "A0001", note: "Chief Executive Officer" },
  { email: "cfo@aleris.example", roles: [], externalId: "A0002", note: "CFO (a Senior Officer)" },
  {
    email: "audit.chair@aleris.example",
    roles: ["audit_committee_chair", "board_member"],
    externalId: "D0002",
    note: "Audit Committee chair",
  },
  {
    email: "comp.chair@aleris.example",
    roles: ["committee_chair", "board_member"],
    externalId: "D0004",
    note: "Compensation Committee chair",
  },
  {
    email: "secretary@aleris.example",
    roles: ["corporate_secretary"],
    externalId: "A0022",
    note: "Corporate Secretary",
  },
  {
    email: "hotline@aleris.example",
    roles: ["hotline_operator"],
    externalId: "A0023",
    note: "Hotline operator",
  },
  {
    email: "auditor@aleris.example",
    roles: ["auditor"],
    externalId: "X0001",
    note: "External auditor (read-only)",
  },
  {
    email: "restructuring@aleris.example",
    roles: ["restructuring_admin"],
    externalId: "A0030",
    note: "Restructuring administrator",
  },
  { email: "employee@aleris.example", roles: [], externalId: "E1000", note: "An employee" },
] as const;

type Leader = {
  externalId: string;
  firstName: string;
  lastName: string;
  title: string;
  department: string;
  kind: "officer" | "director" | "employee" | "external";
  entity: EntityCode;
  country: string;
  supervisor: string | null;
  categories: string[];
};

const officer = (
  externalId: string,
  firstName: string,
  lastName: string,
  title: string,
  department: string,
  supervisor: string | null,
  categories: string[] = ["executive_officer"],
  kind: Leader["kind"] = "officer",
): Leader => ({
  externalId,
  firstName,
  lastName,
  title,
  department,
  kind,
  entity: "ALERIS-US",
  country: "US",
  supervisor,
  categories,
});

/** Board and senior leadership. Senior Officers Code (SOC-1) titles are each present once. */
export const ALERIS_LEADERS: Leader[] = [
  officer("A0001", "Margaret", "Holloway", "Chairman and Chief Executive Officer", "Executive", null, [
    "director",
    "executive_officer",
    "senior_officer",
  ]),
  officer(
    "A0002",
    "Daniel",
    "Okafor",
    "Executive Vice President and Chief Financial Officer",
    "Finance",
    "A0001",
    ["executive_officer", "senior_officer", "finance_accounting"],
  ),
  officer("A0003", "Priya", "Raman", "Assistant Chief Financial Officer", "Finance", "A0002", [
    "senior_officer",
    "finance_accounting",
  ]),
  officer("A0004", "Thomas", "Brennan", "Vice President and Controller", "Finance", "A0002", [
    "senior_officer",
    "finance_accounting",
  ]),
  officer("A0005", "Helen", "Vasquez", "Chief Accounting Officer", "Finance", "A0002", [
    "executive_officer",
    "senior_officer",
    "finance_accounting",
  ]),
  officer("A0006", "Robert", "Lindqvist", "Vice President and Treasurer", "Treasury", "A0002", [
    "senior_officer",
    "finance_accounting",
  ]),
  officer(
    "A0010",
    "Karen",
    "Whitfield",
    "Executive Vice President and Chief Operating Officer",
    "Operations",
    "A0001",
  ),
  officer("A0011", "Marcus", "Feld", "Senior Vice President, Human Resources", "Human Resources", "A0001"),
  officer(
    "A0012",
    "Elena",
    "Moreau",
    "Senior Vice President and Chief Information Officer",
    "Information Technology",
    "A0001",
  ),
  // Code introduction: the Legal Department, headed by the General Counsel, administers the Code.
  officer(
    "A0020",
    "Chris",
    "Clegg",
    "Executive Vice President, General Counsel and Secretary",
    "Legal",
    "A0001",
  ),
  officer("A0021", "Nadia", "Sorensen", "Chief Compliance Officer", "Legal", "A0020", [], "employee"),
  officer("A0022", "Paul", "Ashford", "Assistant Corporate Secretary", "Legal", "A0020", [], "employee"),
  officer("A0023", "Grace", "Mbeki", "Ethics Hotline Specialist", "Legal", "A0021", [], "employee"),
  officer("A0024", "Victor", "Hale", "Senior Counsel", "Legal", "A0020", [], "employee"),
  officer(
    "A0030",
    "Laura",
    "Chen",
    "Vice President, Restructuring",
    "Finance",
    "A0002",
    ["finance_accounting"],
    "employee",
  ),
  officer(
    "A0100",
    "Sam",
    "Patel",
    "HRIS and Platform Administrator",
    "Information Technology",
    "A0012",
    [],
    "employee",
  ),
  // The Board of Directors: an Audit Committee and a Compensation Committee (three independent members, CC-1).
  officer(
    "D0001",
    "William",
    "Hartley",
    "Lead Independent Director",
    "Board of Directors",
    null,
    ["director"],
    "director",
  ),
  officer(
    "D0002",
    "Catherine",
    "Brooks",
    "Director; Chair of the Audit Committee",
    "Board of Directors",
    null,
    ["director"],
    "director",
  ),
  officer(
    "D0003",
    "Ahmed",
    "Karimi",
    "Director; Audit Committee member",
    "Board of Directors",
    null,
    ["director"],
    "director",
  ),
  officer(
    "D0004",
    "Susan",
    "Delacroix",
    "Director; Chair of the Compensation Committee",
    "Board of Directors",
    null,
    ["director"],
    "director",
  ),
  officer(
    "D0005",
    "James",
    "Whitaker",
    "Director; Compensation and Audit Committee member",
    "Board of Directors",
    null,
    ["director"],
    "director",
  ),
  officer(
    "D0006",
    "Linda",
    "Nakamura",
    "Director; Compensation Committee member",
    "Board of Directors",
    null,
    ["director"],
    "director",
  ),
  {
    ...officer(
      "X0001",
      "Oliver",
      "Grant",
      "Engagement Partner, independent auditor",
      "External Audit",
      null,
      [],
      "external",
    ),
    entity: "ALERIS-US",
  },
];

/** Regional operations: a head per entity, then plants, then teams. */
export const ALERIS_REGIONS: { entity: EntityCode; country: string; headcount: number; sites: string[] }[] = [
  {
    entity: "ALERIS-US",
    country: "US",
    headcount: 120,
    sites: ["Beachwood, OH", "Lewisport, KY", "Richmond, VA", "Uhrichsville, OH"],
  },
  { entity: "ALERIS-DE", country: "DE", headcount: 60, sites: ["Koblenz", "Grevenbroich", "Töging"] },
  { entity: "ALERIS-BE", country: "BE", headcount: 25, sites: ["Duffel"] },
  { entity: "ALERIS-CN", country: "CN", headcount: 30, sites: ["Zhenjiang"] },
  { entity: "ALERIS-BR", country: "BR", headcount: 20, sites: ["Pindamonhangaba"] },
  { entity: "ALERIS-MX", country: "MX", headcount: 25, sites: ["Monterrey"] },
  { entity: "ALERIS-CA", country: "CA", headcount: 20, sites: ["Mississauga, ON"] },
];
