import { faker } from "@faker-js/faker";
import { createEntity, createPerson, createUser, type RoleName } from "../src/domains/people/index.ts";
import { permissionsOf } from "../src/domains/people/roles.ts";
import type { PersonInput } from "../src/domains/people/schemas.ts";
import { type Actor, type Ctx, systemActor } from "../src/kernel/context.ts";

/** An actor with the given roles, for calling use cases directly. */
export function actorWith(roles: RoleName[], ids: { userId?: string; personId?: string | null } = {}): Actor {
  return {
    kind: "user",
    userId: ids.userId ?? faker.string.uuid(),
    personId: ids.personId ?? null,
    label: `${roles.join("+") || "employee"}@test`,
    roles,
    permissions: permissionsOf(roles),
  };
}

export const buildEntity = (
  ctx: Ctx,
  overrides: Partial<{ code: string; name: string; country: string; parentId: string | null }> = {},
) =>
  createEntity(ctx, {
    code: overrides.code ?? `E-${faker.string.alphanumeric({ length: 6, casing: "upper" })}`,
    name: overrides.name ?? `${faker.company.name()} GmbH`,
    country: overrides.country ?? "DE",
    parentId: overrides.parentId ?? null,
  });

export const buildPerson = (ctx: Ctx, overrides: Partial<PersonInput> = {}) =>
  createPerson(ctx, {
    kind: "employee",
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    categories: [],
    ...overrides,
  });

export async function buildUser(
  ctx: Ctx,
  roles: RoleName[] = [],
  overrides: { email?: string; password?: string; personId?: string | null } = {},
) {
  const password = overrides.password ?? "correct horse battery staple";
  // A factory seeds like the demo: as the system, so roles are granted at once (no four-eyes
  // request) and no password change is forced; tests of those rules call createUser themselves.
  const user = await createUser(
    { ...ctx, actor: systemActor("factory") },
    {
      email: overrides.email ?? faker.internet.email().toLowerCase(),
      displayName: faker.person.fullName(),
      personId: overrides.personId ?? null,
      password,
      roles,
    },
  );
  return { ...user, password };
}
