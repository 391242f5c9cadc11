/** Record dates (SPEC §1): real calendar dates written YYYY-MM-DD, judged by the value grammar's calendar. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isoDate } from "../src/core/load/schema.js";
import { tryParseIsoDay } from "../src/core/values/date.js";
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
