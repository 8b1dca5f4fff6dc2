import type { z } from "zod";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { screeningDb } from "./db.ts";
import { authorize } from "./policy.ts";
import type { exportItemInput } from "./schemas.ts";
import type { exportItemView, View } from "./views.ts";

export async function createExportItem(
  ctx: Ctx,
  input: z.infer<typeof exportItemInput>,
): Promise<View<typeof exportItemView>> {
  authorize(ctx.actor, "export.manage");
  return withTransaction(ctx, async (tx) => {
    const db = screeningDb(tx);
    if (await db.selectFrom("export_items").select("id").where("sku", "=", input.sku).executeTakeFirst())
      throw conflict(`An item with SKU ${input.sku} already exists.`);
    const row = {
      id: newId(),
      sku: input.sku,
      name: input.name,
      eccn: input.eccn,
      reasons: JSON.stringify(input.eccn === "EAR99" ? [] : input.reasons),
      created_at: isoNow(tx.clock),
    };
    await db.insertInto("export_items").values(row).execute();
    await record(tx, "export.item.create", { type: "export_item", id: row.id }, { ...row });
    return {
      id: row.id,
      sku: row.sku,
      name: row.name,
      eccn: row.eccn,
      reasons: JSON.parse(row.reasons) as string[],
    };
  });
}
