/**
 * The html export for every screen and every reader (SPEC §12 v2), in the suite's real browser
 * (helpers/browser.ts): axe-core (pinned) finds no WCAG 2.1 A/AA violation at 390, 768, 1121 and
 * 1280 px, on the example ledger, the wider and running-count ledgers, a large generated ledger
 * and the hostile report; at those widths nothing scrolls sideways, every table cell stays in
 * view, and no chart text is below 12 px; in print, nothing runs off an A4 page.
 * Injecting axe runs a script, so this is apart from export-html.screenshot.test.ts, which holds
 * that the page itself runs none.
 *
 * Set CLAIMS_SCREENSHOTS to a folder to keep the screenshots (390 px, 1280 px and print) to look at.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATTERS } from "../src/formats/exports/index.js";
import { sanitize } from "../src/formats/sanitize.js";
import { hostile } from "./fixtures/reports/hostile.js";
import { launchBrowser } from "./helpers/browser.js";
import { ROOT, runBin } from "./helpers/run.js";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const work = mkdtempSync(join(tmpdir(), "claims-html-a11y-"));
const shots = process.env.CLAIMS_SCREENSHOTS;
let browser: Browser;
const pages = new Map<string, string>();

/** The html export of a ledger by the built CLI, every claim, stamped with a fixed time. */
function cli(ledger: string, cwd = ROOT): string {
  const result = runBin(["export", "--all", "--format", "html", ledger], { cwd, env: { SOURCE_DATE_EPOCH: "1767225600" }, timeout: 120_000 });
  expect(result.code === 0 || result.code === 1).toBe(true);
  return result.stdout;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // A large ledger: 80 generated claim files of 2 to 8 statements each, many in conflict.
  const large = join(work, "large");
  const gen = spawnSync(process.execPath, [join(ROOT, "bench/generate.mjs"), "80", "7", large], { encoding: "utf8" });
  expect(gen.status).toBe(0);
  pages.set("example", cli("claims"));
  pages.set("wider", cli("tests/fixtures/wider"));
  pages.set("running-count", cli("docs/examples/running-count"));
  pages.set("large", cli(large, work));
  pages.set("hostile", sanitize(EXPORT_FORMATTERS.html(hostile, { all: true, publisher: "Pub <b>&amp;</b>", generated: "2026-01-01T00:00:00Z", version: "0.0.0" })));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function open(name: string, width: number, media: "screen" | "print" = "screen"): Promise<Page> {
  const file = join(work, `${name}.html`);
  writeFileSync(file, pages.get(name)!);
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 60_000 });
  await page.emulateMediaType(media);
  return page;
}

/** The width print lays a page out in: A4 (210 mm) less the page's 12 mm margins each side, in CSS px. */
const A4_PRINT_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary: string }[];
}

/** What axe-core finds against WCAG 2.1 A and AA on the page (the first nodes of each rule, to read a failure). */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return (await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run((globalThis as any).document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, TAGS)) as Violation[];
}

/** How the page lays out: its scroll width, the smallest chart text as drawn, and table cells out of view. */
async function layoutOf(page: Page) {
  return page.evaluate(() => {
    // The page's globals, typed loosely: the suite compiles without the DOM library, which the library itself must not use.
    const { document, getComputedStyle } = globalThis as any;
    type Element = any;
    const px = (element: Element): number => parseFloat(getComputedStyle(element).fontSize);
    const visible = (element: Element): boolean => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
    const all = (selector: string): Element[] => [...document.querySelectorAll(selector)];
    // Text in an SVG is drawn at its font size times the SVG's scale: with no viewBox, the scale is 1.
    const svgText = all("svg text").filter(visible).map((t) => px(t) * (t.getScreenCTM()?.a ?? 0));
    const htmlText = all("figure p, figure figcaption, figure li").filter(visible).map(px);
    const cells = all("td, tbody th").filter((c) => c.textContent !== "");
    const outOfView = cells.filter((c) => !visible(c) || c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length;
    return {
      scrollWidth: document.documentElement.scrollWidth as number,
      clientWidth: document.documentElement.clientWidth as number,
      smallest: Math.min(...svgText, ...htmlText),
      svgTexts: svgText.length,
      cells: cells.length,
      outOfView,
    };
  });
}

const NAMES = ["example", "wider", "running-count", "large", "hostile"];

// A phone, a tablet, the narrowest screen that shows tables as tables, and a desktop.
describe.each([390, 768, 1121, 1280])("html export at %i px", (width) => {
  it.each(NAMES)("%s: axe-core finds no WCAG 2.1 A or AA violation", async (name) => {
    const page = await open(name, width);
    const violations = await axeViolations(page);
    await page.close();
    expect(violations).toEqual([]);
  }, 180_000);

  it.each(NAMES)("%s: nothing scrolls sideways, table cells stay in view, chart text is at least 12 px", async (name) => {
    const page = await open(name, width);
    const layout = await layoutOf(page);
    await page.close();
    expect(layout.scrollWidth).toBe(layout.clientWidth);
    expect(layout.cells).toBeGreaterThan(0);
    expect(layout.outOfView).toBe(0);
    if (layout.svgTexts > 0) expect(layout.smallest).toBeGreaterThanOrEqual(12);
  }, 120_000);
});

describe(`html export in print, on an A4 page (${A4_PRINT_WIDTH} px between the margins)`, () => {
  it.each(NAMES)("%s: each statement a card, nothing runs off the page's edge, every table cell stays on it", async (name) => {
    const page = await open(name, A4_PRINT_WIDTH, "print");
    const layout = await layoutOf(page);
    const stacked = await page.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.querySelector("td")).display);
    await page.close();
    expect(stacked).toBe("block"); // nine columns do not fit 702 px with their words whole
    expect(layout.scrollWidth).toBe(layout.clientWidth);
    expect(layout.outOfView).toBe(0);
  }, 120_000);
});

describe("the checks see what they look for, so the results above mean something", () => {
  it("axe reports a page without a language, a title or an image's text; the layout check sees shrunk chart text and a wide table", async () => {
    pages.set("control", `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><img src="data:,"><svg viewBox="0 0 800 100" width="100%"><text x="10" y="50" font-size="12">shrunk</text></svg><table><tr><td>${"wide ".repeat(5)}</td><td style="white-space:nowrap">${"x".repeat(400)}</td></tr></table></body></html>`);
    const page = await open("control", 390);
    const layout = await layoutOf(page);
    const violations = await axeViolations(page);
    await page.close();
    expect(violations.map((v) => v.id).sort()).toEqual(["document-title", "html-has-lang", "image-alt"]);
    expect(layout.smallest).toBeLessThan(7); // 12 × 390/800, less the body's margin
    expect(layout.scrollWidth).toBeGreaterThan(layout.clientWidth);
    expect(layout.outOfView).toBe(1);
  }, 60_000);
});

describe("html export for every reader", () => {
  it("stacks each table row into labelled cells up to 1120 px (70rem), and shows a header row from 1121 px", async () => {
    const shown: Record<number, unknown> = {};
    for (const width of [390, 768, 1120, 1121, 1280]) {
      const page = await open("example", width);
      shown[width] = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as any;
        const cell = document.querySelector("section td[data-label='quote']")!;
        const label = getComputedStyle(cell, "::before").content;
        return { display: getComputedStyle(cell).display, label: label === "none" ? null : label, header: document.querySelector("thead")!.getBoundingClientRect().height > 10 };
      });
      await page.close();
    }
    const card = { display: "block", label: '"quote: "', header: false };
    const table = { display: "table-cell", label: null, header: true };
    expect(shown).toEqual({ 390: card, 768: card, 1120: card, 1121: table, 1280: table });
  });

  it("keeps retracted text at AA contrast (at least 4.5:1) and full names as text", async () => {
    const page = await open("wider", 390);
    const facts = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as any;
      const rgb = (value: string) => value.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const [R, G, B] = [r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      const cell = document.querySelector("tr.retracted td")!;
      const fg = luminance(rgb(getComputedStyle(cell).color));
      const bg = luminance(rgb(getComputedStyle(document.body).backgroundColor));
      const labels = [...document.querySelectorAll(".bar-label")].map((p: any) => (p.textContent ?? "") as string);
      return { contrast: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05), struck: getComputedStyle(cell).textDecorationLine, labels };
    });
    await page.close();
    expect(facts.contrast).toBeGreaterThanOrEqual(4.5);
    expect(facts.struck).toBe("line-through");
    expect(facts.labels).toContain("✕ Witnesses at the town morgue (generic test source) 64 (via Regional paper (generic test source), Wire agency A (generic test source))");
    for (const label of facts.labels) expect(label).not.toContain("…");
  });

  it("renders at 390 px, 1280 px and in print: real images, and a PDF", async () => {
    if (shots) mkdirSync(shots, { recursive: true });
    for (const [label, width, print] of [["390", 390, false], ["1280", 1280, false], ["print", A4_PRINT_WIDTH, true]] as const) {
      const page = await open("example", width, print ? "print" : "screen");
      const png = Buffer.from(await page.screenshot({ fullPage: true }));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.readUInt32BE(16)).toBe(width);
      if (shots) writeFileSync(join(shots, `example-${label}.png`), png);
      if (print) {
        const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        // The page's own @page size: A4 is 595.28 × 841.89 pt (Chromium rounds to its own units).
        const [, w, h] = /\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString("latin1"))!;
        expect(Math.abs(Number(w) - 595.28)).toBeLessThan(1);
        expect(Math.abs(Number(h) - 841.89)).toBeLessThan(1);
        if (shots) writeFileSync(join(shots, "example.pdf"), pdf);
      }
      await page.close();
    }
  }, 120_000);
});
