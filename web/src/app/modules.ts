// Modules whose screens are not built yet; each describes what it will do (from DESIGN.md).
export type PlannedModule = {
  path: "/restructuring";
  title: string;
  summary: string;
  details: string[];
};

export const plannedModules: PlannedModule[] = [
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
