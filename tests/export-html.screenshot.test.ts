// Renders the html export in headless Chromium: the page must load and paint without network.
// CI installs the browser with `apt-get update && apt-get install -y chromium`; without it
// this test fails on purpose, so a missing browser can never pass for a rendered page.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATTERS } from "../src/formats/exports/index.js";
import { sanitize } from "../src/formats/sanitize.js";
import { hostile } from "./fixtures/reports/hostile.js";
import { zhanaozen } from "./fixtures/reports/zhanaozen.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHROMIUM = "chromium";

const work = mkdtempSync(join(tmpdir(), "claims-html-shot-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function requireChromium(): void {
  const probe = spawnSync(CHROMIUM, ["--version"], { encoding: "utf8", timeout: 30_000 });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      `headless Chromium is needed to render the html export, but '${CHROMIUM} --version' failed (${probe.error?.message ?? `exit ${probe.status}`}); ` +
        "install it with: apt-get update && apt-get install -y chromium",
    );
  }
}

/** Writes the page, screenshots it, and returns the PNG's bytes. */
function screenshot(name: string, page: string): Buffer {
  const html = join(work, `${name}.html`);
  const png = join(work, `${name}.png`);
  writeFileSync(html, page);
  execFileSync(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--hide-scrollbars",
      "--no-first-run",
      // A profile of its own, so parallel runs cannot lock each other out.
      `--user-data-dir=${join(work, `profile-${name}`)}`,
      `--screenshot=${png}`,
      "--window-size=1000,1400",
      pathToFileURL(html).href,
    ],
    { timeout: 90_000, stdio: ["ignore", "ignore", "pipe"] },
  );
  expect(existsSync(png), `Chromium wrote no screenshot to ${png}`).toBe(true);
  return readFileSync(png);
}

describe("html export in a browser", () => {
  it("renders the example report to a real PNG", () => {
    requireChromium();
    const png = screenshot("report", sanitize(EXPORT_FORMATTERS.html(zhanaozen, { all: true, publisher: null })));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(5 * 1024);
  });

  it("renders the hostile report too", () => {
    requireChromium();
    const png = screenshot("hostile", sanitize(EXPORT_FORMATTERS.html(hostile, { all: true, publisher: null })));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(statSync(join(work, "hostile.png")).size).toBe(png.length);
  });
});
