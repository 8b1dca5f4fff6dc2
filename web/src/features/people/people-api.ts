import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";

export type PersonKind = "employee" | "officer" | "director" | "external";
export type PersonCategory = "director" | "executive_officer" | "senior_officer" | "finance_accounting";

export type Person = {
  id: string;
  externalId: string | null;
  kind: PersonKind;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string | null;
  title: string | null;
  department: string | null;
  locationCountry: string | null;
  legalEntityId: string | null;
  legalEntityName: string | null;
  supervisorId: string | null;
  supervisorName: string | null;
  hireDate: string | null;
  endDate: string | null;
  status: "active" | "ended";
  categories: string[];
};

export type PersonSummary = Pick<Person, "id" | "displayName"> &
  Partial<Pick<Person, "title" | "department" | "email">>;

export type PersonDetail = Person & {
  supervisor: PersonSummary | null;
  directReports: PersonSummary[];
  entity: { id: string; code: string; name: string; country?: string } | null;
  user: { id: string; email: string; roles: string[] } | null;
  can: { update: boolean; end: boolean };
};

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

export type Entity = {
  id: string;
  code: string;
  name: string;
  country: string;
  parentId: string | null;
  parentName: string | null;
  headcount: number;
};

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
  queryKey: ["entities"],
  queryFn: () => api.get<{ items: Entity[] }>("/api/entities"),
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
