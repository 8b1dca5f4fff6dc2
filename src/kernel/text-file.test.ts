import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { decodeTextFile, detectDelimiter, refuseReplacementCharacters } from "./text-file.ts";

const NAME = "François Dürr";

describe("reading a spreadsheet's text file (issue 14, finding 6)", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeTextFile(Buffer.from(`a,b\n${NAME}\n`, "utf8"))).toEqual({
      text: `a,b\n${NAME}\n`,
      encoding: "UTF-8",
    });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NAME, "utf8")]);
    expect(decodeTextFile(bom)).toEqual({ text: NAME, encoding: "UTF-8 with byte-order mark" });
  });

  it("reads UTF-16 with a byte-order mark, little and big endian", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NAME, "utf16le")]);
    expect(decodeTextFile(le)).toEqual({ text: NAME, encoding: "UTF-16LE with byte-order mark" });
    const be = Buffer.from(NAME, "utf16le").swap16();
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: NAME,
      encoding: "UTF-16BE with byte-order mark",
    });
  });

  it("reads bytes that are not UTF-8 as Windows-1252, including the euro sign and curly quotes", () => {
    const latin1 = Buffer.from(`id;name\n1;${NAME}\n`, "latin1");
    expect(decodeTextFile(latin1)).toEqual({ text: `id;name\n1;${NAME}\n`, encoding: "Windows-1252" });
    // 0x80 is € and 0x93/0x94 are “ ” in Windows-1252 (not in ISO 8859-1).
    expect(decodeTextFile(Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94])).text).toBe("€ “a”");
  });

  it("refuses bytes invalid in both UTF-8 and Windows-1252, naming the row and column", () => {
    const bytes = Buffer.concat([
      Buffer.from("employee_id;first_name;last_name\nE1;Ann;Lee\nE2;", "latin1"),
      Buffer.from([0x46, 0x72, 0x61, 0x6e, 0xe7]), // "Fran" + ç in Windows-1252: not UTF-8
      Buffer.from(";D", "latin1"),
      Buffer.from([0x81]), // undefined in Windows-1252
      Buffer.from("rr\n", "latin1"),
    ]);
    let error: unknown;
    try {
      decodeTextFile(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /neither UTF-8 nor Windows-1252: row 3, last_name holds the byte 0x81/,
    );
  });

  it("refuses a file with a UTF-8 byte-order mark whose bytes are not UTF-8, naming the row and column", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`employee_id,first_name\nE1,${NAME}\n`, "latin1"),
    ]);
    expect(() => decodeTextFile(bytes)).toThrow(/not UTF-8: row 2, first_name has bytes that are not UTF-8/);
  });

  it("refuses text a browser already decoded wrongly (U+FFFD), with the row and column", () => {
    expect(() => refuseReplacementCharacters("employee_id,first_name\nE1,Fran\uFFFDois\n", ",")).toThrow(
      /Row 2, first_name has a character that could not be read/,
    );
    expect(() => refuseReplacementCharacters(`employee_id,first_name\nE1,${NAME}\n`, ",")).not.toThrow();
  });

  it("detects the delimiter from the header line: semicolon, comma or tab, quotes respected", () => {
    expect(detectDelimiter("employee_id;first_name;last_name\n1,2;3")).toBe(";");
    expect(detectDelimiter("employee_id,first_name,last_name\n1;2;3")).toBe(",");
    expect(detectDelimiter("employee_id\tfirst_name\n")).toBe("\t");
    expect(detectDelimiter('"a,b";c;d')).toBe(";");
    expect(detectDelimiter("\uFEFFemployee_id")).toBe(",");
  });
});
