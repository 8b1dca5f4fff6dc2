import { type Actor, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";

export type PeopleAction =
  | "person.read"
  | "person.create"
  | "person.update"
  | "person.end"
  | "people.import"
  | "entity.manage"
  | "organisation.update"
  | "user.manage";

const REQUIRED: Record<PeopleAction, string> = {
  "person.read": "people.read",
  "person.create": "people.write",
  "person.update": "people.write",
  "person.end": "people.write",
  "people.import": "people.import",
  "entity.manage": "entity.manage",
  "organisation.update": "organisation.manage",
  "user.manage": "user.manage",
};

/** Who may do what in the people domain. A person may always read their own record. */
export function can(actor: Actor, action: PeopleAction, person?: { id: string }): boolean {
  if (action === "person.read" && person && actor.kind === "user" && actor.personId === person.id)
    return true;
  return hasPermission(actor, REQUIRED[action]);
}

export function authorize(actor: Actor, action: PeopleAction, person?: { id: string }): void {
  if (!can(actor, action, person)) throw forbidden(`You may not ${action.replace(".", " ")} (${action}).`);
}
