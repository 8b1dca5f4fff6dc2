import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { activeCase, subject } from "./case-work.ts";
import type { CasePerson } from "./content.ts";
import { speakupDb } from "./db.ts";
import { ensureHandler } from "./escalate-case.ts";
import { mergedReportIds } from "./merged-reports.ts";
import { openJson, personRef, sealJson } from "./sealing.ts";
import type { CasePersonRole } from "./tables.ts";
import type { Ok } from "./views.ts";

/** Names a person, adds a witness, or marks someone conflicted: the named and conflicted never see the case again. */
export async function addCasePerson(
  ctx: Ctx,
  caseId: string,
  input: {
    personId?: string | undefined;
    userId?: string | undefined;
    role: Exclude<CasePersonRole, "reporter">;
  },
): Promise<Ok> {
  if (!input.personId && !input.userId)
    throw invalid("Choose a person or a user.", [{ path: "personId", message: "is required" }]);
  return withTransaction(ctx, async (tx) => {
    const { row, key } = await activeCase(tx, caseId);
    const db = speakupDb(tx);
    let name = "";
    let personId = input.personId ?? null;
    const refs: string[] = [];
    if (input.userId) {
      const u = await db
        .selectFrom("users")
        .select(["id", "display_name", "person_id"])
        .where("id", "=", input.userId)
        .executeTakeFirst();
      if (!u) throw invalid("The user does not exist.", [{ path: "userId", message: "is not a known user" }]);
      name = u.display_name;
      refs.push(personRef(tx, u.id, "user"));
      personId ??= u.person_id;
    }
    if (personId) {
      const p = await db
        .selectFrom("persons")
        .select(["id", "first_name", "last_name"])
        .where("id", "=", personId)
        .executeTakeFirst();
      if (!p)
        throw invalid("The person does not exist.", [{ path: "personId", message: "is not a known person" }]);
      name ||= `${p.first_name} ${p.last_name}`;
      refs.push(personRef(tx, p.id));
    }
    // Someone barred from a case is barred from the reports merged into it too (COC-22.2).
    const barredFrom = input.role === "witness" ? [caseId] : [caseId, ...(await mergedReportIds(tx, caseId))];
    await db
      .insertInto("speakup_case_people")
      .values(
        barredFrom.flatMap((id) => refs.map((ref) => ({ case_id: id, person_ref: ref, role: input.role }))),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    const people = openJson<CasePerson[]>(key, "people", row.people);
    people.push({ personId, userId: input.userId ?? null, name, role: input.role });
    await db
      .updateTable("speakup_cases")
      .set({ people: sealJson(key, "people", people), updated_at: isoNow(tx.clock) })
      .where("id", "=", caseId)
      .execute();
    // A conflicted or named assignee loses the case at once.
    if (input.role !== "witness" && row.assignee_user_id) {
      const assignee = await db
        .selectFrom("users")
        .select(["id", "person_id"])
        .where("id", "=", row.assignee_user_id)
        .executeTakeFirst();
      const assigneeRefs = assignee
        ? [
            personRef(tx, assignee.id, "user"),
            ...(assignee.person_id ? [personRef(tx, assignee.person_id)] : []),
          ]
        : [];
      if (assigneeRefs.some((r) => refs.includes(r)))
        await db
          .updateTable("speakup_cases")
          .set({ assignee_user_id: null })
          .where("id", "=", caseId)
          .execute();
    }
    await record(tx, "case.people", subject(caseId), { role: input.role });
    // Kept away at once: their open tasks on the case go, and the case still reaches someone.
    if (input.role !== "witness") await ensureHandler(tx, caseId);
    return { ok: true };
  });
}
