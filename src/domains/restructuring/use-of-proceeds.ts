import { formatMoney } from "../../kernel/money.ts";

export type ProceedsLine = { step: string; rule: string; cap: string | null; amount: bigint; note: string };

/**
 * The use-of-proceeds waterfall of ECA-9(i), from the actual proceeds: clauses (a) and (b) in full
 * and the $430,000,000 Required DIP Credit Agreements Paydown without the reserve; then the Rights
 * Offering Reserve Amount (maximum amount minus both) for clause (d) in full, up to $20,000,000,
 * and up to $25,000,000 more only while the liquidity condition (ECA-11(g)) still holds.
 */
export function computeUseOfProceeds(input: {
  proceeds: bigint;
  maximumAmount: bigint;
  requiredPayments: bigint;
  clauseDPayments: bigint;
  liquidityConditionHolds: boolean;
  requiredPaydown?: bigint;
}): { lines: ProceedsLine[]; reserve: bigint; unused: bigint } {
  const paydownCap = input.requiredPaydown ?? 430_000_000_00n;
  let left = input.proceeds;
  const take = (want: bigint) => {
    const got = want < left ? want : left;
    left -= got;
    return got;
  };
  const lines: ProceedsLine[] = [];
  const first = take(input.requiredPayments);
  lines.push({
    step: "1",
    rule: "ECA-9(i)(1)",
    cap: null,
    amount: first,
    note: "payments in clauses (a) and (b) of Rights Offering Value, in full",
  });
  const second = take(paydownCap);
  lines.push({
    step: "2",
    rule: "ECA-9(i)(2)",
    cap: formatMoney(paydownCap),
    amount: second,
    note: "Required DIP Credit Agreements Paydown",
  });
  const reserveCap = input.maximumAmount - input.requiredPayments - paydownCap;
  const reserve = reserveCap > 0n ? reserveCap : 0n;
  let reserveLeft = reserve < left ? reserve : left;
  const fromReserve = (want: bigint) => {
    const got = want < reserveLeft ? want : reserveLeft;
    reserveLeft -= got;
    left -= got;
    return got;
  };
  lines.push({
    step: "3(i)",
    rule: "ECA-9(i)(3)(i)",
    cap: null,
    amount: fromReserve(input.clauseDPayments),
    note: "clause (d) payments, in full",
  });
  lines.push({
    step: "3(ii)",
    rule: "ECA-9(i)(3)(ii)",
    cap: formatMoney(20_000_000_00n),
    amount: fromReserve(20_000_000_00n),
    note: "for such purposes as the Company determines",
  });
  lines.push({
    step: "3(iii)",
    rule: "ECA-9(i)(3)(iii)",
    cap: formatMoney(25_000_000_00n),
    amount: input.liquidityConditionHolds ? fromReserve(25_000_000_00n) : 0n,
    note: input.liquidityConditionHolds
      ? "the Pro Forma Liquidity condition (ECA-11(g)) still holds"
      : "not available: the Pro Forma Liquidity condition (ECA-11(g)) would not hold",
  });
  return { lines, reserve, unused: left };
}
