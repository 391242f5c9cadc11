/**
 * Issue 18, spread calls: `Math.max(...xs)` and `Math.min(...xs)` pass every item as an argument,
 * and past about 120,000 items V8 ends the run with "Maximum call stack size exceeded". The places
 * that did it on lists a ledger can make long, each given a quarter of a million items. (Zod's spread of a
 * claim's statement issues is tested through the CLI in red-team-input.test.ts; a file can no
 * longer hold this many diagnostics under the token limit, so these formatters are called directly.)
 */
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/core/shared/diagnostics.js";
import { chooseScale } from "../../src/formats/exports/html-chart.js";
import { formatStylish } from "../../src/formats/lint/stylish.js";
import { pushAll } from "../../src/core/shared/arrays.js";

const MANY = 250_000;

describe("no spread of a long list", () => {
  it(`stylish lays out ${MANY.toLocaleString("en-US")} diagnostics of one file`, () => {
    const diagnostics: Diagnostic[] = Array.from({ length: MANY }, (_, i) => ({ code: "unused-source", severity: "warning", message: `source 's${i}' is not cited`, file: "big.yaml", line: i + 1, column: 3 }));
    const lines = formatStylish(diagnostics, { chalk: new Chalk({ level: 0 }) }).split("\n");
    // The file name, one row per diagnostic aligned to the widest position, a blank line, the summary.
    expect(lines[0]).toBe("big.yaml");
    expect(lines[1]).toBe(`  1:3       warning  source 's0' is not cited       unused-source`);
    expect(lines[MANY]).toBe(`  ${MANY}:3  warning  source 's${MANY - 1}' is not cited  unused-source`);
    expect(lines.at(-2)).toBe(`✖ ${MANY} problems (0 errors, ${MANY} warnings, 0 infos)`);
  });

  it(`the HTML chart's scale spans ${MANY.toLocaleString("en-US")} bounds`, () => {
    const intervals = Array.from({ length: MANY }, (_, i) => ({ min: i + 1, max: i + 1, minOpen: false, maxOpen: false }));
    const scale = chooseScale(intervals);
    expect(scale.kind).toBe("log");
    expect(scale.ticks[0]).toBe(1);
    expect(scale.ticks.at(-1)).toBe(1_000_000);
    expect(scale.ticks.every((t) => Number.isFinite(scale.x(t)))).toBe(true);
  });

  it(`pushAll appends ${MANY.toLocaleString("en-US")} items where push(...items) overflowed`, () => {
    const items = Array.from({ length: MANY }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    pushAll(target, items);
    expect(target.length).toBe(MANY + 1);
    expect(target.at(-1)).toBe(MANY - 1);
  });
});
