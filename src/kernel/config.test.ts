import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has sensible defaults", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.keyFile.endsWith("probity.key")).toBe(true);
  });

  it("names every bad variable in one message", () => {
    expect(() => loadConfig({ PORT: "70000", DATABASE_URL: "mysql://x", SMTP_URL: "http://x" })).toThrow(
      /PORT.*DATABASE_URL must be a postgres:\/\/ URL.*SMTP_URL must be an smtp/,
    );
  });
});
