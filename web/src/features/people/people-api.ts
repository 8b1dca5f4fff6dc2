import { queryOptions } from "@tanstack/react-query";
import { call, opKey, type Schema } from "../../api/client.ts";
import { api } from "../../lib/api.ts";

export type Person = Schema<"PersonView">;
export type PersonKind = Person["kind"];
export type PersonCategory = Person["categories"][number];
export type PersonDetail = Schema<"PersonDetailView">;

export type PersonInput = {
  externalId: string | null;
  kind: PersonKind;
  firstName: string;
  lastName: string;
  email: string | null;
  title: string | null;
  department: string | null;
  locationCountry: string | null;
  legalEntityId: string | null;
  supervisorId: string | null;
  hireDate: string | null;
  endDate: string | null;
  categories: string[];
};

export type Entity = Schema<"LegalEntityView">;

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
  queryKey: ["people", "facets"],
  queryFn: () =>
    api.get<{ departments: string[]; countries: string[]; titles: string[] }>("/api/people/facets"),
  staleTime: 60_000,
});

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ["people", "detail", id],
    queryFn: () => api.get<PersonDetail>(`/api/people/${id}`),
  });
