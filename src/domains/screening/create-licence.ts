import type { z } from "zod";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { screeningDb } from "./db.ts";
import { authorize } from "./policy.ts";
import type { licenceInput } from "./schemas.ts";
import type { exportLicenceView, View } from "./views.ts";

export async function createLicence(
  ctx: Ctx,
  input: z.infer<typeof licenceInput>,
): Promise<View<typeof exportLicenceView>> {
  authorize(ctx.actor, "export.manage");
  return withTransaction(ctx, async (tx) => {
    const row = {
      id: newId(),
      kind: input.kind,
      reference: input.reference,
      eccn: input.eccn,
      country: input.country,
      valid_until: input.validUntil ?? null,
      created_at: isoNow(tx.clock),
    };
    await screeningDb(tx).insertInto("export_licences").values(row).execute();
    await record(tx, "export.licence.create", { type: "export_licence", id: row.id }, { ...row });
    return {
      id: row.id,
      kind: row.kind,
      reference: row.reference,
      eccn: row.eccn,
      country: row.country,
      validUntil: row.valid_until,
    };
  });
}
