import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { keyProviderFor } from "./key-provider.ts";

describe("configuration", () => {
  it("has sensible defaults", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.keyFile.endsWith("probity.key")).toBe(true);
  });

  it("chooses one key source: PROBITY_KEY, else Vault transit, else the key file (issue 14)", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(keyProviderFor(loadConfig({})).describe).toMatch(/^the key file .*probity\.key$/);
    expect(keyProviderFor(loadConfig({ PROBITY_KEY: key })).describe).toBe(
      "the environment variable PROBITY_KEY",
    );
    const vault = {
      VAULT_ADDR: "https://vault.example.com:8200",
      VAULT_TOKEN: "t",
      PROBITY_VAULT_TRANSIT_KEY: "probity",
    };
    expect(keyProviderFor(loadConfig(vault)).describe).toMatch(/^the Vault transit key "probity"/);
    expect(() => loadConfig({ PROBITY_KEY: "short" })).toThrow(/PROBITY_KEY must be a 32-byte key in base64/);
    expect(() => loadConfig({ PROBITY_VAULT_TRANSIT_KEY: "probity" })).toThrow(
      /needs VAULT_ADDR and VAULT_TOKEN/,
    );
  });

  it("names every bad variable in one message", () => {
    expect(() => loadConfig({ PORT: "70000", DATABASE_URL: "mysql://x", SMTP_URL: "http://x" })).toThrow(
      /PORT.*DATABASE_URL must be a postgres:\/\/ URL.*SMTP_URL must be an smtp/,
    );
  });

  it("reads the trusted reverse proxy and the anonymous upload budget", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({}).uploadBudgetBytesPerHour).toBe(500 * 1024 * 1024);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.2, 10.0.1.0/24" }).trustProxy).toEqual([
      "10.0.0.2",
      "10.0.1.0/24",
    ]);
    expect(loadConfig({ TRUST_PROXY: "loopback" }).trustProxy).toEqual(["loopback"]);
    expect(loadConfig({ UPLOAD_BUDGET_MB_PER_HOUR: "20" }).uploadBudgetBytesPerHour).toBe(20 * 1024 * 1024);
    expect(() => loadConfig({ TRUST_PROXY: "every proxy" })).toThrow(/TRUST_PROXY must be/);
    expect(() => loadConfig({ UPLOAD_BUDGET_MB_PER_HOUR: "0" })).toThrow(/UPLOAD_BUDGET_MB_PER_HOUR/);
  });

  it("TRUSTED_PROXIES names the reverse proxies; TRUST_PROXY is its deprecated alias (issue 14, finding 3)", () => {
    const c = loadConfig({ TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback" });
    expect(c.trustProxy).toEqual(["10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8", "loopback"]);
    expect(c.warnings).toEqual([]);
    expect(loadConfig({}).warnings).toEqual([]);
    for (const bad of ["true", "10.0.0.0/33", "10.0.0", "proxy.example.com", "10.0.0.1/8/2"]) {
      expect(() => loadConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES must be/);
    }
    const alias = loadConfig({ TRUST_PROXY: "10.0.0.2" });
    expect(alias.trustProxy).toEqual(["10.0.0.2"]);
    expect(alias.warnings.join()).toMatch(/TRUST_PROXY is deprecated: rename it to TRUSTED_PROXIES/);
    expect(loadConfig({ TRUST_PROXY: "true" }).warnings.join()).toMatch(/pick its own address/);
    const both = loadConfig({ TRUSTED_PROXIES: "10.0.0.3", TRUST_PROXY: "true" });
    expect(both.trustProxy).toEqual(["10.0.0.3"]);
    expect(both.warnings.join()).toMatch(/TRUST_PROXY is ignored/);
  });
});
