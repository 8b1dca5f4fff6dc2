import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildMember } from "../../../test/factories.ts";
import { type Actor, type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import type { RoleName } from "../people/index.ts";
import { ceoReviewConflict, commentConflict, decideConflict, forwardConflict } from "./conflict-workflow.ts";
import { fileConflict, updateConflict, withdrawConflict } from "./file-conflict.ts";
import { decideGift, fileGift, getGift, recordGift } from "./gifts.ts";
import { answerGuidance, askGuidance, getGuidance, publishFaq } from "./guidance.ts";
import { acknowledgeHold, getHold, issueHold, releaseHold } from "./legal-holds.ts";
import { getConflict } from "./list-conflicts.ts";
import { can, type GuidanceSubject } from "./policy.ts";
import type { ConflictView } from "./views.ts";

type Who = { personId: string; userId: string; actor: Actor };
const ROLLBACK = new Error("rollback");

/**
 * Issue 13: the `can` flags sent to the UI and the checks the use cases enforce come from one rule
 * (policy.ts). For each action and a few roles, the flag the actor is shown equals whether the
 * action, tried for real (in a transaction rolled back afterwards), is allowed.
 */
describe(`disclosures policy: each can flag is whether the action is allowed (${dialect})`, () => {
  let t: TestDb;
  let discloser: Who;
  let supervisor: Who;
  let gc: Who;
  let ceo: Who;
  let chair: Who;
  let auditor: Who;
  let stranger: Who;

  const who = (roles: RoleName[], supervisorId: string | null = null): Promise<Who> =>
    buildMember(t.ctx(), roles, { supervisorId });

  /** Tries a use case and rolls everything back: "ok", or the refusal's code. */
  async function attempt(actor: Actor, run: (ctx: Ctx) => Promise<unknown>): Promise<string> {
    let outcome = "ok";
    try {
      await withTransaction(t.ctx(actor), async (tx) => {
        try {
          await run(tx);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          outcome = error.code;
        }
        throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    return outcome;
  }

  beforeAll(async () => {
    t = await createTestDb();
    ceo = await who(["ceo"]);
    supervisor = await who([], ceo.personId);
    discloser = await who([], supervisor.personId);
    gc = await who(["general_counsel"]);
    chair = await who(["audit_committee_chair"]);
    auditor = await who(["auditor"]);
    stranger = await who([]);
  });
  afterAll(() => t.destroy());

  const conflictActions: Record<
    Exclude<keyof ConflictView["can"], "approve" | "submit">,
    (ctx: Ctx, id: string) => Promise<unknown>
  > = {
    edit: (ctx, id) => updateConflict(ctx, id, { title: "Changed title" }),
    withdraw: (ctx, id) => withdrawConflict(ctx, id),
    comment: (ctx, id) => commentConflict(ctx, id, { body: "A comment." }),
    forward: (ctx, id) => forwardConflict(ctx, id),
    ceoReview: (ctx, id) => ceoReviewConflict(ctx, id, { note: "Reported." }),
    decide: (ctx, id) =>
      decideConflict(ctx, id, { decision: "approved", conditions: "None.", reviewDate: "2027-03-01" }),
  };

  async function conflictIn(state: "discussed" | "ceo_review" | "audit_committee" | "approved") {
    const d = await fileConflict(t.ctx(discloser.actor), {
      type: "financial_interest",
      title: "Shares in a supplier",
      description: "I own shares in a supplier.",
      answers: { organisation: "Acme Steel", relationship: "supplier" },
    });
    await commentConflict(t.ctx(gc.actor), d.id, { body: "Discussed." });
    if (state === "discussed") return d.id;
    await forwardConflict(t.ctx(gc.actor), d.id);
    if (state === "ceo_review") return d.id;
    await ceoReviewConflict(t.ctx(ceo.actor), d.id, { note: "Reported." });
    if (state === "audit_committee") return d.id;
    await conflictActions.decide(t.ctx(chair.actor), d.id);
    return d.id;
  }

  for (const state of ["discussed", "ceo_review", "audit_committee", "approved"] as const) {
    it(`conflicts (COC-6.1, COC-6.2), ${state}: for discloser, supervisor, Legal, CEO, Audit Committee, auditor, each flag = the action is allowed`, async () => {
      const id = await conflictIn(state);
      for (const actor of [discloser, supervisor, gc, ceo, chair, auditor, stranger]) {
        const seen = await getConflict(t.ctx(actor.actor), id).catch(() => null);
        if (!seen) continue; // not visible: every action is a 404
        for (const [action, run] of Object.entries(conflictActions)) {
          const flag = seen.can[action as keyof typeof conflictActions];
          const outcome = await attempt(actor.actor, (ctx) => run(ctx, id));
          expect({ state, role: actor.actor.label, action, allowed: outcome === "ok" }).toEqual({
            state,
            role: actor.actor.label,
            action,
            allowed: flag,
          });
        }
      }
    });
  }

  it("conflicts: the forward flag is shown on a disclosure not yet discussed; forwarding then explains COC-6.3 (unchanged behaviour)", async () => {
    const d = await fileConflict(t.ctx(discloser.actor), {
      type: "other",
      title: "Something",
      description: "A situation.",
    });
    const seen = await getConflict(t.ctx(gc.actor), d.id);
    expect(seen.can.forward).toBe(true);
    expect(await attempt(gc.actor, (ctx) => forwardConflict(ctx, d.id))).toBe("CONFLICT");
  });

  it("gifts (COC-12.1): for the requester, Legal and an auditor, decide and record flags = allowed", async () => {
    const gift = await fileGift(t.ctx(discloser.actor), {
      direction: "given",
      counterpartyName: "A. Official",
      organisation: "Ministry",
      official: "non_us_government",
      kind: "meal",
      description: "Lunch",
      value: "40.00",
      eventDate: "2026-04-01",
      businessPurpose: "Permit meeting",
    });
    const actions = {
      decide: (ctx: Ctx) =>
        decideGift(ctx, gift.id, { approve: true, text: "Approved in writing for this." }),
      record: (ctx: Ctx) => recordGift(ctx, gift.id, {}),
    };
    for (const stage of ["pending", "approved"] as const) {
      if (stage === "approved") await actions.decide(t.ctx(gc.actor));
      for (const actor of [discloser, gc, auditor]) {
        const seen = await getGift(t.ctx(actor.actor), gift.id);
        for (const [action, run] of Object.entries(actions)) {
          const allowed = (await attempt(actor.actor, run)) === "ok";
          expect({ stage, role: actor.actor.label, action, allowed }).toEqual({
            stage,
            role: actor.actor.label,
            action,
            allowed: seen.can[action as keyof typeof actions],
          });
        }
      }
    }
  });

  it("legal holds (COC-15.1): for Legal, a custodian and a custodian who acknowledged, manage and acknowledge flags = allowed", async () => {
    const other = await who([]);
    const hold = await issueHold(t.ctx(gc.actor), {
      matter: "Dispute",
      scope: "Every record.",
      custodianIds: [discloser.personId, other.personId],
    });
    await acknowledgeHold(t.ctx(other.actor), hold.id);
    for (const actor of [gc, discloser]) {
      const seen = await getHold(t.ctx(actor.actor), hold.id);
      expect(
        (await attempt(actor.actor, (ctx) => releaseHold(ctx, hold.id, { note: "Done." }))) === "ok",
      ).toBe(seen.can.manage);
      expect((await attempt(actor.actor, (ctx) => acknowledgeHold(ctx, hold.id))) === "ok").toBe(
        seen.can.acknowledge,
      );
    }
    // Acknowledging twice is allowed (it changes nothing) but not offered again.
    expect((await getHold(t.ctx(other.actor), hold.id)).can.acknowledge).toBe(false);
  });

  it("guidance (COC-22.1): the rules in policy.ts give the flags and the visibility guidance.ts computes today, for each role and state", async () => {
    const compliance = await who(["compliance_officer"]);
    const toSupervisor = await askGuidance(t.ctx(discloser.actor), { topic: "Hours", question: "Overtime?" });
    const toLegal = await askGuidance(t.ctx(discloser.actor), {
      topic: "Gifts",
      question: "A calendar?",
      routeTo: "legal",
    });
    const answered = await askGuidance(t.ctx(discloser.actor), {
      topic: "Travel",
      question: "Business class?",
      routeTo: "legal",
    });
    await answerGuidance(t.ctx(gc.actor), answered.id, { answer: "No." });
    const published = await askGuidance(t.ctx(discloser.actor), {
      topic: "Meals",
      question: "Dinner?",
      routeTo: "legal",
    });
    await answerGuidance(t.ctx(gc.actor), published.id, { answer: "Yes." });
    await publishFaq(t.ctx(gc.actor), published.id, { question: "Dinner with a supplier?", answer: "Yes." });
    expect(toSupervisor.routedTo).toBe("supervisor");
    let compared = 0;
    for (const { id } of [toSupervisor, toLegal, answered, published]) {
      const row = await t.database.db
        .withTables<{
          guidance_requests: {
            id: string;
            asker_user_id: string;
            assignee_user_id: string | null;
            routed_to: "supervisor" | "legal";
            status: "open" | "answered";
            published_at: string | null;
          };
        }>()
        .selectFrom("guidance_requests")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      for (const actor of [discloser, supervisor, gc, compliance, ceo, stranger]) {
        const subject: GuidanceSubject = {
          isAsker: actor.userId === row.asker_user_id,
          isAssignee: actor.userId === row.assignee_user_id,
          routedTo: row.routed_to,
          status: row.status,
          isPublished: row.published_at !== null,
        };
        const seen = await getGuidance(t.ctx(actor.actor), id).catch(() => null);
        expect(seen !== null).toBe(can(actor.actor, "guidance.read", subject));
        if (!seen) continue;
        expect(seen.can).toEqual({
          answer: can(actor.actor, "guidance.answer", subject),
          escalate: can(actor.actor, "guidance.escalate", subject),
          publish: can(actor.actor, "guidance.publish", subject),
        });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(8);
  });

  it("register-level flags and checks are one rule: a role without the permission is refused what its flag hides", () => {
    const roles: RoleName[][] = [
      [],
      ["general_counsel"],
      ["compliance_officer"],
      ["ceo"],
      ["auditor"],
      ["audit_committee_member"],
    ];
    for (const r of roles) {
      const actor = actorWith(r);
      expect(can(actor, "conflict.register")).toBe(
        r.some((x) => ["general_counsel", "compliance_officer", "auditor"].includes(x)),
      );
      expect(can(actor, "gift.configure")).toBe(
        r.some((x) => ["general_counsel", "compliance_officer"].includes(x)),
      );
      expect(can(actor, "legal_hold.manage")).toBe(r.includes("general_counsel"));
      expect(can(actor, "conflict.ceo_queue")).toBe(r.includes("ceo"));
    }
  });
});
