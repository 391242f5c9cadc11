/**
 * A real browser for the tests, from npm: the Chromium binary that @sparticuz/chromium ships inside
 * its package (unpacked on first use), driven by puppeteer-core over the DevTools protocol. Nothing
 * is installed by hand and nothing is downloaded.
 */
import chromium from "@sparticuz/chromium";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

/**
 * The package's own flags, less those that weaken the page's security (a report must be judged as
 * a reader's browser would show it), plus the ones that keep a closed network quiet.
 */
const WEAKENING = new Set(["--disable-web-security", "--allow-running-insecure-content", "--disable-site-isolation-trials"]);

/** Starts headless Chromium; close it with `browser.close()`. */
export async function launchBrowser(): Promise<Browser> {
  const args = [
    ...chromium.args.filter((arg) => !WEAKENING.has(arg)),
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
  ];
  return puppeteer.launch({ executablePath: await chromium.executablePath(), args, headless: true, timeout: 60_000 });
}

/** What a page did while it loaded: every request beyond the page itself, and every script the page compiled. */
export interface PageActivity {
  readonly requests: string[];
  readonly scripts: string[];
}

/**
 * Opens `url` in a new page of the given width, watching through the DevTools protocol: the
 * Network domain sees every request, the Debugger domain every script compiled in the page
 * (inline, external, event handler or `javascript:` URL). Returns the page and what it did.
 */
export async function openWatched(browser: Browser, url: string, width: number, height = 900): Promise<{ page: Page; activity: PageActivity }> {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const requests: string[] = [];
  const scripts: string[] = [];
  const cdp = await page.createCDPSession();
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.request.url !== url) requests.push(event.request.url);
  });
  cdp.on("Debugger.scriptParsed", (event) => {
    // puppeteer's own helpers run in a world of their own, named `pptr:…`; the page's scripts have its URL or none.
    if (!event.url.startsWith("pptr:")) scripts.push(event.url === "" ? `(inline script ${event.scriptId})` : event.url);
  });
  await cdp.send("Network.enable");
  await cdp.send("Debugger.enable");
  await page.goto(url, { waitUntil: "load", timeout: 60_000 });
  // Settle: a script that would fetch later, or a lazy image, has had its chance.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await cdp.send("Debugger.disable");
  await cdp.send("Network.disable");
  return { page, activity: { requests, scripts } };
}
