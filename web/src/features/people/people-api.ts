import { queryOptions } from "@tanstack/react-query";
import { type Args, call, type OpId, opKey, type Schema } from "../../api/client.ts";

export type Person = Schema<"PersonView">;
export type PersonKind = Person["kind"];
export type PersonCategory = Person["categories"][number];
export type PersonDetail = Schema<"PersonDetailView">;

/** What creating or changing a person sends: the server's own request body (person.create). */
export type PersonInput = NonNullable<Args<"person.create">["body"]>;

export type Entity = Schema<"LegalEntityView">;

/** Every read that shows people: what a change to a person (or an import) makes stale. */
export const PEOPLE_READS: OpId[] = ["people.list", "person.read", "people.facets", "entity.list"];

export const kindOptions = [
  { value: "employee", label: "Employee" },
  { value: "officer", label: "Officer" },
  { value: "director", label: "Director" },
  { value: "external", label: "External" },
];

export const categoryOptions = [
  { value: "director", label: "Director" },
  { value: "executive_officer", label: "Executive officer" },
  { value: "senior_officer", label: "Senior officer" },
  { value: "finance_accounting", label: "Finance & accounting" },
];

export const categoryLabel = (value: string) =>
  categoryOptions.find((option) => option.value === value)?.label ?? value;

export const entitiesQuery = queryOptions({
  queryKey: opKey("entity.list"),
  queryFn: () => call("entity.list"),
});

export const facetsQuery = queryOptions({
  queryKey: opKey("people.facets"),
  queryFn: () => call("people.facets"),
  staleTime: 60_000,
});

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: opKey("person.read", { path: { id } }),
    queryFn: () => call("person.read", { path: { id } }),
  });
