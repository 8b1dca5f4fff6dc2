// The minutes of a meeting (CC-6), one use case per file; this module gathers them for callers
// that import the whole lifecycle at once.
export { approveMinutes } from "./approve-minutes.ts";
export { circulateMinutes } from "./circulate-minutes.ts";
export { composeDraft } from "./compose-draft.ts";
export { draftMinutes } from "./draft-minutes.ts";
export { editMinutes } from "./edit-minutes.ts";
export { fileMinutes } from "./file-minutes.ts";
export { getMinutes, minutesActions } from "./get-minutes.ts";
export { getMinutesVersion } from "./get-minutes-version.ts";
export type { Minutes } from "./load-minutes.ts";
export { signMinutes } from "./sign-minutes.ts";
