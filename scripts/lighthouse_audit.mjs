// Audit each URL named on the command line with Lighthouse (mobile, simulated throttling) in
// Debian's chromium, a fresh browser for each (as Lighthouse's own CLI does). Run by tests/e2e/test_lighthouse.py, which
// installs the pinned lighthouse into .cache/lighthouse (scripts/npm_cache.py) and passes its
// node_modules in LIGHTHOUSE_NODE_MODULES, the browser in CHROME_PATH and the folder for the
// reports in LIGHTHOUSE_OUTPUT. Arguments are NAME=URL; NAME.json is the full report.
// Prints one JSON line per URL: {name, url, seconds, scores, failing: [{id, title, score,
// displayValue}]}, where failing lists the audits of a category that scored below 1. A run that
// Lighthouse itself could not complete (a runtimeError such as NO_NAVSTART, its trace recording)
// is tried once more; its scores are never retried.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const modules = resolve(process.env.LIGHTHOUSE_NODE_MODULES);
const require = createRequire(join(modules, "noop.js"));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
const lighthouse = (await load("lighthouse")).default;
const chromeLauncher = await load("chrome-launcher");

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const output = resolve(process.env.LIGHTHOUSE_OUTPUT || ".");

const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"];

async function audit(url) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: FLAGS });
  try {
    // The default config is Lighthouse's mobile audit: a Moto G Power screen, simulated slow 4G.
    return await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: CATEGORIES,
    });
  } finally {
    await chrome.kill();
  }
}

function failingAudits(lhr) {
  const failing = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      const counts = ref.weight > 0 || id === "performance";
      if (counts && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative") {
        failing.push({
          category: id,
          id: ref.id,
          title: audit.title,
          score: audit.score,
          displayValue: audit.displayValue || "",
        });
      }
    }
  }
  return failing;
}

for (const argument of process.argv.slice(2)) {
  const split = argument.indexOf("=");
  const [name, url] = [argument.slice(0, split), argument.slice(split + 1)];
  const started = Date.now();
  let result = await audit(url);
  const retried = result.lhr.runtimeError ? result.lhr.runtimeError.code : null;
  if (retried) result = await audit(url);
  const lhr = result.lhr;
  writeFileSync(join(output, `${name}.json`), result.report);
  const scores = {};
  for (const id of CATEGORIES) {
    const score = lhr.categories[id].score;
    scores[id] = score === null ? null : Math.round(score * 100);
  }
  console.log(JSON.stringify({
    name,
    url,
    finalUrl: lhr.finalDisplayedUrl,
    seconds: (Date.now() - started) / 1000,
    scores,
    failing: failingAudits(lhr),
    runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
    retried,
    warnings: lhr.runWarnings,
  }));
}
