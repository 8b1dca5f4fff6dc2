import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateKeyRing, newDataKey, openText, seal, unwrapDataKey } from "./crypto.ts";

describe("key ring and envelope encryption", () => {
  it("creates the key file once, mode 0600, and round-trips a sealed value bound to its record", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-key-"));
    const file = path.join(dir, "probity.key");
    const ring = await loadOrCreateKeyRing(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateKeyRing(file);
    expect(Buffer.from(again.kek).equals(Buffer.from(ring.kek))).toBe(true);

    const { key, wrapped } = newDataKey(ring, "report:1");
    const sealed = seal(key, "the marker text", "report:1");
    expect(sealed).not.toContain("marker");
    const unwrapped = unwrapDataKey(ring, wrapped, "report:1");
    expect(openText(unwrapped, sealed, "report:1")).toBe("the marker text");
    // Moving a ciphertext to another record fails authentication.
    expect(() => openText(unwrapped, sealed, "report:2")).toThrow();
    expect(() => unwrapDataKey(ring, wrapped, "report:2")).toThrow();
    fs.rmSync(dir, { recursive: true });
  });
});
