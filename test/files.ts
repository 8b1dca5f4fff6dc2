import { PDFDocument, PDFName } from "pdf-lib";

/** Real file bytes for upload tests, built here so no binary fixture lives in the repository. */

// A 1×1 baseline JPEG (JFIF, quantisation and Huffman tables, one scan, end of image).
const TINY_JPEG = Buffer.concat([
  Buffer.from(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
    "base64",
  ),
  Buffer.from([0xff, 0xd9]),
]);

/** An EXIF APP1 segment whose GPS IFD says 59°19'48" N (Stockholm), plus a camera owner's name. */
function exifGpsSegment(owner: string): Buffer {
  const tiff = Buffer.alloc(80 + owner.length + 1);
  tiff.write("II*\0", 0, "latin1");
  tiff.writeUInt32LE(8, 4);
  // IFD0: one entry, GPSInfo → the GPS IFD at 26.
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x8825, 10);
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18);
  tiff.writeUInt32LE(0, 22);
  // GPS IFD: latitude ref "N" and latitude (3 rationals at 56).
  tiff.writeUInt16LE(2, 26);
  tiff.writeUInt16LE(1, 28);
  tiff.writeUInt16LE(2, 30);
  tiff.writeUInt32LE(2, 32);
  tiff.write("N\0", 36, "latin1");
  tiff.writeUInt16LE(2, 40);
  tiff.writeUInt16LE(5, 42);
  tiff.writeUInt32LE(3, 44);
  tiff.writeUInt32LE(56, 48);
  tiff.writeUInt32LE(0, 52);
  [59, 1, 19, 1, 4800, 100].forEach((v, i) => {
    tiff.writeUInt32LE(v, 56 + i * 4);
  });
  tiff.write(`${owner}\0`, 80, "latin1");
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** A JPEG carrying EXIF GPS coordinates and `owner` in an APP1 segment, and a comment. */
export function jpegWithGps(owner = "OWNER-Jane-Reporter"): Buffer {
  const comment = Buffer.from(`COMMENT-${owner}`, "latin1");
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
  // SOI, APP0 (JFIF, 18 bytes), then EXIF and the comment, then the rest of the image.
  return Buffer.concat([TINY_JPEG.subarray(0, 20), exifGpsSegment(owner), com, TINY_JPEG.subarray(20)]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A 1×1 grey PNG with an Author text chunk and a modification time. */
export function pngWithText(author = "AUTHOR-Jane-Reporter"): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  // zlib stream of one scanline: filter 0, one grey byte.
  const idat = Buffer.from("78da636000000002000101", "hex");
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("tEXt", Buffer.from(`Author\0${author}`, "latin1")),
    chunk("tIME", Buffer.from([0x07, 0xea, 3, 2, 14, 0, 0])),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A one-page PDF whose information dictionary and XMP metadata name `author`. */
export async function pdfWithAuthor(author = "AUTHOR-Jane-Reporter"): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor(author);
  doc.setTitle(`Notes by ${author}`);
  doc.setCreator("Word for Jane's laptop");
  doc.addPage([200, 200]).drawText("Evidence", { x: 20, y: 100, size: 12 });
  const xmp = doc.context.stream(
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${author}</dc:creator></x:xmpmeta>`,
    { Type: "Metadata", Subtype: "XML" },
  );
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(xmp));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The start of a Windows executable (MZ header, DOS stub, PE signature). */
export function windowsExecutable(): Buffer {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("This program cannot be run in DOS mode.", 0x4e, "latin1");
  b.write("PE\0\0", 0x80, "latin1");
  return b;
}
