import {
  type Faker,
  fakerDE,
  fakerEN_CA,
  fakerEN_US,
  fakerES_MX,
  fakerNL_BE,
  fakerPT_BR,
  fakerZH_CN,
} from "@faker-js/faker";
import { seedCertificationsDemo } from "../domains/certifications/demo.ts";
import { seedCommitteesDemo } from "../domains/committees/index.ts";
import { seedDisclosuresDemo } from "../domains/disclosures/index.ts";
import { createUser, DEFAULT_SECURITY, peopleDb, updateOrganisation } from "../domains/people/index.ts";
import { seedRestructuringDemo } from "../domains/restructuring/index.ts";
import { seedScreeningDemo } from "../domains/screening/demo.ts";
import { seedSpeakupDemo } from "../domains/speakup/demo.ts";
import { record } from "../kernel/audit.ts";
import { isoDate, isoNow } from "../kernel/clock.ts";
import { type Ctx, withTransaction } from "../kernel/context.ts";
import { newId } from "../kernel/ids.ts";
import { putSetting } from "../kernel/settings.ts";
import {
  ALERIS_ENTITIES,
  ALERIS_LEADERS,
  ALERIS_ORGANISATION,
  ALERIS_REGIONS,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
} from "./aleris.ts";

const FAKERS: Record<string, Faker> = {
  US: fakerEN_US,
  DE: fakerDE,
  BE: fakerNL_BE,
  CN: fakerZH_CN,
  BR: fakerPT_BR,
  MX: fakerES_MX,
  CA: fakerEN_CA,
};

const DEPARTMENTS = [
  {
    name: "Production",
    weight: 8,
    titles: ["Production Operator", "Furnace Operator", "Rolling Mill Operator", "Shift Supervisor"],
  },
  {
    name: "Maintenance",
    weight: 3,
    titles: ["Maintenance Technician", "Electrician", "Reliability Engineer"],
  },
  { name: "Quality", weight: 2, titles: ["Quality Inspector", "Metallurgist", "Quality Engineer"] },
  { name: "Environment, Health & Safety", weight: 1, titles: ["EHS Specialist", "Safety Coordinator"] },
  {
    name: "Finance",
    weight: 2,
    titles: ["Accountant", "Financial Analyst", "Accounts Payable Clerk", "Plant Controller"],
  },
  {
    name: "Sales",
    weight: 2,
    titles: ["Account Manager", "Sales Representative", "Customer Service Representative"],
  },
  { name: "Procurement", weight: 1, titles: ["Buyer", "Scrap Metal Trader"] },
  { name: "Logistics", weight: 1, titles: ["Logistics Coordinator", "Export Compliance Specialist"] },
  { name: "Human Resources", weight: 1, titles: ["HR Generalist", "Payroll Specialist"] },
];

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

type Row = {
  id: string;
  external_id: string;
  kind: "employee" | "officer" | "director" | "external";
  first_name: string;
  last_name: string;
  email: string;
  title: string;
  department: string;
  location_country: string;
  legal_entity_id: string;
  supervisor_id: string | null;
  hire_date: string;
  end_date: string | null;
  categories: string;
  created_at: string;
  updated_at: string;
};

/** True when the database has no people yet (a fresh install). */
export async function isEmpty(ctx: Ctx): Promise<boolean> {
  return !(await peopleDb(ctx).selectFrom("persons").select("id").limit(1).executeTakeFirst());
}

/**
 * Seeds the Aleris demo: organisation, legal entities, board, senior officers, Legal Department,
 * about 320 generated employees with an org chart, and the demo sign-in accounts. The same seed
 * always produces the same people.
 */
export async function seedDemo(ctx: Ctx): Promise<{ people: number; users: number }> {
  await updateOrganisation(ctx, ALERIS_ORGANISATION);
  const result = await withTransaction(ctx, async (tx) => {
    const db = peopleDb(tx);
    const now = isoNow(tx.clock);
    const entityId = new Map<string, string>();
    for (const e of ALERIS_ENTITIES) {
      const id = newId();
      entityId.set(e.code, id);
      await db
        .insertInto("legal_entities")
        .values({
          id,
          code: e.code,
          name: e.name,
          country: e.country,
          parent_id: e.parent ? entityId.get(e.parent)! : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const rows: Row[] = [];
    const idOf = new Map<string, string>();
    const add = (
      r: Omit<Row, "id" | "created_at" | "updated_at" | "supervisor_id">,
      supervisor: string | null,
    ) => {
      const id = newId();
      idOf.set(r.external_id, id);
      rows.push({
        ...r,
        id,
        supervisor_id: supervisor ? idOf.get(supervisor)! : null,
        created_at: now,
        updated_at: now,
      });
    };
    fakerEN_US.seed(2009);
    for (const l of ALERIS_LEADERS) {
      add(
        {
          external_id: l.externalId,
          kind: l.kind,
          first_name: l.firstName,
          last_name: l.lastName,
          email: `${ascii(l.firstName)}.${ascii(l.lastName)}@aleris.example`,
          title: l.title,
          department: l.department,
          location_country: l.country,
          legal_entity_id: entityId.get(l.entity)!,
          hire_date: fakerEN_US.date
            .between({ from: "1996-01-01", to: "2008-12-31" })
            .toISOString()
            .slice(0, 10),
          end_date: null,
          categories: JSON.stringify([...l.categories].sort()),
        },
        l.supervisor,
      );
    }
    let staffNo = 1000;
    let headNo = 1;
    for (const region of ALERIS_REGIONS) {
      const f = FAKERS[region.country] ?? fakerEN_US;
      f.seed(1000 + headNo);
      const person = (
        externalId: string,
        title: string,
        department: string,
        supervisor: string,
        categories: string[] = [],
      ) => {
        const first = f.person.firstName();
        const last = f.person.lastName();
        const local =
          ascii(first) && ascii(last) ? `${ascii(first)}.${ascii(last)}` : externalId.toLowerCase();
        const ended = f.number.int({ min: 1, max: 100 }) <= 4;
        const hire = isoDate(f.date.between({ from: "1998-01-01", to: "2025-06-30" }));
        add(
          {
            external_id: externalId,
            kind: "employee",
            first_name: first,
            last_name: last,
            email: `${local}.${externalId.toLowerCase()}@aleris.example`,
            title,
            department,
            location_country: region.country,
            legal_entity_id: entityId.get(region.entity)!,
            hire_date: hire,
            end_date: ended ? isoDate(f.date.between({ from: "2025-07-01", to: "2026-10-31" })) : null,
            categories: JSON.stringify(categories),
          },
          supervisor,
        );
        return externalId;
      };
      const head = person(
        `R${String(headNo++).padStart(3, "0")}`,
        `Managing Director, ${region.country === "US" ? "North America" : region.sites[0]}`,
        "Operations",
        "A0010",
      );
      const perSite = Math.floor(region.headcount / region.sites.length);
      for (const [s, site] of region.sites.entries()) {
        const plant = person(
          `R${String(headNo++).padStart(3, "0")}`,
          `Plant Manager, ${site}`,
          "Operations",
          head,
        );
        const leads = new Map<string, string>();
        for (let i = 0; i < perSite; i++) {
          const total = DEPARTMENTS.reduce((a, d) => a + d.weight, 0);
          const pick = f.number.int({ min: 1, max: total });
          let cumulative = 0;
          const dept =
            DEPARTMENTS.find((d) => {
              cumulative += d.weight;
              return pick <= cumulative;
            }) ?? DEPARTMENTS[0]!;
          const categories = dept.name === "Finance" ? ["finance_accounting"] : [];
          let lead = leads.get(dept.name);
          if (!lead) {
            lead = person(`E${staffNo++}`, `${dept.name} Manager, ${site}`, dept.name, plant, categories);
            leads.set(dept.name, lead);
            continue;
          }
          person(`E${staffNo++}`, f.helpers.arrayElement(dept.titles), dept.name, lead, categories);
        }
        if (s === 0 && region.country === "US") {
          // Keep E1000 (the demo employee) active whatever the generator drew.
          const first = rows.find((r) => r.external_id === "E1000");
          if (first) first.end_date = null;
        }
      }
    }
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto("persons")
        .values(rows.slice(i, i + 100))
        .execute();
    // The demo starts without mandatory TOTP so anyone can sign in; the sign-in page says so.
    await putSetting(tx, "security", { ...DEFAULT_SECURITY, totpRequiredForPrivileged: false });
    await record(
      tx,
      "demo.seed",
      { type: "organisation", id: "1" },
      { people: rows.length, entities: ALERIS_ENTITIES.length },
    );
    return { people: rows.length, idOf, rows };
  });
  let users = 0;
  for (const a of DEMO_ACCOUNTS) {
    const person = result.rows.find((r) => r.external_id === a.externalId)!;
    await createUser(ctx, {
      email: a.email,
      displayName: `${person.first_name} ${person.last_name}`,
      personId: person.id,
      password: DEMO_PASSWORD,
      roles: [...a.roles],
    });
    users += 1;
  }
  await seedCertificationsDemo(ctx);
  await seedCommitteesDemo(ctx);
  await seedDisclosuresDemo(ctx);
  if (ctx.keyRing) await seedSpeakupDemo(ctx);
  await seedRestructuringDemo(ctx);
  await seedScreeningDemo(ctx);
  return { people: result.people, users };
}

export const demoAccountsForLogin = () =>
  DEMO_ACCOUNTS.map((a) => ({
    email: a.email,
    password: DEMO_PASSWORD,
    roles: a.roles.length ? [...a.roles] : ["employee"],
    note: a.note,
  }));

// The audit action the demo seed records (issue 13: audit action names are typed).
declare module "../kernel/audit.ts" {
  interface AuditActions {
    "demo.seed": true;
  }
}
