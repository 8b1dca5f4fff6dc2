// Modules whose screens are not built yet; each describes what it will do (from DESIGN.md).
export type PlannedModule = {
  path: string;
  title: string;
  summary: string;
  details: string[];
};

export const plannedModules: PlannedModule[] = [];
