import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type KeyRing, newDataKey, openText, seal, unwrapDataKey } from "./crypto.ts";
import { fileKeyProvider } from "./key-provider.ts";

describe("key ring and envelope encryption", () => {
  it("creates the key file once, mode 0600, and round-trips a sealed value bound to its record", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-key-"));
    const file = path.join(dir, "probity.key");
    const provider = fileKeyProvider(file);
    expect(await provider.load()).toBeNull();
    const kek = await provider.create!();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = await provider.load();
    expect(Buffer.from(again!).equals(Buffer.from(kek))).toBe(true);
    await expect(provider.create!()).rejects.toThrow(); // never overwrites a key file
    const ring: KeyRing = { kek, previous: [], macKey: kek, source: "test" };

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
