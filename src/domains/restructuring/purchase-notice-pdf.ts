import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { formatMoney, parseMoney } from "../../kernel/money.ts";
import { renderPdf } from "../../kernel/pdf.ts";
import { rxDb } from "./db.ts";
import { investorOfActor } from "./offerings.ts";
import { authorize, seesAll } from "./policy.ts";

type NoticeContent = {
  offeringName: string;
  investorName: string;
  investorCode: string;
  certifyingOfficer: string;
  pricePerUnit: string;
  subscriptionUnits: number;
  subscriptionPrice: string;
  residualUnits: number;
  residualPrice: string;
  totalUnits: number;
  purchasePrice: string;
  ownershipPercent: string;
  structuringFee: string;
  preferredShares: number;
  preferredPrice: string;
  totalShares: number;
};

const usd = (text: string) => formatMoney(parseMoney(text));
const n = (x: number) => x.toLocaleString("en-US");

/** The Purchase Notice (ECA-2(f)) of one investor as a PDF, certified by an executive officer. */
export async function purchaseNoticePdf(
  ctx: Ctx,
  noticeId: string,
): Promise<{ filename: string; pdf: Buffer }> {
  authorize(ctx.actor, "notice.read");
  const row = await rxDb(ctx)
    .selectFrom("rx_purchase_notices")
    .selectAll()
    .where("id", "=", noticeId)
    .executeTakeFirst();
  if (!row) throw notFound("The Purchase Notice");
  if (!seesAll(ctx.actor)) {
    const mine = await investorOfActor(ctx, row.offering_id);
    if (!mine || mine.id !== row.investor_id) throw notFound("The Purchase Notice");
  }
  const c = JSON.parse(row.content) as NoticeContent;
  const pct = (Number(c.ownershipPercent) * 100).toFixed(2);
  // A re-run's notice names the one it replaces; a replaced notice says so at its top (ECA-2(f)).
  const replacedBy = await rxDb(ctx)
    .selectFrom("rx_purchase_notices")
    .select("issued_at")
    .where("supersedes_id", "=", row.id)
    .executeTakeFirst();
  const replaces = row.supersedes_id
    ? await rxDb(ctx)
        .selectFrom("rx_purchase_notices")
        .select("issued_at")
        .where("id", "=", row.supersedes_id)
        .executeTakeFirst()
    : undefined;
  const standing = [
    ...(replacedBy
      ? [
          {
            text: `SUPERSEDED: this notice no longer stands; it was replaced by the Purchase Notice issued on ${replacedBy.issued_at.slice(0, 10)}.`,
            bold: true,
            color: "#b00020",
            margin: [0, 0, 0, 8],
          },
        ]
      : []),
    ...(replaces
      ? [
          {
            text: `This notice supersedes the Purchase Notice issued on ${replaces.issued_at.slice(0, 10)}.`,
            bold: true,
            margin: [0, 0, 0, 8],
          },
        ]
      : []),
  ];
  const doc = {
    info: { title: `Purchase Notice — ${c.investorName}` },
    pageMargins: [56, 56, 56, 56],
    content: [
      ...standing,
      { text: "PURCHASE NOTICE", style: "title" },
      { text: `${c.offeringName}`, margin: [0, 0, 0, 4] },
      {
        text: `Equity Commitment Agreement, section 2(f) · issued ${row.issued_at.slice(0, 10)} · due by ${row.due_date} (2 business days after the allocation)`,
        style: "small",
      },
      { text: `To: ${c.investorName}`, margin: [0, 16, 0, 8] },
      {
        table: {
          widths: ["*", "auto", "auto"],
          body: [
            [
              { text: "", bold: true },
              { text: "Units", bold: true },
              { text: "Aggregate purchase price", bold: true },
            ],
            ["(i) Subscription Units", n(c.subscriptionUnits), usd(c.subscriptionPrice)],
            ["(ii) Residual Units", n(c.residualUnits), usd(c.residualPrice)],
            [
              { text: "Total", bold: true },
              { text: n(c.totalUnits), bold: true },
              { text: usd(c.purchasePrice), bold: true },
            ],
          ],
        },
        layout: "lightHorizontalLines",
      },
      {
        text: `(iii) These Units represent ${pct}% (${c.ownershipPercent}) of the ${n(c.totalShares)} shares of Holdco Common Stock to be issued under the Plan, after giving effect to the Rights Offering and the purchases under the Equity Commitment Agreement, subject to dilution from the Specified Securities.`,
        margin: [0, 12, 0, 0],
      },
      {
        text: `Price per Unit ${usd(c.pricePerUnit)}. Structuring and Arrangement Fee payable to you at closing: ${usd(c.structuringFee)} (ECA-2(d)). IntermediateCo Preferred Stock to purchase: ${n(c.preferredShares)} shares for ${usd(c.preferredPrice)} (ECA-2(e)).`,
        margin: [0, 8, 0, 0],
      },
      { text: "Certification", style: "h2" },
      {
        text: `I certify, as an executive officer of the Company, the figures above as calculated in accordance with section 7.1.1 of the Plan.`,
      },
      { text: `\n\n______________________________\n${c.certifyingOfficer}`, margin: [0, 16, 0, 0] },
    ],
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 18, 0, 6] },
      small: { fontSize: 9, color: "#555555" },
    },
  };
  const pdf = await renderPdf(doc);
  return { filename: `purchase-notice-${c.investorCode}.pdf`, pdf };
}
