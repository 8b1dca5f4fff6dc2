import { z } from "zod";

// Building blocks of response schemas (issue 13: every route declares its answer, so the OpenAPI
// document, the generated web client and the serializer agree). A response schema is also a
// filter: the serializer sends only the fields it names, so a field a view forgets never leaks,
// and a use case whose answer does not match fails its tests instead of drifting from the web app.

/** A page of a list: `{ items, total, page, pageSize }` (lists take `?page=&pageSize=`). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** A whole (short) list: `{ items }`. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A write whose answer carries nothing but success. */
export const okResponse = z.object({ ok: z.literal(true) });

/** A file sent as it is (CSV, PDF, an attachment): the serializer never touches it. */
export const fileResponse = (mediaType: string) =>
  z.string().meta({ description: `A file (${mediaType}), sent as an attachment` });

/** Calendar dates and instants are ISO strings on the wire. */
export const isoDate = z.string().meta({ description: "A calendar date, YYYY-MM-DD" });
export const isoInstant = z.string().meta({ description: "An instant, ISO 8601 in UTC" });

/** The `can` flags sent beside an object so the UI never re-implements a rule (derived from policy.ts). */
export const canFlags = <K extends string>(...actions: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<K, z.ZodBoolean>);
