/**
 * The text tables are drawn by cli-table3 in slices of rows (its layout is quadratic in the rows),
 * and must be byte for byte the table cli-table3 draws in one piece: random rows of words, long
 * words that must be cut, line breaks and colour, more rows than a slice holds. Rows of plain
 * ASCII are drawn without cli-table3 (plain-row.ts), so they get a property of their own, with
 * the blanks and long words its wrapping treats specially.
 */
import Table from "cli-table3";
import { Chalk } from "chalk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { table } from "../src/formats/text/table.js";
import { PLAIN_CELL } from "../src/formats/text/plain-row.js";
import { PLAIN, type Stylist } from "../src/formats/style.js";

const word = fc.oneof(
  fc.constantFrom("a", "conflict", "single-source", "12", "—", "≥ 1,000", "(unresolved)", "zhanaozen-toll", "中文", "é"),
  fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom("x", "y", "-", "é", "中") }),
);
/** Plain text only (PLAIN_CELL), so every row takes the path that does not use cli-table3. */
const asciiWord = fc.oneof(
  fc.constantFrom("", " ", "  ", "a", "conflict", "single-source", "12", "≥ 1,000", "(unresolved)", "zhanaozen-toll", "window: 3–5", "—", "“quoted”"),
  fc.string({ minLength: 1, maxLength: 60, unit: fc.constantFrom("x", "y", "-", " ", ",", "~", "é", "–", "≤") }),
);
const asciiCell = fc
  .array(
    fc.tuple(fc.array(asciiWord, { minLength: 0, maxLength: 12 }), fc.constantFrom(" ", "  ")).map(([ws, blank]) => ws.join(blank)),
    { minLength: 1, maxLength: 3 },
  ).map((lines) => lines.join("\n"));
const cell = fc.array(fc.array(word, { minLength: 0, maxLength: 12 }).map((ws) => ws.join(" ")), { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n"));

/** cli-table3 in one piece, with the options `table` gives each slice. */
function whole(head: readonly string[], rows: readonly (readonly string[])[], widths: number[], chalk: Stylist): string {
  const t = new Table({ head: head.map((h) => chalk.bold(h)), colWidths: widths, wordWrap: true, wrapOnWordBoundary: true, style: { head: [], border: [], compact: true } });
  for (const r of rows) t.push([...r]);
  return t.toString();
}

/** The widths `table` chose, read back from its top border. */
function widthsOf(drawn: string): number[] {
  return drawn.split("\n")[0].slice(1, -1).split("┬").map((s) => [...s].length);
}

describe("text tables drawn in slices", () => {
  it.each([0, 1, 63, 64, 65, 128, 200])("%i rows: the same as one cli-table3 table", (n) => {
    const head = ["claim", "status", "answer"];
    const rows = Array.from({ length: n }, (_, i) => [`c-${i}`, i % 3 ? "corroborated" : "conflict (unresolved)", `${i} to ${i * 7}\nwindow: ${i}`]);
    const ctx = { chalk: PLAIN, width: 60 };
    const drawn = table(head, rows, ctx, rows);
    expect(drawn).toBe(whole(head, rows, widthsOf(drawn), PLAIN));
    expect(drawn.split("\n").filter((l) => l.startsWith("└"))).toHaveLength(1);
    expect(drawn.split("\n").filter((l) => l.startsWith("┌"))).toHaveLength(1);
  });

  it("random rows, widths and colour give the same bytes as one table", () => {
    const colour = new Chalk({ level: 1 }) as unknown as Stylist;
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 0, maxLength: 160 }), fc.integer({ min: 30, max: 200 }), fc.boolean(), (rows, width, coloured) => {
        const chalk = coloured ? colour : PLAIN;
        const head = ["claim", "sources (groups)", "range / answer"];
        const styled = rows.map(([a, b, c]) => [a, chalk.red(b), c]);
        const drawn = table(head, styled, { chalk, width }, rows);
        expect(drawn).toBe(whole(head, styled, widthsOf(drawn), chalk));
      }),
      { numRuns: 20 },
    );
  });

  it("every character drawn without cli-table3 is drawn as cli-table3 draws it", () => {
    const chars: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) if (PLAIN_CELL.test(String.fromCharCode(cp)) && cp !== 0x0a) chars.push(String.fromCharCode(cp));
    expect(chars).toHaveLength(996);
    // Cells of 24 characters with a space after each 6th, in columns too narrow for most: wrapped and cut.
    const cells: string[] = [];
    for (let i = 0; i < chars.length; i += 24) cells.push(chars.slice(i, i + 24).map((c, k) => (k % 6 === 5 ? `${c} ` : c)).join(""));
    const rows: string[][] = [];
    for (let i = 0; i < cells.length; i += 3) rows.push([cells[i], cells[i + 1] ?? "", cells[i + 2] ?? ""]);
    for (let start = 0; start < rows.length; start += 20) {
      const slice = rows.slice(start, start + 20);
      const head = ["a", "b", "c"];
      const drawn = table(head, slice, { chalk: PLAIN, width: 40 }, slice);
      expect(drawn).toBe(whole(head, slice, widthsOf(drawn), PLAIN));
    }
  });

  it("random plain rows (drawn without cli-table3) give the same bytes as one table", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(asciiCell, asciiCell, asciiCell, asciiCell), { minLength: 0, maxLength: 60 }), fc.integer({ min: 20, max: 160 }), (rows, width) => {
        const head = ["claim", "type", "sources (groups)", "range / answer"];
        const drawn = table(head, rows, { chalk: PLAIN, width }, rows);
        expect(drawn).toBe(whole(head, rows, widthsOf(drawn), PLAIN));
      }),
      { numRuns: 40 },
    );
  });

  it("plain rows and rows left to cli-table3 mix in one table as in one cli-table3 table", () => {
    const head = ["claim", "answer"];
    const rows = Array.from({ length: 150 }, (_, i) => [`c-${i}`, i % 7 === 0 ? `中文 ${i}` : i % 11 === 0 ? `tab\there ${i}` : `${i} to ${i * 3}`]);
    const drawn = table(head, rows, { chalk: PLAIN, width: 40 }, rows);
    expect(drawn).toBe(whole(head, rows, widthsOf(drawn), PLAIN));
    expect(drawn.split("\n")).toHaveLength(1 + 1 + 1 + 150 + 1);
  });
});
