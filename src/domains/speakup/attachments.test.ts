import fc from "fast-check";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { buildUser } from "../../../test/factories.ts";
import { jpegWithGps, pdfWithAuthor, pngWithText, windowsExecutable } from "../../../test/files.ts";
import { mailsTo } from "../../../test/records.ts";
import { anonymousActor } from "../../kernel/context.ts";
import { checkAttachments, reserveUploadBudget, UPLOADS_FULL } from "./attachments.ts";
import { detectKind } from "./file-types.ts";
import { scrubMetadata } from "./scrub.ts";

const text = (b: Uint8Array) => Buffer.from(b).toString("latin1");
const file = (filename: string, bytes: Uint8Array) => ({ filename, contentType: "", bytes });

describe(`attachments: content types, metadata, upload budget (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("refuses a Windows executable named evil.pdf (or evil.txt, or evil.jpg) by its content", () => {
    for (const name of ["evil.pdf", "evil.txt", "evil.jpg", "evil.docx"]) {
      expect(() => checkAttachments([file(name, windowsExecutable())]), name).toThrow(
        /is not a real \.\w+ file/,
      );
    }
    expect(() => checkAttachments([file("photo.png", jpegWithGps())])).toThrow(/not a real \.png file/);
  });

  it("accepts real files of the accepted types", async () => {
    expect(() =>
      checkAttachments([
        file("photo.jpg", jpegWithGps()),
        file("scan.png", pngWithText()),
        file("notes.txt", Buffer.from("Met the supplier on Tuesday.\n")),
      ]),
    ).not.toThrow();
    expect(() => checkAttachments([file("memo.pdf", Buffer.from("x"))])).toThrow();
    expect(detectKind(await pdfWithAuthor())).toBe("pdf");
  });

  it("COC-22.2: strips EXIF GPS, the owner and comments from a JPEG, keeping the image", async () => {
    const original = jpegWithGps("OWNER-Jane-Reporter");
    expect(text(original)).toContain("Exif");
    const clean = await scrubMetadata(original);
    expect(text(clean)).not.toContain("Exif");
    expect(text(clean)).not.toContain("OWNER-Jane-Reporter");
    expect(clean.length).toBeLessThan(original.length);
    expect([...clean.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...clean.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(text(clean)).toContain("JFIF");
    expect(detectKind(clean)).toBe("jpeg");
  });

  it("COC-22.2: strips text and time chunks from a PNG", async () => {
    const clean = await scrubMetadata(pngWithText("AUTHOR-Jane-Reporter"));
    const s = text(clean);
    expect(s).not.toContain("AUTHOR-Jane-Reporter");
    expect(s).not.toContain("tEXt");
    expect(s).not.toContain("tIME");
    for (const c of ["IHDR", "IDAT", "IEND"]) expect(s).toContain(c);
  });

  it("COC-22.2: removes /Author, the other Info entries and the XMP metadata from a PDF, keeping its pages", async () => {
    const original = await pdfWithAuthor("AUTHOR-Jane-Reporter");
    expect(text(original)).toContain("AUTHOR-Jane-Reporter");
    const clean = await scrubMetadata(original);
    expect(text(clean)).not.toContain("AUTHOR-Jane-Reporter");
    expect(text(clean)).not.toContain("/Author");
    expect(text(clean)).not.toContain("xmpmeta");
    const reread = await PDFDocument.load(clean, { updateMetadata: false });
    expect(reread.getPageCount()).toBe(1);
    expect(reread.getAuthor()).toBeUndefined();
    expect(reread.getCreator()).toBeUndefined();
  });

  it("never throws on damaged images or PDFs, and never adds bytes", async () => {
    const magic = [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...Buffer.from("%PDF-1.7\n")],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...magic), fc.uint8Array({ maxLength: 400 }), async (head, tail) => {
        const bytes = Buffer.concat([Buffer.from(head), Buffer.from(tail)]);
        const clean = await scrubMetadata(bytes);
        expect(clean.length).toBeLessThanOrEqual(bytes.length);
        expect([...clean.subarray(0, 2)]).toEqual(head.slice(0, 2));
      }),
      { numRuns: 150 },
    );
    // A JPEG cut short inside its EXIF segment loses the partial segment, not just the whole ones.
    const cut = await scrubMetadata(jpegWithGps("OWNER-Cut").subarray(0, 120));
    expect(text(cut)).not.toContain("Exif");
    expect(detectKind(cut)).toBe("jpeg");
  });

  it("refuses anonymous uploads past the hourly budget with a clear message and tells the administrators once", async () => {
    const admin = await buildUser(t.ctx(), ["admin"]);
    const anon = t.ctx(anonymousActor);
    t.clock.set("2026-03-02T15:10:00.000Z");
    const mb = 1024 * 1024;
    await reserveUploadBudget(anon, 6 * mb, 10 * mb);
    await expect(reserveUploadBudget(anon, 6 * mb, 10 * mb)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: UPLOADS_FULL,
    });
    await expect(reserveUploadBudget(anon, 1 * mb, 10 * mb)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // A signed-in employee's upload does not count against the anonymous budget.
    await expect(reserveUploadBudget(t.ctx(), 6 * mb, 10 * mb)).resolves.toBeUndefined();
    const tasks = await t.database.db
      .selectFrom("tasks")
      .select(["title", "created_at"])
      .where("assignee_user_id", "=", admin.id)
      .where("kind", "=", "speakup.upload_budget")
      .execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.title).toContain("10 MB");
    expect(tasks[0]!.created_at).toBe("2026-03-02T15:00:00.000Z");
    const mails = await mailsTo(t.database, admin.email);
    expect(mails.map((m) => m.subject)).toEqual(["Speak-up portal: upload budget reached"]);
    // The next hour has a fresh budget.
    t.clock.set("2026-03-02T16:01:00.000Z");
    await expect(reserveUploadBudget(anon, 6 * mb, 10 * mb)).resolves.toBeUndefined();
  });
});
