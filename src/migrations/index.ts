import type { Migration } from "kysely";
import * as foundation from "./2026-11-21-001-foundation.ts";
import * as speakup from "./2026-11-21-003-speakup.ts";
import * as policiesCertifications from "./2026-11-21-004-policies-certifications.ts";
import * as disclosures from "./2026-11-21-005-disclosures.ts";
import * as screening from "./2026-11-21-006-screening.ts";
import * as committees from "./2026-11-21-007-committees.ts";
import * as restructuring from "./2026-11-21-008-restructuring.ts";
import * as sequences from "./2026-11-21-009-sequences.ts";
import * as screeningLists from "./2026-11-22-010-screening-lists.ts";
import * as speakupRetention from "./2026-11-22-011-speakup-retention.ts";
import * as speakupNeedsHandler from "./2026-12-03-101-speakup-needs-handler.ts";
import * as speakupMailbox from "./2026-12-03-102-speakup-mailbox.ts";
import * as rateCounters from "./2026-12-03-103-rate-counters.ts";
import * as accountSecurity from "./2026-12-03-104-account-security.ts";
import * as outboxClaims from "./2026-12-03-106-outbox-claims.ts";
import * as auditCheckpoints from "./2026-12-03-107-audit-checkpoints.ts";
import * as screeningListsByEntity from "./2026-12-03-108-screening-lists.ts";
import * as rxPayments from "./2026-12-03-110-rx-payments.ts";

/** Every migration, in order. Names are dated so their order is their history. */
export const migrations: Record<string, Migration> = {
  "2026-11-21-001-foundation": foundation,
  "2026-11-21-003-speakup": speakup,
  "2026-11-21-004-policies-certifications": policiesCertifications,
  "2026-11-21-005-disclosures": disclosures,
  "2026-11-21-006-screening": screening,
  "2026-11-21-007-committees": committees,
  "2026-11-21-008-restructuring": restructuring,
  "2026-11-21-009-sequences": sequences,
  "2026-11-22-010-screening-lists": screeningLists,
  "2026-11-22-011-speakup-retention": speakupRetention,
  "2026-12-03-101-speakup-needs-handler": speakupNeedsHandler,
  "2026-12-03-102-speakup-mailbox": speakupMailbox,
  "2026-12-03-103-rate-counters": rateCounters,
  "2026-12-03-104-account-security": accountSecurity,
  "2026-12-03-106-outbox-claims": outboxClaims,
  "2026-12-03-107-audit-checkpoints": auditCheckpoints,
  "2026-12-03-108-screening-lists": screeningListsByEntity,
  "2026-12-03-110-rx-payments": rxPayments,
};
