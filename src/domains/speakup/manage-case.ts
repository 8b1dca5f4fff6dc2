// The case use cases, one per file (issue 13); re-exported here for the tests that import them together.
export { acknowledgeCase } from "./acknowledge-case.ts";
export { addCaseItem } from "./add-case-item.ts";
export { addCasePerson } from "./add-case-person.ts";
export { assignCase } from "./assign-case.ts";
export { completeCaseItem } from "./complete-case-item.ts";
export { linkCases } from "./link-cases.ts";
export { mergeCase } from "./merge-case.ts";
export { type HandlerMessageOptions, postHandlerMessage } from "./post-handler-message.ts";
export { resolveWatch } from "./resolve-watch.ts";
export { transitionCase } from "./transition-case.ts";
