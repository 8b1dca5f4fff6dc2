import { z } from "zod";

export const auditFilter = z.object({
  action: z.string().max(100).optional(),
  actorId: z.string().max(64).optional(),
  subjectType: z.string().max(64).optional(),
  subjectId: z.string().max(64).optional(),
  from: z.iso.date({ message: "must be a date written YYYY-MM-DD" }).optional(),
  to: z.iso.date({ message: "must be a date written YYYY-MM-DD" }).optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.infer<typeof auditFilter>;
