import { Decimal } from "decimal.js";
import { centsText } from "./allocate-offering.ts";
import type { OfferingView } from "./views.ts";

type Group = { entered: boolean; holders: number; rights: number; claimsCents: bigint };

/** Rights per $1,000 of Eligible Claims, to two places ("2.14"); null without claims. */
const perThousand = (rights: number, claimsCents: bigint) =>
  claimsCents === 0n ? null : new Decimal(rights).times(100_000).dividedBy(claimsCents.toString()).toFixed(2);

/**
 * Why holders get the rights they do (ECA-3(a)): the register's "rights" column, where filled in,
 * is entered and kept as it is (the demo gives the investors' funds one right per $1,000 of
 * claims); every other holder's rights are computed, sharing the units left over pro rata to its
 * Eligible Claims. So the two groups' rights per $1,000 differ, and the explanation says by how much.
 */
export function rightsBasis(units: number, groups: Group[]): OfferingView["rightsBasis"] {
  const entered = groups.find((g) => g.entered) ?? { entered: true, holders: 0, rights: 0, claimsCents: 0n };
  const computed = groups.find((g) => !g.entered) ?? {
    entered: false,
    holders: 0,
    rights: 0,
    claimsCents: 0n,
  };
  const ep = perThousand(entered.rights, entered.claimsCents);
  const cp = perThousand(computed.rights, computed.claimsCents);
  const usd = (c: bigint) => `$${centsText(c).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
  const n = (x: number) => x.toLocaleString("en-US");
  const explanation: string[] = [];
  if (entered.holders)
    explanation.push(
      `Entered: ${n(entered.holders)} holder(s) have their rights given in the register's "rights" column, ${n(entered.rights)} rights for ${usd(entered.claimsCents)} of Eligible Claims (${ep} per $1,000). They are kept as entered.`,
    );
  if (computed.holders)
    explanation.push(
      `Computed: the ${n(units)} units offered less the ${n(entered.rights)} entered leave ${n(units - entered.rights)} rights, shared among the other ${n(computed.holders)} holder(s) pro rata to their ${usd(computed.claimsCents)} of Eligible Claims, in whole rights by largest remainder: ${cp} per $1,000.`,
    );
  if (ep && cp && ep !== cp)
    explanation.push(
      `That is why a holder with entered rights gets ${ep} right(s) per $1,000 of claims and the others ${cp}: the entered rights are fixed, and the rest of the units go to the others' claims.`,
    );
  return {
    enteredHolders: entered.holders,
    enteredRights: entered.rights,
    enteredClaims: centsText(entered.claimsCents),
    enteredPerThousand: ep,
    computedHolders: computed.holders,
    computedRights: computed.rights,
    computedClaims: centsText(computed.claimsCents),
    computedPerThousand: cp,
    explanation,
  };
}
