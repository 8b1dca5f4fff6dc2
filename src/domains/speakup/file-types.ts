/**
 * What a file is, from its first bytes (its "magic"), not from its name: an executable renamed
 * `evil.pdf` is refused (issue 12, finding 13). A small signature table covers every accepted
 * extension (ATTACHMENT_LIMITS); plain-text types must look like text (no NUL byte).
 */
export type FileKind =
  | "pdf"
  | "png"
  | "jpeg"
  | "gif"
  | "webp"
  | "ole"
  | "zip"
  | "mp3"
  | "wav"
  | "isobmff"
  | "text";

const MIME: Record<FileKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  ole: "application/octet-stream",
  zip: "application/octet-stream",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  isobmff: "application/octet-stream",
  text: "text/plain",
};

/** Which content each accepted extension must have. */
export const KIND_OF_EXTENSION: Record<string, FileKind> = {
  pdf: "pdf",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  gif: "gif",
  webp: "webp",
  txt: "text",
  csv: "text",
  eml: "text",
  doc: "ole",
  xls: "ole",
  ppt: "ole",
  msg: "ole",
  docx: "zip",
  xlsx: "zip",
  pptx: "zip",
  mp3: "mp3",
  m4a: "isobmff",
  mp4: "isobmff",
  mov: "isobmff",
  wav: "wav",
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The kind the bytes are, or null when they match no accepted signature. */
export function detectKind(b: Uint8Array): FileKind | null {
  // PDF readers accept the header anywhere in the first kilobyte.
  if (ascii(b, 0, Math.min(b.length, 1024)).includes("%PDF-")) return "pdf";
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") return "gif";
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return "webp";
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WAVE") return "wav";
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)) return "mp3";
  if (ascii(b, 4, 8) === "ftyp") return "isobmff";
  if (!b.subarray(0, 65_536).includes(0)) return "text";
  return null;
}

/** True when the content is what the extension says (and so one of the accepted types). */
export function contentMatchesExtension(extension: string, bytes: Uint8Array): boolean {
  const expected = KIND_OF_EXTENSION[extension];
  return expected !== undefined && detectKind(bytes) === expected;
}

/** The Content-Type to serve, from the bytes (never from what the uploader claimed). */
export function mimeOf(bytes: Uint8Array): string {
  const kind = detectKind(bytes);
  return kind ? MIME[kind] : "application/octet-stream";
}

export const isImageKind = (kind: FileKind | null) =>
  kind === "png" || kind === "jpeg" || kind === "gif" || kind === "webp";
