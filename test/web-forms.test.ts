// The pure parts of the screening and restructuring screens (issue 13): form paths over lists, the
// EBITDA table's server paths, and the read lists derived from the routes instead of kept by hand.
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../web/src/api/operations.gen.ts";
import { getPath, matchPath, setPath } from "../web/src/components/api-form.tsx";
import { ebitdaLabels, ebitdaPath } from "../web/src/features/restructuring/ebitda-editor.tsx";
import { RX_READS } from "../web/src/features/restructuring/rx.ts";
import { SCREENING_READS } from "../web/src/features/screening/screening-api.ts";

describe("form paths over lists", () => {
  it("editing one row of a list keeps the list a list (identifiers.0.number)", () => {
    const values = {
      identifiers: [
        { type: "Passport", number: "1" },
        { type: "Tax ID", number: "2" },
      ],
    };
    const next = setPath(values, "identifiers.0.number", "X9");
    expect(Array.isArray(next.identifiers)).toBe(true);
    expect(next.identifiers).toEqual([
      { type: "Passport", number: "X9" },
      { type: "Tax ID", number: "2" },
    ]);
    expect(values.identifiers[0]?.number).toBe("1");
    expect(getPath(next, "identifiers.1.type")).toBe("Tax ID");
  });

  it("a server path of a row lands on that row's field", () => {
    expect(matchPath("body.investors.1.backstopPercentage", { "investors.1.backstopPercentage": "x" })).toBe(
      "investors.1.backstopPercentage",
    );
  });
});

describe("the EBITDA tables (ECA-11(m))", () => {
  const tables = {
    months: [
      { month: "2010-01", amount: "1" },
      { month: "2010-03", amount: "ten million" },
    ],
    schedule: [{ month: "2010-03", amount: "2" }],
  };
  it("the API's path by month names the row's amount field, labelled in words", () => {
    expect(ebitdaPath("body.inputs.months.2010-03", tables)).toBe("ebitda.months.1.amount");
    expect(ebitdaPath("body.inputs.schedule.2010-03", tables)).toBe("ebitda.schedule.0.amount");
    expect(ebitdaPath("body.inputs.months.2011-01", tables)).toBeUndefined();
    expect(ebitdaLabels(tables)["ebitda.months.1.amount"]).toBe("Underlying EBITDA by month: amount 2");
  });
});

describe("reads refreshed after a write", () => {
  const isRead = (op: string) => OPERATIONS[op as keyof typeof OPERATIONS]?.method === "GET";
  it("screening: every read the hand-kept list named, and only reads", () => {
    const handKept = [
      "counterparty.list",
      "counterparty.read",
      "hit.list",
      "list.read",
      "list.version.changes",
      "list.version.entry",
      "transaction.list",
      "export.read",
    ];
    expect(SCREENING_READS).toEqual(expect.arrayContaining(handKept));
    expect(SCREENING_READS.filter((op) => !isRead(op))).toEqual([]);
  });
  it("restructuring: every read the hand-kept list named, and only reads", () => {
    const handKept = [
      "offering.list",
      "offering.read",
      "register.read",
      "portal.read",
      "allocation.read",
      "vote.list",
      "condition.list",
      "deadline.list",
      "termination.list",
      "progress.list",
      "proceeds.read",
    ];
    expect(RX_READS).toEqual(expect.arrayContaining(handKept));
    expect(RX_READS.filter((op) => !isRead(op))).toEqual([]);
  });
});
