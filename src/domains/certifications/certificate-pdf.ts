import { createRequire } from "node:module";
import path from "node:path";
import type { Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { getCertificate } from "./sign-certificate.ts";

const require = createRequire(import.meta.url);
type PdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(fn: (url: string) => boolean): void;
  setLocalAccessPolicy(fn: (p: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
};
let pdfmake: PdfMake | undefined;

function printer(): PdfMake {
  if (pdfmake) return pdfmake;
  const instance = require("pdfmake") as PdfMake;
  const dir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
  instance.setFonts({
    Roboto: {
      normal: path.join(dir, "Roboto-Regular.ttf"),
      bold: path.join(dir, "Roboto-Medium.ttf"),
      italics: path.join(dir, "Roboto-Italic.ttf"),
      bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
    },
  });
  // Certificates embed no remote or local resources other than the fonts.
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir));
  pdfmake = instance;
  return instance;
}

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
  const pdf = await printer().createPdf(doc).getBuffer();
  const safe = cert.person.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "person";
  return { filename: `certificate-${safe}-${sig.signedAt.slice(0, 10)}.pdf`, pdf };
}
