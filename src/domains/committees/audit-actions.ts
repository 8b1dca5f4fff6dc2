// The audit actions the committees domain records, exactly: `record(ctx, action, …)` accepts only
// names declared by some domain, so a misspelt action does not compile (issue 13). Add the name
// here when a use case records a new action. Imported from index.ts so it is part of the program.
export {};

declare module "../../kernel/audit.ts" {
  interface AuditActions {
    "adviser.assess": true;
    "adviser.fee": true;
    "adviser.propose": true;
    "adviser.retain": true;
    "adviser.terminate": true;
    "board.chairman": true;
    "charter.revise": true;
    "committee.appoint": true;
    "committee.chair": true;
    "committee.create": true;
    "committee.member.end": true;
    "consent.circulate": true;
    "consent.effective": true;
    "consent.sign": true;
    "duty.evidence": true;
    "meeting.adjourn": true;
    "meeting.agenda": true;
    "meeting.attend": true;
    "meeting.cancel": true;
    "meeting.leave": true;
    "meeting.materials": true;
    "meeting.notice": true;
    "meeting.recuse": true;
    "meeting.schedule": true;
    "minutes.approve": true;
    "minutes.circulate": true;
    "minutes.draft": true;
    "minutes.edit": true;
    "minutes.file": true;
    "minutes.sign": true;
    "questionnaire.certify": true;
    "questionnaire.save": true;
    "resolution.record": true;
  }
}
