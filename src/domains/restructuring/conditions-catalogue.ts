import { formatMoney, parseMoney } from "../../kernel/money.ts";

/**
 * The conditions precedent of section 11 (ECA-11), each satisfied or waived by the Requisite
 * Investors. Where the agreement gives a formula, the condition is computed from its inputs.
 */
export const CONDITIONS: { code: string; title: string; defaults?: Record<string, unknown> }[] = [
  { code: "a", title: "Representations true and covenants complied with; officer's certificate (11(a))" },
  { code: "b", title: "Holdco executed the Ancillary Agreements (11(b))" },
  { code: "c", title: "Plan Support Agreements not terminated (11(c))" },
  { code: "d", title: "Restructuring and Plan consummated simultaneously (11(d))" },
  { code: "e", title: "U.S. Plan Value at least $120,000,000 (ECA-11(e))", defaults: { usPlanValue: "" } },
  {
    code: "f",
    title: "Exit ABL Facility commitment at least $500,000,000 (ECA-11(f))",
    defaults: { exitAblCommitment: "" },
  },
  {
    code: "g",
    title: "Pro Forma Liquidity at least $233,000,000 (ECA-11(g), ECA-1(y))",
    defaults: {
      borrowingBase: "",
      ablCommitments: "",
      ablExposure: "",
      bankCash: "",
      dipTermBorrowings: "",
      overduePayables: "",
    },
  },
  { code: "h", title: "Oaktree's and Apollo's DIP roll-up rights unchanged (11(h))" },
  { code: "i", title: "Employment arrangements with senior executives (11(i))" },
  { code: "j", title: "Governmental approvals and waiting periods (11(j))" },
  { code: "k", title: "HSR, EC Merger Regulation and Mandatory Antitrust Filings cleared (11(k))" },
  { code: "l", title: "No Material Adverse Effect (11(l))" },
  {
    code: "m",
    title: "Underlying EBITDA not below Schedule 11(m) for any three consecutive months (ECA-11(m))",
    defaults: { months: {}, schedule: {} },
  },
  { code: "n", title: "Officer's certificate on section 9(j)(iv) working capital (11(n))" },
];

export type Evaluation = { computed: boolean; met: boolean | null; explanation: string };

const amount = (inputs: Record<string, unknown>, key: string): bigint | null => {
  const v = inputs[key];
  if (typeof v !== "string" || v.trim() === "") return null;
  try {
    return parseMoney(v);
  } catch {
    return null;
  }
};
const usd = (c: bigint) => formatMoney(c);
const M = (millions: number) => BigInt(millions) * 1_000_000n * 100n;

/** Pro Forma Liquidity (ECA-1(x), 1(y)) from its parts; null while a part is missing. */
export function proFormaLiquidity(
  inputs: Record<string, unknown>,
): { value: bigint; explanation: string } | null {
  const [base, commitments, exposure, cash, dip, overdue] = [
    "borrowingBase",
    "ablCommitments",
    "ablExposure",
    "bankCash",
    "dipTermBorrowings",
    "overduePayables",
  ].map((k) => amount(inputs, k));
  if ([base, commitments, exposure, cash, dip, overdue].some((x) => x === null)) return null;
  const pos = (x: bigint) => (x > 0n ? x : 0n);
  const a = pos(base! - exposure!);
  const b = pos(commitments! - exposure!);
  // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take
  const availability = a < b ? a : b;
  const dipDeduction = dip! > M(269) ? dip! - M(244) : 0n;
  const value = availability + cash! - dipDeduction - overdue!;
  return {
    value,
    explanation: `Exit ABL availability min(${usd(base!)} − ${usd(exposure!)}, ${usd(commitments!)} − ${usd(exposure!)}) = ${usd(availability)} + bank cash ${usd(cash!)} − DIP term excess over $244,000,000 ${dip! > M(269) ? `(borrowings ${usd(dip!)} exceed $269,000,000)` : "(borrowings do not exceed $269,000,000)"} ${usd(dipDeduction)} − overdue payables ${usd(overdue!)} = ${usd(value)}`,
  };
}

/** Three-month Underlying EBITDA sums against Schedule 11(m) (month → minimum for the quarter ending then). */
export function ebitdaTest(inputs: Record<string, unknown>): Evaluation {
  const months = (inputs.months ?? {}) as Record<string, string>;
  const schedule = (inputs.schedule ?? {}) as Record<string, string>;
  const lines: string[] = [];
  let met: boolean | null = null;
  for (const end of Object.keys(schedule).sort()) {
    const [y, m] = end.split("-").map(Number) as [number, number];
    const keys = [0, 1, 2].map((k) => {
      const d = new Date(Date.UTC(y, m - 1 - k, 1));
      return d.toISOString().slice(0, 7);
    });
    const values = keys.map((k) => amount(months, k));
    const minimum = amount(schedule, end);
    if (values.some((v) => v === null) || minimum === null) continue;
    const sum = values.reduce((a, b) => a! + b!, 0n)!;
    const ok = sum >= minimum;
    met = (met ?? true) && ok;
    lines.push(`${keys[2]}…${end}: ${usd(sum)} ${ok ? "≥" : "<"} ${usd(minimum)}`);
  }
  return {
    computed: true,
    met,
    explanation: lines.length ? lines.join("; ") : "No complete three-month period against the schedule yet.",
  };
}

export function evaluateCondition(code: string, inputs: Record<string, unknown>): Evaluation {
  const atLeast = (key: string, floor: bigint, label: string): Evaluation => {
    const v = amount(inputs, key);
    if (v === null) return { computed: true, met: null, explanation: `${label}: not yet given.` };
    return {
      computed: true,
      met: v >= floor,
      explanation: `${label} ${usd(v)} ${v >= floor ? "≥" : "<"} ${usd(floor)}.`,
    };
  };
  switch (code) {
    case "e":
      return atLeast("usPlanValue", M(120), "U.S. Plan Value");
    case "f":
      return atLeast("exitAblCommitment", M(500), "Exit ABL commitment");
    case "g": {
      const l = proFormaLiquidity(inputs);
      if (!l) return { computed: true, met: null, explanation: "Pro Forma Liquidity: a part is missing." };
      const ok = l.value >= M(233);
      return { computed: true, met: ok, explanation: `${l.explanation} ${ok ? "≥" : "<"} $233,000,000.00.` };
    }
    case "m":
      return ebitdaTest(inputs);
    default:
      return { computed: false, met: null, explanation: "Checked against the evidence recorded." };
  }
}
