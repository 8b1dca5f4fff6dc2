// The guidance use cases, one per file (issue 13); re-exported here for the tests that import them together.
export { answerGuidance } from "./answer-guidance.ts";
export { askGuidance } from "./ask-guidance.ts";
export { askGuidanceAnonymously } from "./ask-guidance-anonymously.ts";
export { escalateGuidance } from "./escalate-guidance.ts";
export { getGuidance } from "./get-guidance.ts";
export { listFaqs } from "./list-faqs.ts";
export { listGuidance } from "./list-guidance.ts";
export { publishFaq } from "./publish-faq.ts";
