// npm run generate: rewrites the files generated from the server's routes (see generate-contract.ts).
import fs from "node:fs";
import path from "node:path";
import { createTestApp } from "../test/app.ts";
import { ROOT, renderContract } from "./generate-contract.ts";

const t = await createTestApp();
try {
  for (const [file, text] of Object.entries(await renderContract(t.server))) {
    const target = path.join(ROOT, file);
    const old = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;
    if (old === text) continue;
    fs.writeFileSync(target, text);
    console.log(`wrote ${file}`);
  }
} finally {
  await t.destroy();
}
