import { AppError } from "./errors.ts";

/** How a file's bytes were read, said back to the person importing it (the dry run shows it). */
export type TextEncoding =
  | "UTF-8"
  | "UTF-8 with byte-order mark"
  | "UTF-16LE with byte-order mark"
  | "UTF-16BE with byte-order mark"
  | "Windows-1252"
  /** Already text (the web app read the file and sent its characters). */
  | "text";

export type Delimiter = "," | ";" | "\t";
export const DELIMITER_NAMES = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
} as const satisfies Record<Delimiter, string>;

/**
 * Bytes that Windows-1252 leaves undefined (WHATWG maps them to C1 controls) and NUL: a file that
 * is not UTF-8 and holds one of these is neither encoding, and is refused rather than guessed.
 */
const UNDEFINED_IN_1252 = new Set([0x00, 0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Windows-1252's 0x80–0x9F (€, curly quotes, dashes, Š, Ž, Œ, Ÿ …); the rest is ISO 8859-1. Written
 * out because Node 20's TextDecoder("windows-1252") decodes these as C1 controls (latin1).
 */
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Reads a spreadsheet's export the way spreadsheets write it: UTF-8 (with or without a BOM),
 * UTF-16 with a BOM ("Unicode text"), or, when the bytes are not valid UTF-8, Windows-1252 (what
 * Excel's plain "CSV" writes in Western Europe). Never replaces a character silently: bytes that
 * are invalid in both UTF-8 and Windows-1252 are refused with their row and column.
 */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decodeUtf8(bytes.subarray(3), 3, bytes), encoding: "UTF-8 with byte-order mark" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeUtf16(bytes.subarray(2), "utf-16le"), encoding: "UTF-16LE with byte-order mark" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeUtf16(bytes.subarray(2), "utf-16be"), encoding: "UTF-16BE with byte-order mark" };
  try {
    return { text: utf8.decode(bytes), encoding: "UTF-8" };
  } catch {
    const bad = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
    if (bad >= 0) {
      const where = locate(bytes, bad);
      throw new AppError(
        "INVALID",
        `The file is neither UTF-8 nor Windows-1252: row ${where.row}, ${where.column} holds the byte 0x${bytes[bad]!.toString(16).padStart(2, "0")}. Save it from the spreadsheet as "CSV UTF-8" and import it again.`,
        {
          extra: {
            errors: [{ row: where.row, column: where.column, message: "is not UTF-8 or Windows-1252" }],
          },
        },
      );
    }
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

/**
 * Text that already went through a decoder which replaced what it could not read with U+FFFD (a
 * browser reading a Windows-1252 file as UTF-8): refused with the row and column, since the
 * original letters are gone and storing "Fran\uFFFDois" would corrupt the name silently.
 */
export function refuseReplacementCharacters(text: string, delimiter: Delimiter): void {
  const at = text.indexOf("\uFFFD");
  if (at < 0) return;
  const lines = text.slice(0, at).split(/\r\n|\n|\r/);
  const row = lines.length;
  const before = lines[row - 1] ?? "";
  const header = splitFields(text.split(/\r\n|\n|\r/, 1)[0] ?? "", delimiter);
  const field = splitFields(before, delimiter).length - 1;
  const column = header[field]?.trim() || `column ${field + 1}`;
  throw new AppError(
    "INVALID",
    `Row ${row}, ${column} has a character that could not be read (\uFFFD): the file is not UTF-8. Save it from the spreadsheet as "CSV UTF-8", or import the file with \`probity import people\`, which reads Windows-1252 too.`,
    { extra: { errors: [{ row, column, message: "has a character that could not be read" }] } },
  );
}

/** The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const header = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ",");
  return best;
}

function decodeUtf8(body: Uint8Array, offset: number, whole: Uint8Array): string {
  try {
    return utf8.decode(body);
  } catch {
    const where = locate(whole, offset + firstInvalidUtf8(body));
    throw new AppError(
      "INVALID",
      `The file starts with a UTF-8 byte-order mark but is not UTF-8: row ${where.row}, ${where.column} has bytes that are not UTF-8. Save it from the spreadsheet as "CSV UTF-8" and import it again.`,
      { extra: { errors: [{ row: where.row, column: where.column, message: "is not UTF-8" }] } },
    );
  }
}

function decodeUtf16(body: Uint8Array, label: "utf-16le" | "utf-16be"): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new AppError(
      "INVALID",
      `The file starts with a ${label.toUpperCase()} byte-order mark but is not ${label.toUpperCase()}.`,
    );
  }
}

/** The offset of the first byte sequence that is not UTF-8 (the slow path, only on refusal). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection (a prefix may end inside a character: allow 3 bytes).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (isUtf8Prefix(bytes.subarray(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isUtf8Prefix(bytes: Uint8Array): boolean {
  for (let cut = 0; cut <= 3 && cut <= bytes.length; cut++) {
    try {
      utf8.decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {}
  }
  return false;
}

/** Row (line) and column (the header's name of the field) of the byte at `offset`. */
function locate(bytes: Uint8Array, offset: number): { row: number; column: string } {
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const delimiter = detectDelimiter(latin);
  const lines = latin.slice(0, offset).split(/\r\n|\n|\r/);
  const header = splitFields(latin.split(/\r\n|\n|\r/, 1)[0] ?? "", delimiter);
  const field = splitFields(lines[lines.length - 1] ?? "", delimiter).length - 1;
  return { row: lines.length, column: header[field]?.trim() || `column ${field + 1}` };
}

/** The fields of one line, quotes respected (enough to name a column in a message). */
export function splitFields(line: string, delimiter: Delimiter): string[] {
  const fields = [""];
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) fields.push("");
    else fields[fields.length - 1] += ch;
  }
  return fields;
}
