import type { Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { renderPdf } from "../../kernel/pdf.ts";
import { getCertificate } from "./sign-certificate.ts";

/** The signed certificate as PDF: statements, answers, signer, time and the hashes that prove it. */
export async function certificatePdf(
  ctx: Ctx,
  assignmentId: string,
): Promise<{ filename: string; pdf: Buffer }> {
  const cert = await getCertificate(ctx, assignmentId);
  const sig = cert.signature;
  if (!sig) throw conflict("The certificate is not signed yet: there is nothing to download.");
  const answerText = (a: { answer: boolean; details?: string } | undefined) =>
    a ? `${a.answer ? "Yes" : "No"}${a.details ? ` (${a.details})` : ""}` : "not answered";
  const doc = {
    info: { title: `Certificate of Compliance: ${cert.person.name}`, author: "Probity", subject: cert.title },
    pageMargins: [50, 50, 50, 60],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.25 },
    footer: (page: number, pages: number) => ({
      text: `Certificate ${cert.id} · page ${page} of ${pages}`,
      alignment: "center",
      fontSize: 8,
      color: "#666",
    }),
    content: [
      {
        text: `CERTIFICATE OF COMPLIANCE${cert.addressedTo ? ` TO THE ${cert.addressedTo.toUpperCase()}` : ""}`,
        fontSize: 16,
        bold: true,
      },
      { text: cert.title, fontSize: 12, margin: [0, 4, 0, 12] },
      {
        table: {
          widths: [140, "*"],
          body: [
            ["Signed by", `${cert.person.name}${cert.person.title ? `, ${cert.person.title}` : ""}`],
            ["Typed name", sig.typedName],
            ["Signed at (UTC)", sig.signedAt],
            ["Policy certified", `${cert.policyTitle}, version ${cert.versionNumber}`],
            ["Campaign", cert.campaignName],
          ],
        },
        layout: "lightHorizontalLines",
      },
      { text: "I certify that:", bold: true, margin: [0, 14, 0, 4] },
      { ul: cert.statements.map((s) => `${s.text}${sig.affirmed.includes(s.id) ? "  ✓ affirmed" : ""}`) },
      ...(cert.questions.length
        ? [
            { text: "Questions", bold: true, margin: [0, 12, 0, 4] },
            {
              table: {
                widths: ["*", 120],
                body: cert.questions.map((q) => [q.text, answerText(sig.answers[q.id])]),
              },
              layout: "lightHorizontalLines",
            },
          ]
        : []),
      { text: "Evidence", bold: true, margin: [0, 14, 0, 4] },
      {
        table: {
          widths: [140, "*"],
          body: [
            ["SHA-256 of the certified text", { text: sig.textHash, font: "Roboto", fontSize: 8 }],
            ["Signature seal (SHA-256)", { text: sig.seal, fontSize: 8 }],
            [
              "Integrity when downloaded",
              sig.integrity.ok
                ? `Verified ${sig.integrity.checkedAt}`
                : `FAILED: ${sig.integrity.problems.join(" ")}`,
            ],
          ],
        },
        layout: "lightHorizontalLines",
      },
      {
        text: "The certified text is the policy version shown in Probity followed by the statements above; its SHA-256 is recorded with the signature and re-checked on every view, so any change to the text or to the signature is detected (COC-23.1, COC-23.2, SOC-7).",
        fontSize: 8,
        color: "#555",
        margin: [0, 10, 0, 0],
      },
    ],
  };
  const pdf = await renderPdf(doc);
  const safe = cert.person.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "person";
  return { filename: `certificate-${safe}-${sig.signedAt.slice(0, 10)}.pdf`, pdf };
}
