// Takes the README's screenshots of the html export, in the browser the test suite uses (Chromium
// from npm, driven by puppeteer-core), from the built CLI (run `npm run build` first):
//
//   node scripts/screenshots.mjs
//
// docs/html-report.png      the example ledger's page (the claims in conflict) at 1280 px
// docs/html-report-390.png  the same page on a 390 px phone
// docs/html-timeline.png    the running-count example's timeline at 1280 px
//
// Each page is stamped with a fixed time (SOURCE_DATE_EPOCH), so a retake changes an image only
// when the page does.
import chromium from "@sparticuz/chromium";
import puppeteer from "puppeteer-core";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const SHOTS = [
  { out: "docs/html-report.png", ledger: "claims", args: [], width: 1280, height: 1700 },
  { out: "docs/html-report-390.png", ledger: "claims", args: [], width: 390, height: 2600 },
  // The running count is in no conflict: --all, to export it.
  { out: "docs/html-timeline.png", ledger: "docs/examples/running-count", args: ["--all"], width: 1280, element: "figure.timeline" },
];

/** The html export of a ledger, stamped with 2026-01-01 00:00 UTC. */
function page(ledger, args) {
  const result = spawnSync(process.execPath, [join(root, "bin/claims.js"), "export", "--format", "html", ...args, ledger], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH, SOURCE_DATE_EPOCH: "1767225600" },
  });
  if (result.status !== 0) throw new Error(`claims export ${ledger} failed: ${result.stderr}`);
  return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), "claims-shots-"));
const browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
try {
  for (const { out, ledger, args, width, height, element } of SHOTS) {
    const file = join(work, `${ledger.replace(/\W+/g, "-")}.html`);
    writeFileSync(file, page(ledger, args));
    const tab = await browser.newPage();
    await tab.setViewport({ width, height: height ?? 900, deviceScaleFactor: 1 });
    await tab.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const path = join(root, out);
    if (element) await (await tab.$(element)).screenshot({ path });
    else await tab.screenshot({ path, clip: { x: 0, y: 0, width, height } });
    await tab.close();
    console.log(out);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
