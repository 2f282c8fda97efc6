// Compile every JSON Schema named on the command line with ajv in strict mode (JSON Schema
// 2020-12), declaring the package's own x- keywords. Run by scripts/check_schema.py, which
// installs the pinned ajv into .cache/ajv and passes the keywords as JSON in AJV_KEYWORDS.
// Exits 1 and names each schema ajv refuses, with its messages.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const modules = resolve(process.env.AJV_NODE_MODULES);
const require = createRequire(join(modules, "noop.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const keywords = JSON.parse(process.env.AJV_KEYWORDS || "{}");
let failed = 0;
for (const file of process.argv.slice(2)) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const [keyword, metaSchema] of Object.entries(keywords)) {
    ajv.addKeyword({ keyword, metaSchema });
  }
  try {
    ajv.compile(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    failed += 1;
    console.log(`${file}: ${error.message}`);
  }
}
console.log(`ajv (strict): ${process.argv.length - 2 - failed} schema(s) compiled, ${failed} refused`);
process.exit(failed ? 1 : 0);
