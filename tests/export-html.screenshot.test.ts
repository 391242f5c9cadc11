// Renders the html export in a real headless Chromium (from npm, see helpers/browser.ts): the page
// must load and paint with no network request and no script, at a phone's width and a desktop's.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATTERS } from "../src/formats/exports/index.js";
import { sanitize } from "../src/formats/sanitize.js";
import { hostile } from "./fixtures/reports/hostile.js";
import { zhanaozen } from "./fixtures/reports/zhanaozen.js";
import { launchBrowser, openWatched } from "./helpers/browser.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const work = mkdtempSync(join(tmpdir(), "claims-html-shot-"));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Writes the page, opens it watched, and returns its screenshot and what it did while loading. */
async function render(name: string, html: string, width: number) {
  const file = join(work, `${name}.html`);
  writeFileSync(file, html);
  const { page, activity } = await openWatched(browser, pathToFileURL(file).href, width);
  const png = Buffer.from(await page.screenshot({ fullPage: true }));
  const title = await page.title();
  await page.close();
  return { png, activity, title };
}

describe("html export in a browser", () => {
  it.each([390, 1280])("renders the example report at %i px: a real PNG, no request, no script", async (width) => {
    const { png, activity, title } = await render(`report-${width}`, sanitize(EXPORT_FORMATTERS.html(zhanaozen, { all: true, publisher: null })), width);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(width); // the PNG's width, from its IHDR chunk
    expect(png.length).toBeGreaterThan(5 * 1024);
    expect(activity.requests).toEqual([]);
    expect(activity.scripts).toEqual([]);
    expect(title).toBe("Claims report");
  });

  it("renders the hostile report with no request and no script, though its cells hold <script> and links", async () => {
    const html = sanitize(EXPORT_FORMATTERS.html(hostile, { all: true, publisher: null }));
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    const { png, activity } = await render("hostile", html, 1280);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(activity.requests).toEqual([]);
    expect(activity.scripts).toEqual([]);
  });

  it("the watch sees a request and a script when a page has them, so the empty lists above mean something", async () => {
    const page = `<!DOCTYPE html><html><head><title>t</title></head><body><img src="http://127.0.0.1:9/x.png"><script>document.title = "ran";</script></body></html>`;
    const { activity, title } = await render("control", page, 800);
    expect(activity.requests).toEqual(["http://127.0.0.1:9/x.png"]);
    expect(activity.scripts).toHaveLength(1);
    expect(title).toBe("ran");
  });
});
