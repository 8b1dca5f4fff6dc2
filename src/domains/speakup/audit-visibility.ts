import { registerSubjectVisibility } from "../../kernel/audit.ts";
import { visibleCases } from "./list-cases.ts";

/**
 * The audit log shows a speak-up case's events (its filing time, category, team, routing reason)
 * only to those who may see the case (COC-22.2, SOC-6): the same rule as the case list.
 */
registerSubjectVisibility("speakup_case", (ctx) => visibleCases(ctx).select("c.id"));
