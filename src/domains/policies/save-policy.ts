import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { policiesDb } from "./db.ts";
import { authorize } from "./policy.ts";
import type { DraftInput, PolicyInput, SectionInput, SectionsInput } from "./schemas.ts";
import type { PolicyCreated, PolicyDraftCreated } from "./views.ts";

/** A new draft version written by the actor; its sections are inserted separately. */
async function insertDraft(
  ctx: Ctx,
  v: { id: string; policyId: string; number: number; changeNote: string | null },
  now: string,
) {
  await policiesDb(ctx)
    .insertInto("policy_versions")
    .values({
      id: v.id,
      policy_id: v.policyId,
      number: v.number,
      status: "draft",
      change_note: v.changeNote,
      content_hash: null,
      created_by: ctx.actor.label,
      created_at: now,
      approved_by_user_id: null,
      approved_by: null,
      approved_at: null,
      published_at: null,
      superseded_at: null,
      updated_at: now,
    })
    .execute();
}

async function insertSections(ctx: Ctx, versionId: string, sections: readonly SectionInput[]) {
  const rows = sections.map((s, i) => ({
    id: newId(),
    version_id: versionId,
    position: i + 1,
    number: s.number,
    title: s.title,
    body: s.body,
    links: JSON.stringify(s.links ?? []),
  }));
  for (let i = 0; i < rows.length; i += 100) {
    await policiesDb(ctx)
      .insertInto("policy_sections")
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

/** Creates a policy with its first version as a draft. */
export async function createPolicy(ctx: Ctx, input: PolicyInput): Promise<PolicyCreated> {
  authorize(ctx.actor, "policy.create");
  return withTransaction(ctx, async (tx) => {
    const db = policiesDb(tx);
    if (await db.selectFrom("policies").select("id").where("key", "=", input.key).executeTakeFirst()) {
      throw conflict(`A policy with the key "${input.key}" already exists.`);
    }
    let governsOverId: string | null = null;
    if (input.governsOverKey) {
      const other = await db
        .selectFrom("policies")
        .select("id")
        .where("key", "=", input.governsOverKey)
        .executeTakeFirst();
      if (!other) throw invalid(`governsOverKey: no policy has the key "${input.governsOverKey}".`);
      governsOverId = other.id;
    }
    const id = newId();
    const versionId = newId();
    const now = isoNow(tx.clock);
    await db
      .insertInto("policies")
      .values({
        id,
        key: input.key,
        title: input.title,
        short_title: input.shortTitle,
        audience: JSON.stringify([...new Set(input.audience)]),
        owner: input.owner,
        approval_authority: input.approvalAuthority,
        governs_over_id: governsOverId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertDraft(
      tx,
      {
        id: versionId,
        policyId: id,
        number: 1,
        changeNote: input.changeNote ?? "First version",
      },
      now,
    );
    await insertSections(tx, versionId, input.sections);
    await record(
      tx,
      "policy.create",
      { type: "policy", id },
      { policy: input.key, title: input.title, versionId, sections: input.sections.length },
    );
    return { id, versionId };
  });
}

/** Starts a new draft from the given sections, or from a copy of the latest version. */
export async function createDraftVersion(
  ctx: Ctx,
  policyId: string,
  input: DraftInput,
): Promise<PolicyDraftCreated> {
  authorize(ctx.actor, "policy.edit");
  return withTransaction(ctx, async (tx) => {
    const db = policiesDb(tx);
    const policy = await db.selectFrom("policies").select("id").where("id", "=", policyId).executeTakeFirst();
    if (!policy) throw notFound("The policy");
    const open = await db
      .selectFrom("policy_versions")
      .select("number")
      .where("policy_id", "=", policyId)
      .where("status", "in", ["draft", "approved"])
      .executeTakeFirst();
    if (open)
      throw conflict(`Version ${open.number} is still a draft or awaiting publication; finish it first.`);
    const latest = await db
      .selectFrom("policy_versions")
      .select(["id", "number"])
      .where("policy_id", "=", policyId)
      .orderBy("number", "desc")
      .executeTakeFirst();
    const number = (latest?.number ?? 0) + 1;
    const versionId = newId();
    const now = isoNow(tx.clock);
    await insertDraft(tx, { id: versionId, policyId, number, changeNote: input.changeNote ?? null }, now);
    let sections: SectionInput[] = input.sections ?? [];
    if (!input.sections && latest) {
      const rows = await db
        .selectFrom("policy_sections")
        .selectAll()
        .where("version_id", "=", latest.id)
        .orderBy("position")
        .execute();
      sections = rows.map((r) => ({
        number: r.number,
        title: r.title,
        body: r.body,
        links: JSON.parse(r.links),
      }));
    }
    await insertSections(tx, versionId, sections);
    await record(tx, "policy.draft", { type: "policy", id: policyId }, { versionId, number });
    return { versionId, number };
  });
}

/** Replaces the sections of a draft (only drafts change; an approved text is frozen). */
export async function updateDraftSections(ctx: Ctx, versionId: string, input: SectionsInput): Promise<void> {
  authorize(ctx.actor, "policy.edit");
  await withTransaction(ctx, async (tx) => {
    const db = policiesDb(tx);
    const version = await db
      .selectFrom("policy_versions")
      .select(["id", "policy_id", "status", "number"])
      .where("id", "=", versionId)
      .executeTakeFirst();
    if (!version) throw notFound("The policy version");
    if (version.status !== "draft") {
      throw conflict(`Version ${version.number} is ${version.status}: only a draft can be edited.`);
    }
    await db.deleteFrom("policy_sections").where("version_id", "=", versionId).execute();
    await insertSections(tx, versionId, input.sections);
    await db
      .updateTable("policy_versions")
      .set({
        updated_at: isoNow(tx.clock),
        ...(input.changeNote !== undefined && { change_note: input.changeNote }),
      })
      .where("id", "=", versionId)
      .execute();
    await record(
      tx,
      "policy.edit",
      { type: "policy", id: version.policy_id },
      { versionId, number: version.number, sections: input.sections.length },
    );
  });
}
