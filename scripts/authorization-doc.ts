// Renders docs/authorization.md from test/authorization-matrix.ts; the matrix test fails until it is run.
import fs from "node:fs";
import path from "node:path";
import { renderAuthorizationDoc } from "../test/authorization-matrix.ts";

const file = path.join(import.meta.dirname, "..", "docs", "authorization.md");
fs.writeFileSync(file, renderAuthorizationDoc());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
