// The legal-hold use cases, one per file (issue 13); re-exported here for the tests that import them together.
export { acknowledgeHold } from "./acknowledge-hold.ts";
export { addCustodians } from "./add-custodians.ts";
export { getHold } from "./get-hold.ts";
export { isUnderHold, registerLegalHoldCheck } from "./is-under-hold.ts";
export { issueHold } from "./issue-hold.ts";
export { listHolds } from "./list-holds.ts";
export { releaseHold } from "./release-hold.ts";
export { remindCustodians } from "./remind-custodians.ts";
