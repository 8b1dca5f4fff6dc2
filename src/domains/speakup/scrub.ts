import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { detectKind } from "./file-types.ts";

/**
 * Removes what a file says about who made it before it is sealed (COC-22.2): EXIF (GPS position,
 * camera, owner), XMP and comments from JPEG; text, EXIF and time chunks from PNG; the document
 * information dictionary and XMP metadata from PDF. Other types are stored as sent (the portal
 * warns the reporter). Returns the bytes to store.
 */
export async function scrubMetadata(bytes: Uint8Array): Promise<Uint8Array> {
  switch (detectKind(bytes)) {
    case "jpeg":
      return scrubJpeg(bytes);
    case "png":
      return scrubPng(bytes);
    case "pdf":
      return scrubPdf(bytes);
    default:
      return bytes;
  }
}

/**
 * JPEG: keeps the image segments and APP0 (JFIF) and APP14 (Adobe colour transform, needed to
 * decode CMYK); drops APP1–APP13 and APP15 (EXIF, XMP, ICC, Photoshop IRB …) and comments.
 */
export function scrubJpeg(b: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [b.subarray(0, 2)];
  let pos = 2;
  while (pos + 4 <= b.length) {
    // Not a segment boundary: what follows is not a segment we could read, so not metadata either.
    if (b[pos] !== 0xff) return concat([...out, b.subarray(pos)]);
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      // Start of scan: the compressed image follows up to EOI; anything after EOI is dropped.
      const end = lastEoi(b, pos);
      out.push(b.subarray(pos, end));
      return concat(out);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(b.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    const length = (b[pos + 2]! << 8) | b[pos + 3]!;
    const end = pos + 2 + length;
    if (length < 2) return concat([...out, b.subarray(pos)]);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = (isApp && marker !== 0xe0 && marker !== 0xee) || marker === 0xfe;
    // A damaged file cut inside a segment: a metadata segment goes, anything else is kept as sent.
    if (!drop) out.push(b.subarray(pos, Math.min(end, b.length)));
    pos = end;
  }
  if (pos < b.length) out.push(b.subarray(pos));
  return concat(out);
}

function lastEoi(b: Uint8Array, from: number): number {
  for (let i = b.length - 2; i > from; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return i + 2;
  return b.length;
}

/** PNG chunks kept: the critical ones and ancillary ones that only affect how pixels look. */
const PNG_KEEP = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "cICP",
  "bKGD",
  "pHYs",
  "sBIT",
  "acTL",
  "fcTL",
  "fdAT",
]);

/** PNG: drops tEXt/zTXt/iTXt (author, software, comments), eXIf, tIME, iCCP and unknown chunks. */
export function scrubPng(b: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [b.subarray(0, 8)];
  let pos = 8;
  while (pos + 12 <= b.length) {
    const length = ((b[pos]! << 24) | (b[pos + 1]! << 16) | (b[pos + 2]! << 8) | b[pos + 3]!) >>> 0;
    const type = String.fromCharCode(...b.subarray(pos + 4, pos + 8));
    const end = pos + 12 + length;
    // A damaged file cut inside a chunk: a kept chunk is kept as it is, any other goes.
    if (PNG_KEEP.has(type)) out.push(b.subarray(pos, Math.min(end, b.length)));
    pos = end;
    if (type === "IEND") break;
  }
  return concat(out);
}

/**
 * PDF: the pages are copied into a new document, so the old information dictionary, XMP stream
 * and any orphaned earlier revision stay behind; page-level metadata is removed too. A PDF that
 * cannot be parsed (encrypted, damaged, no pages found) is stored as sent.
 */
export async function scrubPdf(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    // No page found: rebuilding would store an empty document instead of the reporter's evidence.
    if (source.getPageCount() === 0) return bytes;
    const clean = await PDFDocument.create({ updateMetadata: false });
    const pages = await clean.copyPages(source, source.getPageIndices());
    for (const page of pages) {
      page.node.delete(PDFName.of("Metadata"));
      page.node.delete(PDFName.of("PieceInfo"));
      clean.addPage(page);
    }
    const info = clean.context.lookup(clean.context.trailerInfo.Info);
    if (info instanceof PDFDict) for (const key of info.keys()) info.delete(key);
    return await clean.save({ useObjectStreams: false, updateFieldAppearances: false });
  } catch {
    return bytes;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
}
