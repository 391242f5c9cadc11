// Takes the README's screenshots of the html export: the example ledger's page (every claim), at a
// desktop's width and a phone's, in the browser the test suite uses (Chromium from npm, driven by
// puppeteer-core). Run after `npm run build`:
//
//   node scripts/screenshots.mjs [ledger] [out-prefix]
//
// It writes <out-prefix>.png (1280 px wide) and <out-prefix>-390.png (390 px wide), each cut at a
// height that shows the first claims; the page's stamp is fixed by SOURCE_DATE_EPOCH.
import chromium from "@sparticuz/chromium";
import puppeteer from "puppeteer-core";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const [ledger = "claims", prefix = "docs/html-report"] = process.argv.slice(2);
const SIZES = [
  { suffix: "", width: 1280, height: 2200 },
  { suffix: "-390", width: 390, height: 2600 },
];

const result = spawnSync(process.execPath, [join(root, "bin/claims.js"), "export", "--all", "--format", "html", ledger], {
  cwd: root,
  encoding: "utf8",
  env: { PATH: process.env.PATH, SOURCE_DATE_EPOCH: "1767225600" },
});
if (result.status !== 0) throw new Error(`claims export failed: ${result.stderr}`);
const work = mkdtempSync(join(tmpdir(), "claims-shots-"));
const page = join(work, "report.html");
writeFileSync(page, result.stdout);
const browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
try {
  for (const { suffix, width, height } of SIZES) {
    const tab = await browser.newPage();
    await tab.setViewport({ width, height, deviceScaleFactor: 1 });
    await tab.goto(pathToFileURL(page).href, { waitUntil: "load" });
    await tab.screenshot({ path: resolve(root, `${prefix}${suffix}.png`), clip: { x: 0, y: 0, width, height } });
    await tab.close();
    console.log(`${prefix}${suffix}.png`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
