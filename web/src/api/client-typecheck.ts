import { call, opUrl, type Result } from "./client.ts";

// Compile-time checks of the client's types (not shipped: nothing imports this file).
export async function typecheckClient() {
  const health: Result<"health"> = await call("health");
  health.status satisfies "ok";
  // @ts-expect-error path parameter required
  opUrl("offering.read");
  opUrl("offering.read", { path: { id: "x" } });
  // @ts-expect-error body required
  await call("offering.create", {});
  opUrl("audit.list", { query: { page: 2 } });
}
