// Modules whose screens are not built yet; each describes what it will do (from DESIGN.md).
export type PlannedModule = {
  path: "/disclosures" | "/restructuring";
  title: string;
  summary: string;
  details: string[];
};

export const plannedModules: PlannedModule[] = [
  {
    path: "/disclosures",
    title: "Disclosures",
    summary:
      "Conflicts of interest, gifts and hospitality, guidance requests, government and media inquiries, and boycott requests.",
    details: [
      "Gifts to government officials only with the Legal Department's prior written approval.",
      "Legal holds that stop retention from deleting the records they cover.",
    ],
  },
  {
    path: "/restructuring",
    title: "Restructuring",
    summary:
      "The Chapter 11 rights offering: claims register, elections, the allocation engine and purchase notices.",
    details: [
      "Backstop commitments, fees, progress reports and conditions precedent.",
      "Deadlines in business days on the US banking calendar, and Requisite Investor votes.",
    ],
  },
];
