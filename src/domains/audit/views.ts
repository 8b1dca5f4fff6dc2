import { z } from "zod";
import { isoInstant, itemsOf, pageOf } from "../../kernel/http/responses.ts";

/** One audit event as the audit log screen, the CSV and the API show it. */
export const auditEventView = z
  .object({
    seq: z.number().int(),
    occurredAt: isoInstant,
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    payload: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: "AuditEventView" });
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditEventPage = pageOf(auditEventView);
export const auditActions = itemsOf(z.string());

/** What `verify` found: the first event that does not match, or how many were checked. */
export const verifyResultView = z
  .object({
    ok: z.boolean(),
    verified: z.number().int(),
    firstBadSeq: z.number().int().nullable(),
    message: z.string(),
  })
  .meta({ id: "VerifyResultView" });
export type VerifyResultView = z.infer<typeof verifyResultView>;
