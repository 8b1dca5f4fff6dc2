import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, hasPermission, withTransaction } from "../../kernel/context.ts";
import { AppError, conflict, forbidden, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { queueMail } from "../../kernel/mail.ts";
import { closeTasks, ensureTask } from "../../kernel/tasks.ts";
import { peopleDb } from "./db.ts";
import { authorize } from "./policy.ts";
import { ROLES } from "./roles.ts";
import type { RoleGrantRequestsTable, RoleGrantStatus } from "./tables.ts";
import { activeUsersInRole } from "./users-in-role.ts";
import type { RoleGrantList, RoleGrantView } from "./views.ts";

/**
 * Four-eyes grants (issue 12, finding 11): a role that reads speak-up cases, audit or investor
 * data (`isFourEyesRole`) is not granted by one administrator. The grant becomes a pending
 * request; another administrator, neither the requester nor the grantee, approves or rejects it;
 * the Audit Committee chair is told at once (task and e-mail) and sees every grant on the
 * committee's view. Only the system (demo seed, `probity users create` on the server) grants
 * directly; no HTTP path does.
 */

const APPROVE_TASK = "people.role_grant.approve";
const OVERSEE_TASK = "people.role_grant.oversee";
const RECENT_DAYS = 90;

const roleLabel = (role: string) => ROLES.find((r) => r.name === role)?.label ?? role;
const adminHref = (id: string) => `/admin/users?grant=${id}`;
const committeeHref = (id: string) => `/committees?grant=${id}`;

const closeTasksOf = (ctx: Ctx, href: string, kind: string) => closeTasks(ctx, { href, kinds: [kind] });

/**
 * Records pending requests for `roles` of `userId`, inside the caller's transaction, and notifies
 * the other administrators (who may approve) and the Audit Committee chair (who oversees).
 * Returns the roles now pending.
 */
export async function requestRoleGrants(ctx: Ctx, userId: string, roles: readonly string[]) {
  if (ctx.actor.kind !== "user") throw new Error("requestRoleGrants needs a signed-in requester");
  const requester = ctx.actor;
  const db = peopleDb(ctx);
  const grantee = await db
    .selectFrom("users")
    .select(["id", "email", "display_name"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const now = isoNow(ctx.clock);
  const pending: string[] = [];
  for (const role of roles) {
    const existing = await db
      .selectFrom("role_grant_requests")
      .select("id")
      .where("user_id", "=", userId)
      .where("role", "=", role)
      .where("status", "=", "pending")
      .executeTakeFirst();
    pending.push(role);
    if (existing) continue;
    const id = newId();
    await db
      .insertInto("role_grant_requests")
      .values({
        id,
        user_id: userId,
        role,
        status: "pending",
        requested_by: requester.userId,
        requested_at: now,
        decided_by: null,
        decided_at: null,
        note: null,
      })
      .execute();
    await record(ctx, "role_grant.request", { type: "user", id: userId }, { requestId: id, role });
    const what = `${roleLabel(role)} for ${grantee.display_name} (${grantee.email})`;
    for (const admin of await activeUsersInRole(ctx, "admin")) {
      if (admin.id === requester.userId || admin.id === userId) continue;
      await ensureTask(ctx, {
        userId: admin.id,
        kind: APPROVE_TASK,
        title: `Approve or reject the role ${what}`,
        href: adminHref(id),
      });
    }
    for (const chair of await activeUsersInRole(ctx, "audit_committee_chair")) {
      await ensureTask(ctx, {
        userId: chair.id,
        kind: OVERSEE_TASK,
        title: `Role grant requested: ${what}`,
        href: committeeHref(id),
      });
      await queueMail(ctx, {
        to: chair.email,
        subject: `Probity: role grant requested (${roleLabel(role)})`,
        text: [
          `Dear ${chair.display_name},`,
          "",
          `${requester.label} asked to give ${grantee.display_name} (${grantee.email}) the role`,
          `"${roleLabel(role)}", which can read speak-up cases, audit data or investor data.`,
          "It takes effect only when a second administrator approves it (four-eyes; COC-22.2, SOC-6).",
          "Pending and recent grants are listed on the Committees page in Probity.",
        ].join("\n"),
      });
    }
  }
  return pending;
}

async function loadPending(ctx: Ctx, id: string): Promise<RoleGrantRequestsTable> {
  const row = await peopleDb(ctx)
    .selectFrom("role_grant_requests")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The role grant request");
  if (row.status !== "pending") throw conflict(`This request was ${row.status} already.`);
  return row;
}

function assertSecondPerson(ctx: Ctx, row: RoleGrantRequestsTable) {
  authorize(ctx.actor, "user.manage");
  if (ctx.actor.kind !== "user") return;
  if (ctx.actor.userId === row.requested_by)
    throw forbidden("You asked for this grant: another administrator must decide it (four-eyes, COC-22.2).");
  if (ctx.actor.userId === row.user_id)
    throw forbidden("This grant is for you: another administrator must decide it (four-eyes, COC-22.2).");
}

async function decide(ctx: Ctx, id: string, status: Exclude<RoleGrantStatus, "pending">, note?: string) {
  return withTransaction(ctx, async (tx) => {
    const row = await loadPending(tx, id);
    assertSecondPerson(tx, row);
    const db = peopleDb(tx);
    const now = isoNow(tx.clock);
    // Conditional on still pending, so two administrators deciding at once cannot both win.
    const result = await db
      .updateTable("role_grant_requests")
      .set({
        status,
        decided_by: tx.actor.kind === "user" ? tx.actor.userId : null,
        decided_at: now,
        note: note ?? null,
      })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict("This request was decided already.");
    if (status === "approved") {
      const grantee = await db
        .selectFrom("users")
        .select("disabled")
        .where("id", "=", row.user_id)
        .executeTakeFirstOrThrow();
      if (grantee.disabled) throw new AppError("CONFLICT", "The account is disabled; reject the request.");
      const has = await db
        .selectFrom("user_roles")
        .select("role")
        .where("user_id", "=", row.user_id)
        .where("role", "=", row.role)
        .executeTakeFirst();
      if (!has) await db.insertInto("user_roles").values({ user_id: row.user_id, role: row.role }).execute();
    }
    await closeTasksOf(tx, adminHref(id), APPROVE_TASK);
    await record(
      tx,
      status === "approved" ? "role_grant.approve" : "role_grant.reject",
      { type: "user", id: row.user_id },
      { requestId: id, role: row.role, requestedBy: row.requested_by, ...(note && { note }) },
    );
    return getRoleGrant(tx, id);
  });
}

export const approveRoleGrant = (ctx: Ctx, id: string) => decide(ctx, id, "approved");
export const rejectRoleGrant = (ctx: Ctx, id: string, input: { note?: string | undefined } = {}) =>
  decide(ctx, id, "rejected", input.note);

/** The Audit Committee chair marks a grant as seen, which closes the oversight task. */
export async function acknowledgeRoleGrant(ctx: Ctx, id: string) {
  if (!hasPermission(ctx.actor, "role_grant.read"))
    throw forbidden("You may not review role grants (role_grant.read).");
  return withTransaction(ctx, async (tx) => {
    await getRoleGrant(tx, id);
    if (tx.actor.kind === "user") {
      await closeTasks(tx, { href: committeeHref(id), kinds: [OVERSEE_TASK], userIds: [tx.actor.userId] });
    }
    await record(tx, "role_grant.acknowledge", { type: "role_grant", id });
    return getRoleGrant(tx, id);
  });
}

export type { RoleGrantView };

function query(ctx: Ctx) {
  return peopleDb(ctx)
    .selectFrom("role_grant_requests as g")
    .innerJoin("users as u", "u.id", "g.user_id")
    .leftJoin("users as rq", "rq.id", "g.requested_by")
    .leftJoin("users as dc", "dc.id", "g.decided_by")
    .select([
      "g.id",
      "g.role",
      "g.status",
      "g.user_id",
      "g.requested_by",
      "g.requested_at",
      "g.decided_by",
      "g.decided_at",
      "g.note",
      "u.email",
      "u.display_name",
      "rq.email as requester_email",
      "dc.email as decider_email",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>["executeTakeFirstOrThrow"]>>;

function toView(ctx: Ctx, r: Row): RoleGrantView {
  const me = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  return {
    id: r.id,
    role: r.role,
    roleLabel: roleLabel(r.role),
    status: r.status,
    user: { id: r.user_id, email: r.email, displayName: r.display_name },
    requestedBy: { id: r.requested_by, label: r.requester_email ?? r.requested_by },
    requestedAt: r.requested_at,
    decidedBy: r.decided_by ? { id: r.decided_by, label: r.decider_email ?? r.decided_by } : null,
    decidedAt: r.decided_at,
    note: r.note,
    can: {
      decide:
        r.status === "pending" &&
        hasPermission(ctx.actor, "user.manage") &&
        me !== r.requested_by &&
        me !== r.user_id,
    },
  };
}

async function getRoleGrant(ctx: Ctx, id: string): Promise<RoleGrantView> {
  const row = await query(ctx).where("g.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("The role grant request");
  return toView(ctx, row);
}

/** Pending grants and those decided in the last 90 days, newest first. */
export async function listRoleGrants(ctx: Ctx): Promise<RoleGrantList> {
  if (!hasPermission(ctx.actor, "role_grant.read"))
    throw forbidden("You may not read role grants (role_grant.read).");
  const since = new Date(ctx.clock.now().getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const rows = await query(ctx)
    .where((eb) => eb.or([eb("g.status", "=", "pending"), eb("g.decided_at", ">=", since)]))
    .orderBy("g.requested_at", "desc")
    .orderBy("g.id", "desc")
    .limit(500)
    .execute();
  return { items: rows.map((r) => toView(ctx, r)) };
}

/** The roles still waiting for approval, per user (for the users list). */
export async function pendingRolesOf(ctx: Ctx, userId: string): Promise<string[]> {
  const rows = await peopleDb(ctx)
    .selectFrom("role_grant_requests")
    .select("role")
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .orderBy("role")
    .execute();
  return rows.map((r) => r.role);
}
