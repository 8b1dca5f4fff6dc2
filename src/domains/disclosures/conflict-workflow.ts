// The conflict workflow's use cases, one per file (issue 13); re-exported here for the tests that import them together.
export { ceoReviewConflict } from "./ceo-review-conflict.ts";
export { commentConflict } from "./comment-conflict.ts";
export { decideConflict } from "./decide-conflict.ts";
export { expireConflictApprovals } from "./expire-conflict-approvals.ts";
export { forwardConflict } from "./forward-conflict.ts";
