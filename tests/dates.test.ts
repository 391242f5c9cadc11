/** Record dates (SPEC §1): real calendar dates written YYYY-MM-DD, judged by the value grammar's calendar. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate } from "../src/core/load/schema.js";
import { ISO_DAY_PATTERN, tryParseIsoDay } from "../src/core/values/date.js";
import { runInProcess } from "./helpers/run.js";

describe("the schema's dates", () => {
  it.each([
    ["2011-12-16", true],
    ["2000-02-29", true], // divisible by 400: a leap year
    ["1900-02-29", false], // divisible by 100 only: not one
    ["2011-02-29", false],
    ["2011-04-31", false],
    ["2011-13-01", false],
    ["2011-00-10", false],
    ["2011-12-00", false],
    ["0050-03-01", true], // years below 100 are years, not 1900 + year
    ["0000-02-29", true], // year 0 of the proleptic calendar is a leap year
    ["2011-12-16 ", false],
    ["2011-1-16", false],
  ])("%s is %s", (value, ok) => {
    expect(isoDate.safeParse(value).success).toBe(ok);
    // The schema and the value grammar agree on every date, so analysis can read what the schema accepts.
    expect(tryParseIsoDay(value) !== null).toBe(ok);
  });

  it("reports a date of the wrong shape once, as a wrong shape", () => {
    for (const value of ["2011-1-16", "abc", "2011-12-16 ", "16/12/2011"]) {
      expect(isoDate.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual(["expected a date written YYYY-MM-DD"]);
    }
    expect(isoDate.safeParse("2011-02-30").error?.issues.map((issue) => issue.message)).toEqual(["not a real calendar date"]);
  });

  it("reports an impossible date at its place, and accepts an early year", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claims-dates-"));
    writeFileSync(
      join(dir, "ledger.yaml"),
      ["documents:", "  old:", "    title: An old chronicle", "    publisher: A monastery", "    published: 0050-03-01", "  bad:", "    title: A report", "    publisher: A paper", "    published: 2011-02-29", ""].join("\n"),
    );
    const result = await runInProcess(["lint", "--format", "json", dir], { cwd: dir });
    const found = JSON.parse(result.stdout).map((d: { code: string; line: number; column: number; message: string }) => [d.code, d.line, d.column, d.message]);
    // The document with the impossible date is left out of the ledger, so only the early one is unused.
    expect(found).toEqual([
      ["unused-document", 2, 3, "document 'old' is not cited by any statement; cite it with `in` or remove it"],
      ["schema", 9, 16, "'published': not a real calendar date"],
    ]);
    expect(result.code).toBe(1);
  });
});

// The JSON Schema's pattern for dates (`claims schema`), held to the grammar's calendar here, in
// a test of the core: tests/json-schema.test.ts reads the schema through the built bin.
describe("the calendar pattern", () => {
  const pattern = () => new RegExp(ISO_DAY_PATTERN);
  it("accepts exactly the dates the value grammar reads, over a whole 400-year cycle of the Gregorian calendar", () => {
    const calendar = pattern();
    const disagreements: string[] = [];
    for (let year = 0; year < 400; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          if (calendar.test(date) !== (tryParseIsoDay(date) !== null)) disagreements.push(date);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("agrees with the grammar on any year", () => {
    const calendar = pattern();
    const digits = (n: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""));
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        const date = `${y}-${m}-${d}`;
        expect(calendar.test(date)).toBe(tryParseIsoDay(date) !== null);
      }),
      { numRuns: 20_000 },
    );
  });
});
