/**
 * The html page's generation stamp from the CLI (SPEC §12 v2): SOURCE_DATE_EPOCH, as
 * reproducible-build tools set it, fixes the time so the same ledger gives the same bytes; without
 * it the page is stamped with the time it is made; a value that is not whole seconds stops the run.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { generationTime } from "../src/cli/commands/export.js";
import type { Io } from "../src/cli/io.js";
import { runBin } from "./helpers/run.js";

const work = mkdtempSync(join(tmpdir(), "claims-stamp-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STAMP = /Generated <time datetime="([^"]+)">([^<]+)<\/time> by claims ([^.<]+(?:\.[^.<]+)*)\./;

function io(env: Record<string, string>, now?: Date): Io {
  return { stdout: () => {}, stderr: () => {}, env, cwd: work, stdoutIsTTY: false, columns: undefined, ...(now ? { now: () => now } : {}) };
}

describe("the html page's generation stamp", () => {
  it("is SOURCE_DATE_EPOCH's time, with the version of claims, and the same bytes on every run", () => {
    const first = runBin(["export", "--format", "html", "claims"], { env: { SOURCE_DATE_EPOCH: "1767225600" } });
    const second = runBin(["export", "--format", "html", "claims"], { env: { SOURCE_DATE_EPOCH: "1767225600" } });
    expect(first.code).toBe(0);
    expect(first.stdout.match(STAMP)?.slice(1)).toEqual(["2026-01-01T00:00:00Z", "2026-01-01 00:00 UTC", pkg.version]);
    expect(second.stdout).toBe(first.stdout);
    const epoch = runBin(["export", "--format", "html", "claims"], { env: { SOURCE_DATE_EPOCH: "0" } });
    expect(epoch.stdout.match(STAMP)?.slice(1, 3)).toEqual(["1970-01-01T00:00:00Z", "1970-01-01 00:00 UTC"]);
  });

  it("is the time the page is made without it (an empty value counts as unset)", () => {
    const now = new Date("2026-03-04T05:06:07.890Z");
    expect(generationTime(io({}, now))).toBe("2026-03-04T05:06:07Z");
    expect(generationTime(io({ SOURCE_DATE_EPOCH: "" }, now))).toBe("2026-03-04T05:06:07Z");
    const before = Date.now();
    const made = runBin(["export", "--format", "html", "claims"]).stdout.match(STAMP)![1]!;
    expect(Date.parse(made)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(made)).toBeLessThanOrEqual(Date.now());
  });

  it.each(["yesterday", "1.5", "-1", "1e9", " 1767225600", "99999999999999999"])("refuses SOURCE_DATE_EPOCH=%j: exit 2, the variable named, nothing written", (value) => {
    const out = join(work, "report.html");
    const result = runBin(["export", "--format", "html", "claims", "-o", out], { env: { SOURCE_DATE_EPOCH: value } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`claims: SOURCE_DATE_EPOCH is '${value}', not a whole number of seconds since 1970-01-01 UTC; set it to one, such as 1767225600, or unset it to stamp the page with the current time\n`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it("is left out of the other formats, so a committed export changes only when the ledger does", () => {
    for (const format of ["markdown", "csv"]) {
      const result = runBin(["export", "--format", format, "claims"], { env: { SOURCE_DATE_EPOCH: "yesterday" } });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain("Generated");
    }
  });
});
