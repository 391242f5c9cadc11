/**
 * Fuzzing the loader and the whole pipeline (issue 5, part 2): over arbitrary strings, full-unicode
 * strings, raw bytes and YAML-like strings built from the format's own tokens, nothing throws, and
 * every diagnostic points at a real place: line ≥ 1 and column ≥ 1, the line inside the file and
 * the column at most one past that line's end (UTF-16 units, as SPEC §9 counts).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Chalk } from "chalk";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holds } from "../helpers/property.js";
import { checkText } from "../../src/formats/text/text.js";
import { EXPORT_FORMATTERS } from "../../src/formats/exports/index.js";
import { LINT_FORMATTERS } from "../../src/formats/lint/index.js";
import { claimDetail, sourceTable } from "../../src/formats/text/text.js";
import type { Diagnostic } from "../../src/core/shared/diagnostics.js";
import { buildLedger } from "../../src/core/load/validate.js";
import { loadFile } from "../../src/core/load/load-file.js";
import { parseYaml } from "../../src/core/load/parse.js";
import { checkLedgerSync as checkLedger } from "../helpers/check.js";
import { decode } from "../../src/core/load/read.js";
import { put, removeDir, SOURCES_YAML, tempDir } from "../fixtures/hazards/hazards.js";
import { doublingInProcess, logFigure, MAX_RATIO } from "../helpers/doubling.js";

/** More runs on demand: CLAIMS_FUZZ_RUNS=5000 npx vitest run tests/hostile/fuzz.test.ts */
const RUNS = Number(process.env.CLAIMS_FUZZ_RUNS ?? 200);

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnitString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 200 });
const unicodeString = fc.string({ unit: "binary", maxLength: 200 });
const asciiString = fc.string({ unit: "binary-ascii", maxLength: 200 });

/** Pieces of YAML and of the ledger format, glued at random: most results are nearly-valid ledger files. */
const TOKENS = [
  "sources", "documents", "claims", "statements", "says", "source", "question", "type", "quantity", "choice", "boolean", "date",
  "options", "unit", "margin", "tolerance", "quote", "in", "on", "via", "retracted", "verdict", "finding", "rating", "name",
  "title", "publisher", "archive", "sha256", "published", "note", "tags", "__proto__", "constructor", "prototype",
  "police", "union", "paper", "death-toll", "official", "about 10", "at least 16", "dozens", "unknown", "between 3 and 5",
  "- ", ": ", ":", "-", "[", "]", "{", "}", ", ", ",", "? ", "|", ">", "|-", ">+", "#", " # c", "&a ", "*a", "&b ", "*b",
  "!!str ", "!!int ", "!!binary ", "!!js/function ", "!custom ", "!<tag:x> ", "---", "...", "%YAML 1.2", "%YAML 1.1", "%TAG ! x",
  "\"", "'", "\"q\\\"e\"", "'it''s'", "\\", "\\u0000", "\\x1b", "\n", "\r\n", "\r", "\t", " ", "  ", "    ", "\n  ", "\n    ",
  "\n      ", "\n- ", "\n  - ", "0", "10", "-1", "3,000", "1.5e3", "0x1F", ".inf", ".nan", "~", "null", "true", "no", "2011-12-16",
  "2011-13-45", "2011-12", "\uFEFF", "\u202E", "\u200B", "\u001b[2J", "\u0085", "\u2028", "é", "𝄞", "\uD800",
];
const token = fc.constantFrom(...TOKENS);
const tokenSoup = fc.array(fc.oneof({ weight: 6, arbitrary: token }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 60 }).map((parts) => parts.join(""));

/** Lines of `indent key: value` or `indent- value`, closer to real ledger files than the token soup. */
const line = fc.tuple(
  fc.constantFrom("", "  ", "    ", "      ", "        ", "\t", " "),
  fc.constantFrom("", "- "),
  fc.oneof(token, fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)),
  fc.constantFrom(": ", ":", " ", ": |\n", ": >-\n"),
  fc.oneof(token, fc.string({ maxLength: 12 }), fc.integer().map(String), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
).map((parts) => parts.join(""));
const lineEnd = fc.constantFrom("\n", "\r\n", "\n\n");
const yamlLike = fc.array(fc.tuple(line, lineEnd), { maxLength: 25 }).map((lines) => lines.map(([l, e]) => l + e).join(""));

/** Every kind of text input, mixed. */
const anyText = fc.oneof(codeUnitString, unicodeString, asciiString, tokenSoup, yamlLike);

/** The file's text as the loader sees it: its UTF-8 bytes decoded leniently, one leading BOM dropped. */
function textOf(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Why a place is outside the text, or undefined when it is inside. */
function outside(text: string, at: { line: number; column: number }): string | undefined {
  // LF, and a bare CR (YAML 1.2 §5.4), end a line; CRLF ends one at its LF.
  const lines = text.split(/\r(?!\n)|\n/);
  if (!Number.isInteger(at.line) || !Number.isInteger(at.column)) return `not integers: ${at.line}:${at.column}`;
  if (at.line < 1 || at.column < 1) return `below 1: ${at.line}:${at.column}`;
  if (at.line > lines.length) return `line ${at.line} of ${lines.length}`;
  if (at.column > lines[at.line - 1].length + 1) return `column ${at.column} past the end of line ${at.line} (${lines[at.line - 1].length} units)`;
  return undefined;
}

function assertInside(text: string, diagnostics: readonly Pick<Diagnostic, "line" | "column" | "code" | "message">[]): void {
  for (const d of diagnostics) {
    const why = outside(text, d);
    if (why) throw new Error(`${d.code} ${why}: ${JSON.stringify(d.message)} in ${JSON.stringify(text)}`);
  }
}

describe("decode never throws", () => {
  it("on arbitrary bytes, and its fault lies inside the (leniently decoded) text", () => {
    holds(
      fc.property(fc.uint8Array({ maxLength: 300 }), (array) => {
        const bytes = Buffer.from(array);
        const result = decode(bytes);
        if (!result.ok && result.line !== undefined) assertInside(textOf(bytes), [{ line: result.line, column: result.column ?? 1, code: "unreadable-file", message: result.message }]);
        if (result.ok) expect(result.text).toBe(textOf(bytes));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("on the UTF-8 of any text, with or without a BOM", () => {
    holds(
      fc.property(anyText, fc.boolean(), (text, bom) => {
        const bytes = Buffer.concat([Buffer.from(bom ? "\uFEFF" : ""), Buffer.from(text, "utf8")]);
        const result = decode(bytes);
        const hasNul = textOf(bytes).includes("\0");
        expect(result.ok).toBe(!hasNul);
        if (!result.ok) assertInside(textOf(bytes), [{ line: result.line ?? 0, column: result.column ?? 0, code: "unreadable-file", message: result.message }]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("parseYaml never throws", () => {
  it("and every fault offset lies inside the text", () => {
    holds(
      fc.property(anyText, (text) => {
        const parsed = parseYaml(text);
        for (const fault of parsed.faults) {
          expect(fault.offset).toBeGreaterThanOrEqual(0);
          expect(fault.offset).toBeLessThanOrEqual(text.length);
          expect(["yaml-syntax", "schema"]).toContain(fault.code);
        }
        // Plain data only: mappings have no prototype to pollute.
        if (parsed.value !== null && typeof parsed.value === "object" && !Array.isArray(parsed.value)) expect(Object.getPrototypeOf(parsed.value)).toBe(null);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("loadFile and buildLedger never throw", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("fuzz-load");
  });
  afterAll(() => removeDir(dir));

  it("on any file, and every diagnostic lies inside it", () => {
    holds(
      fc.property(anyText, (text) => {
        const abs = join(dir, "fuzz.yaml");
        writeFileSync(abs, text);
        const loaded = loadFile({ abs, display: "fuzz.yaml", root: dir });
        const ledger = buildLedger([loaded]);
        assertInside(textOf(Buffer.from(text)), ledger.diagnostics);
        for (const d of ledger.diagnostics) expect(d.file).toBe("fuzz.yaml");
        // Prototype keys never reach a record map.
        for (const map of [ledger.sources, ledger.documents, ledger.claims]) for (const id of map.keys()) expect(["__proto__", "constructor", "prototype"]).not.toContain(id);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("counterexamples fuzzing found, kept as regressions", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("fuzz-regressions");
  });
  afterAll(() => removeDir(dir));

  // yaml's Parser does not report the line breaks inside a token it could not place, so its
  // LineCounter put later faults on the wrong line (here 2:24 on a 19-unit line); parse.ts now
  // counts lines from the text.
  it.each([
    ["a stray `:` after a multi-line error token", "- a: \nsources: 1970-01-01\n  a: 0\n", [[2, 1], [2, 8], [2, 10], [3, 4], [3, 6]]],
    ["a stray `:` in a block scalar's wake", "- sources: |\n0\n      sources: \n", undefined],
    ["a lone tag at 1:1", "!", [[1, 1]]],
  ] as const)("%s", (_, text, places) => {
    const abs = join(dir, "case.yaml");
    writeFileSync(abs, text);
    const { diagnostics } = loadFile({ abs, display: "case.yaml", root: dir });
    expect(diagnostics.length).toBeGreaterThan(0);
    assertInside(text, diagnostics);
    if (places) expect(diagnostics.map((d) => [d.line, d.column])).toEqual(places);
  });
});

describe("the whole pipeline never throws", () => {
  let dir: string;
  const chalk = new Chalk({ level: 0 });
  beforeAll(() => {
    dir = tempDir("fuzz-pipeline");
    put(join(dir, "sources.yaml"), SOURCES_YAML);
    put(join(dir, "archive/paper.txt"), "Police said ten people were killed.\n");
  });
  afterAll(() => removeDir(dir));

  it("checkLedger over a valid sources file and a fuzzed one, then every renderer", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        writeFileSync(join(dir, "fuzz.yaml"), text);
        const { report } = await checkLedger(["."], dir);
        const sourcesText = SOURCES_YAML;
        for (const d of report.diagnostics) {
          expect(["fuzz.yaml", "sources.yaml"]).toContain(d.file);
          assertInside(d.file === "fuzz.yaml" ? textOf(Buffer.from(text)) : sourcesText, [d]);
        }
        expect(report.summary.files).toBe(2);
        // Every formatter takes whatever the analysis made of the fuzzed file.
        for (const format of Object.values(LINT_FORMATTERS)) format(report.diagnostics, { chalk, version: "0.0.0", cwd: dir });
        // claimreview refuses a report without settings.url and a publisher (SPEC §12 v2); given them, it takes any report.
        const published = { ...report, settings: { publisher: "Desk", url: "https://desk.example/checks" } };
        for (const [name, format] of Object.entries(EXPORT_FORMATTERS)) format(name === "claimreview" ? published : report, { all: true, publisher: null });
        checkText(report, { chalk, width: 80 });
        sourceTable(report, { chalk, width: 80 });
        for (const claim of report.claims) claimDetail(claim, { chalk, width: undefined }, report);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- Issue 18: grammar-aware generators that grow, and the doubling bound on each -----------------

/**
 * A family of ledgers that grows with n: fast-check picks the grammar's pieces (what a list holds,
 * how HTML nests, what a quote repeats, how many misquotes an archive gets, what a choice
 * statement says, how ids are misspelt), the test times the whole pipeline and every renderer at
 * n and 2n. Each of the red team's quadratic paths is one draw of these generators.
 */
interface Growing {
  readonly label: string;
  readonly n: number;
  readonly files: (n: number) => Record<string, string>;
}

const SOURCES_2 = "sources:\n  police: {name: City police, type: official}\n  union: {name: Union, type: union}\n";
const docWith = (archive: string, text: string) => ({ "documents.yaml": `documents:\n  d: {title: T, publisher: P, archive: ${archive}}\n`, [archive]: text });
const claimOf = (type: string, body: string, statements: string) => `claims:\n  q:\n    question: Q?\n    type: ${type}\n${body}    statements:\n${statements}`;

/** Lists of many items, flow or block, of statements, tags or sources. */
const growingList: fc.Arbitrary<Growing> = fc
  .record({
    item: fc.constantFrom("{}", "0", "{source: police, says: 1}", "{source: nobody, says: x}", "[a]", "{source: police, says: 1, bogus: 2}"),
    flow: fc.boolean(),
    where: fc.constantFrom("statements", "tags"),
  })
  .map(({ item, flow, where }) => ({
    label: `a ${flow ? "flow" : "block"} list of ${item} as ${where}`,
    n: 1_500,
    files: (n: number) => {
      const list = flow ? ` [${Array(n).fill(item).join(", ")}]\n` : `\n${Array(n).fill(`      - ${item}\n`).join("")}`;
      const statements = where === "statements" ? "" : "      - {source: police, says: 1}\n";
      const body = where === "tags" ? `    tags:${list}` : "";
      return { "sources.yaml": SOURCES_2, "c.yaml": where === "statements" ? `claims:\n  q:\n    question: Q?\n    type: quantity\n    statements:${list}` : claimOf("quantity", body, statements) };
    },
  }));

/** HTML archives whose tags nest, open and close in many ways. */
const growingNesting: fc.Arbitrary<Growing> = fc.array(fc.constantFrom("<div>", "<form>", "</i>", "<p>", "</p>", "<b>", "<table><tr><td>", "<svg>", "<template>", "</template>", "<li>", "<!-- c -->", "&amp;"), { minLength: 1, maxLength: 4 }).map((unit) => ({
  label: `an archive of ${unit.join("")} repeated`,
  n: 20_000,
  files: (n: number) => ({
    "sources.yaml": SOURCES_2,
    ...docWith("a.html", `${unit.join("").repeat(n)}<p>Police said ten people were killed.</p>`),
    "c.yaml": claimOf("quantity", "", "      - {source: police, says: 10, in: d, quote: ten people were killed}\n"),
  }),
}));

/** Quotes of one piece repeated, against an archive of another repeated. */
const growingQuote: fc.Arbitrary<Growing> = fc
  .record({ quote: fc.constantFrom("[", "[ ", "...", "the", "the ", "[x] ", "a b ", "\u2019", "é"), archive: fc.constantFrom("the", "the ", "a b ", "[", "x") })
  .map(({ quote, archive }) => ({
    label: `a quote of ${JSON.stringify(quote)} against an archive of ${JSON.stringify(archive)}`,
    n: 20_000,
    files: (n: number) => ({
      "sources.yaml": SOURCES_2,
      ...docWith("a.txt", archive.repeat(2 * n)),
      "c.yaml": claimOf("quantity", "", `      - {source: police, says: 10, in: d, quote: ${JSON.stringify(`${quote.repeat(n)}zz`)}}\n`),
    }),
  }));

/** Archives of n words with a share of misquotes. */
const growingArchive: fc.Arbitrary<Growing> = fc.record({ every: fc.constantFrom(50, 100, 200), words: fc.constantFrom("police said ten", "a b c d e f g", "the the the") }).map(({ every, words }) => ({
  label: `an archive of "${words}" with a misquote per ${every} words`,
  n: 10_000,
  files: (n: number) => {
    const statements = Array.from({ length: Math.ceil(n / every) }, (_, i) => `      - {source: police, says: ${i}, in: d, on: 2011-12-${String(1 + (i % 28)).padStart(2, "0")}, quote: "${words} ${i} zz"}\n`);
    return { "sources.yaml": SOURCES_2, ...docWith("a.txt", `${words} `.repeat(n / words.split(" ").length)), "c.yaml": claimOf("quantity", "", statements.join("")) };
  },
}));

/** Choice claims of n options and n statements saying valid, invalid or listed options. */
const growingOptions: fc.Arbitrary<Growing> = fc.constantFrom("valid", "invalid", "list", "near").map((says) => ({
  label: `a choice of n options, n statements saying ${says} ones`,
  n: 600,
  files: (n: number) => {
    const options = Array.from({ length: n }, (_, i) => `option-${i}`);
    const value = (i: number) => (says === "valid" ? options[i] : says === "invalid" ? `nothing-${i}` : says === "near" ? `optoin-${i}` : `[${options.slice(0, 3).join(", ")}]`);
    const statements = Array.from({ length: n }, (_, i) => `      - {source: ${i % 2 ? "police" : "union"}, says: ${value(i)}, on: 2011-12-17}\n`);
    return { "sources.yaml": SOURCES_2, "c.yaml": claimOf("choice", `    options: [${options.join(", ")}]\n`, statements.join("")) };
  },
}));

/** n sources and n statements whose ids are misspelt in some way. */
const growingIds: fc.Arbitrary<Growing> = fc.constantFrom("sourse", "SOURCE", "source-x", "s").map((typo) => ({
  label: `n sources and n statements citing ${typo}-like ids`,
  n: 800,
  files: (n: number) => ({
    "sources.yaml": `sources:\n${Array.from({ length: n }, (_, i) => `  source-${i}: {name: S${i}, type: other}\n`).join("")}`,
    "c.yaml": claimOf("quantity", "", Array.from({ length: n }, (_, i) => `      - {source: ${typo}-${i}, says: 1}\n`).join("")),
  }),
}));

describe("the doubling bound holds for every draw of the grammar (issue 18)", () => {
  /** More draws on demand: CLAIMS_FUZZ_DOUBLING_RUNS=40 npx vitest run tests/hostile/fuzz.test.ts */
  const DRAWS = Number(process.env.CLAIMS_FUZZ_DOUBLING_RUNS ?? 2);
  const chalk = new Chalk({ level: 0 });
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  for (const [name, family] of [["lists", growingList], ["HTML nesting", growingNesting], ["quotes", growingQuote], ["archives", growingArchive], ["option sets", growingOptions], ["ids", growingIds]] as const) {
    it(`${name}: time at 2n at most three times that at n`, { timeout: 600_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(family, async (growing) => {
          const at = new Map<number, string>();
          const run = async (size: number) => {
            let dir = at.get(size);
            if (dir === undefined) {
              at.set(size, (dir = tempDir("fuzz-doubling")));
              dirs.push(dir);
              for (const [file, text] of Object.entries(growing.files(size))) put(join(dir, file), text);
            }
            const { report } = await checkLedger(["."], dir);
            checkText(report, { chalk, width: 100 });
            // claimreview refuses a report without settings.url and a publisher (SPEC §12 v2).
            const published = { ...report, settings: { publisher: "Desk", url: "https://desk.example/checks" } };
            for (const [name, format] of Object.entries(EXPORT_FORMATTERS)) format(name === "claimreview" ? published : report, { all: true, publisher: null });
            for (const format of Object.values(LINT_FORMATTERS)) format(report.diagnostics, { chalk, version: "0.0.0", cwd: dir });
          };
          await run(Math.ceil(growing.n / 4));
          const doubled = await doublingInProcess(run, growing.n);
          logFigure(`fuzz ${growing.label}`, doubled);
          expect(doubled.ratio, `${growing.label}: ${JSON.stringify(doubled)}`).toBeLessThanOrEqual(MAX_RATIO);
        }),
        { numRuns: DRAWS },
      );
    });
  }
});
