import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { contains } from "../../kernel/db.ts";
import { AppError, conflict, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { type Page, readPage } from "../../kernel/paging.ts";
import { peopleDb } from "./db.ts";
import { hashPassword } from "./passwords.ts";
import { authorize } from "./policy.ts";
import { pendingRolesOf, requestRoleGrants } from "./role-grants.ts";
import { isFourEyesRole, ROLES } from "./roles.ts";
import type { UserInput, UserPatch } from "./schemas.ts";
import type { UserView } from "./views.ts";

export type { UserView };

/** The role catalogue; `fourEyes` says a grant needs a second administrator's approval. */
export const listRoles = () => ({ items: ROLES.map((r) => ({ ...r, fourEyes: isFourEyesRole(r.name) })) });

async function view(ctx: Ctx, id: string): Promise<UserView> {
  const db = peopleDb(ctx);
  const u = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  if (!u) throw notFound("The user");
  const roles = (
    await db.selectFrom("user_roles").select("role").where("user_id", "=", id).orderBy("role").execute()
  ).map((r) => r.role);
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    personId: u.person_id,
    roles,
    pendingRoles: await pendingRolesOf(ctx, id),
    totpEnabled: Boolean(u.totp_enabled),
    mustChangePassword: Boolean(u.must_change_password),
    disabled: Boolean(u.disabled),
    lastLoginAt: u.last_login_at,
  };
}

export async function listUsers(
  ctx: Ctx,
  f: { q?: string | undefined; role?: string | undefined; page: number; pageSize: number },
): Promise<Page<UserView>> {
  authorize(ctx.actor, "user.manage");
  const db = peopleDb(ctx);
  let q = db.selectFrom("users").select("id");
  if (f.q)
    q = q.where((eb) => eb.or([contains(eb.ref("email"), f.q!), contains(eb.ref("display_name"), f.q!)]));
  if (f.role)
    q = q.where("id", "in", db.selectFrom("user_roles").select("user_id").where("role", "=", f.role));
  const page = await readPage(
    q,
    f,
    (users) => users.orderBy("email"),
    (r) => r.id,
  );
  const items = [];
  for (const id of page.items) items.push(await view(ctx, id));
  return { ...page, items };
}

/**
 * Splits requested roles into those granted now and those that need a second administrator
 * (issue 12, finding 11). The system actor (demo seed, the server's own CLI) grants directly;
 * a signed-in administrator, i.e. every HTTP path, never does for a four-eyes role.
 */
function splitRoles(ctx: Ctx, roles: readonly string[]) {
  const unique = [...new Set(roles)];
  if (ctx.actor.kind !== "user") return { direct: unique, fourEyes: [] as string[] };
  return { direct: unique.filter((r) => !isFourEyesRole(r)), fourEyes: unique.filter(isFourEyesRole) };
}

/**
 * Creates a user account; used by the admin screen, the CLI and the demo seed. An account an
 * administrator creates must change its initial password at first sign-in (issue 12, finding 15);
 * the system's (demo, CLI bootstrap) need not.
 */
export async function createUser(ctx: Ctx, input: UserInput): Promise<UserView> {
  authorize(ctx.actor, "user.manage");
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    if (await db.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst()) {
      throw conflict(`A user with the email ${input.email} already exists.`);
    }
    if (input.personId) {
      if (
        !(await db.selectFrom("persons").select("id").where("id", "=", input.personId).executeTakeFirst())
      ) {
        throw invalid("The person does not exist.", [{ path: "personId", message: "is not a known person" }]);
      }
      if (
        await db.selectFrom("users").select("id").where("person_id", "=", input.personId).executeTakeFirst()
      ) {
        throw conflict("This person already has a user account.");
      }
    }
    const id = newId();
    const now = isoNow(tx.clock);
    await db
      .insertInto("users")
      .values({
        id,
        email: input.email,
        display_name: input.displayName,
        person_id: input.personId ?? null,
        password_hash: passwordHash,
        totp_secret: null,
        totp_pending_secret: null,
        totp_enabled: 0,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        must_change_password: ctx.actor.kind === "user" ? 1 : 0,
        totp_last_step: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { direct: roles, fourEyes } = splitRoles(tx, input.roles);
    if (roles.length)
      await db
        .insertInto("user_roles")
        .values(roles.map((role) => ({ user_id: id, role })))
        .execute();
    await record(
      tx,
      "user.create",
      { type: "user", id },
      { email: input.email, roles, personId: input.personId ?? null, ...(fourEyes.length && { fourEyes }) },
    );
    if (fourEyes.length) await requestRoleGrants(tx, id, fourEyes);
    return view(tx, id);
  });
}

export async function updateUser(ctx: Ctx, id: string, patch: UserPatch): Promise<UserView> {
  authorize(ctx.actor, "user.manage");
  return withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    const before = await view(tx, id);
    const self = ctx.actor.kind === "user" && ctx.actor.userId === id;
    if (self && patch.disabled) throw new AppError("CONFLICT", "You cannot disable your own account.");
    if (self && patch.roles && before.roles.includes("admin") && !patch.roles.includes("admin")) {
      throw new AppError(
        "CONFLICT",
        "You cannot remove your own administrator role; ask another administrator.",
      );
    }
    const set: { display_name?: string; disabled?: number; updated_at: string } = {
      updated_at: isoNow(tx.clock),
    };
    if (patch.displayName !== undefined) set.display_name = patch.displayName;
    if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
    await db.updateTable("users").set(set).where("id", "=", id).execute();
    if (patch.disabled) await db.deleteFrom("sessions").where("user_id", "=", id).execute();
    let requested: string[] = [];
    if (patch.roles) {
      // Removing a role takes effect at once; adding a four-eyes role becomes a request.
      const added = [...new Set(patch.roles)].filter((r) => !before.roles.includes(r));
      const { direct, fourEyes } = splitRoles(tx, added);
      const wanted: readonly string[] = patch.roles;
      const kept = before.roles.filter((r) => wanted.includes(r));
      const roles = [...kept, ...direct];
      await db.deleteFrom("user_roles").where("user_id", "=", id).execute();
      if (roles.length)
        await db
          .insertInto("user_roles")
          .values(roles.map((role) => ({ user_id: id, role })))
          .execute();
      requested = fourEyes;
    }
    const after = await view(tx, id);
    await record(
      tx,
      "user.update",
      { type: "user", id },
      {
        ...(patch.roles && { roles: { from: before.roles, to: after.roles } }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        ...(patch.displayName !== undefined && { displayName: patch.displayName }),
        ...(requested.length && { fourEyes: requested }),
      },
    );
    if (requested.length) {
      await requestRoleGrants(tx, id, requested);
      return view(tx, id);
    }
    return after;
  });
}

export async function resetTotp(ctx: Ctx, id: string): Promise<UserView> {
  authorize(ctx.actor, "user.manage");
  // Removing one's own authenticator needs the password or a current code (account security),
  // not just an administrator's session (issue 12, finding 15).
  if (ctx.actor.kind === "user" && ctx.actor.userId === id)
    throw new AppError(
      "CONFLICT",
      "You cannot reset your own authenticator here; replace it under your account's security, which asks for your password.",
    );
  return withTransaction(ctx, async (tx) => {
    await view(tx, id);
    await peopleDb(tx)
      .updateTable("users")
      .set({ totp_secret: null, totp_pending_secret: null, totp_enabled: 0, updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await peopleDb(tx).deleteFrom("sessions").where("user_id", "=", id).execute();
    await record(tx, "user.totp.reset", { type: "user", id });
    return view(tx, id);
  });
}
