import { createRequire } from "node:module";
import path from "node:path";

/**
 * One configuration of pdfmake for the whole process: its fonts and resource policies are global
 * to the library, so every domain renders through here. Roboto (shipped with pdfmake) covers
 * Latin diacritics; documents embed nothing from the network or the file system besides it.
 */
type PdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(fn: (url: string) => boolean): void;
  setLocalAccessPolicy(fn: (p: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
};

const require = createRequire(import.meta.url);
let instance: PdfMake | undefined;

function printer(): PdfMake {
  if (instance) return instance;
  const pdfmake = require("pdfmake") as PdfMake;
  const dir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(dir, "Roboto-Regular.ttf"),
      bold: path.join(dir, "Roboto-Medium.ttf"),
      italics: path.join(dir, "Roboto-Italic.ttf"),
      bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir));
  instance = pdfmake;
  return pdfmake;
}

/** Renders a pdfmake document definition (default font Roboto) to a PDF buffer. */
export function renderPdf(doc: object): Promise<Buffer> {
  return printer()
    .createPdf({
      ...doc,
      defaultStyle: { font: "Roboto", ...((doc as { defaultStyle?: object }).defaultStyle ?? {}) },
    })
    .getBuffer();
}
