import type { z } from "zod";
import type { Ctx } from "../../kernel/context.ts";
import { forbidden, invalid } from "../../kernel/errors.ts";
import { queueMail } from "../../kernel/mail.ts";
import { nextInSequence } from "../../kernel/sequence.ts";
import { closeTasks as closeKernelTasks, ensureTask } from "../../kernel/tasks.ts";
import {
  accountOfPerson,
  permissionsOf,
  personNames,
  ROLE_NAMES,
  ROLES,
  type RoleName,
  recipients,
  supervisorIdOf,
} from "../people/index.ts";

export type SignedIn = { userId: string; personId: string | null; label: string };

/** The acting user; disclosures are always someone's own (COC-6.1). */
export function signedIn(ctx: Ctx, what = "do this"): SignedIn {
  const a = ctx.actor;
  if (a.kind !== "user") throw forbidden(`Sign in to ${what}.`);
  return { userId: a.userId, personId: a.personId, label: a.label };
}

export function withPerson(ctx: Ctx, what: string): SignedIn & { personId: string } {
  const me = signedIn(ctx, what);
  if (!me.personId)
    throw forbidden(
      `Your account is not linked to a person in the directory, so you cannot ${what}; ask an administrator to link it.`,
    );
  return { ...me, personId: me.personId };
}

export type Recipient = { userId: string; email: string; name: string };

/** Active users holding a permission (through any of their roles). */
export async function usersWith(ctx: Ctx, permission: string): Promise<Recipient[]> {
  const roles = ROLE_NAMES.filter((r) => permissionsOf([r]).has(permission));
  if (roles.length === 0) return [];
  return usersInRoles(ctx, roles);
}

/** Users holding one of `roles` exactly (e.g. the General Counsel for Legal notices). */
export async function usersInRoles(ctx: Ctx, roles: RoleName[]): Promise<Recipient[]> {
  const found = await recipients(ctx, { roles });
  return found.map((r) => ({ userId: r.userId, email: r.email, name: r.name }));
}

export const roleLabel = (role: RoleName) => ROLES.find((r) => r.name === role)?.label ?? role;

/** The user account of a person (the first active one), if any. */
export async function userOfPerson(ctx: Ctx, personId: string): Promise<Recipient | null> {
  const r = await accountOfPerson(ctx, personId);
  return r ? { userId: r.userId, email: r.email, name: r.name } : null;
}

/** The supervisor of a person and their account, if they have one. */
export async function supervisorOf(
  ctx: Ctx,
  personId: string,
): Promise<{ personId: string; user: Recipient | null } | null> {
  const supervisorId = await supervisorIdOf(ctx, personId);
  if (!supervisorId) return null;
  return { personId: supervisorId, user: await userOfPerson(ctx, supervisorId) };
}

export async function personName(ctx: Ctx, personId: string): Promise<string> {
  return (await personNames(ctx, [personId])).get(personId) ?? "someone";
}

/** Opens a "My tasks" entry (one per assignee, kind and link; an open one gets the new title and due date). */
export async function openTask(
  ctx: Ctx,
  task: { userId: string; kind: string; title: string; href: string; dueAt?: string | null },
): Promise<void> {
  await ensureTask(ctx, task, { refresh: true });
}

/** Closes the open tasks on `href` (of `kinds`, or all; for one user, or everyone). */
export async function closeTasks(
  ctx: Ctx,
  href: string,
  options: { kinds?: string[]; userId?: string } = {},
): Promise<void> {
  await closeKernelTasks(ctx, {
    href,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.userId ? { userIds: [options.userId] } : {}),
  });
}

export async function mailTo(ctx: Ctx, to: Recipient[], subject: string, text: string): Promise<void> {
  for (const r of to) await queueMail(ctx, { to: r.email, subject, text: `Dear ${r.name},\n\n${text}` });
}

/** The next human-readable number of a register: PREFIX-YYYY-0001. */
export async function nextNumber(
  ctx: Ctx,
  table:
    | "conflict_disclosures"
    | "gifts"
    | "guidance_requests"
    | "inquiries"
    | "boycott_requests"
    | "legal_holds",
  prefix: string,
): Promise<string> {
  // The table names the register; the counter is per register and year (kernel/sequence.ts).
  const stem = `${prefix}-${ctx.clock.now().getUTCFullYear()}-`;
  const seq = await nextInSequence(ctx, `${table}:${stem}`);
  return `${stem}${String(seq).padStart(4, "0")}`;
}

export const jsonOr = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** Validates a use case's input: a bad value is an INVALID AppError naming each field. */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ path: i.path.join(".") || "body", message: i.message }));
  throw invalid(errors.map((e) => `${e.path} ${e.message}`).join("; "), errors);
}
