/**
 * Attack shapes of issue 18, each a ledger generated at a size `n`: what a red team found to cost
 * time with the square of the input, memory without bound, or a crash. The doubling test times the
 * built CLI at n and 2n for each (tests/hostile/budget.test.ts); the fuzz test grows them with
 * fast-check. Every shape is plain data (file name → text), so it can be written anywhere.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** A ledger, as file name (relative to its folder) → text. */
export type Files = Record<string, string>;

export interface Shape {
  readonly name: string;
  /** What the attack does, for the test's name. */
  readonly what: string;
  /** The ledger at size n. */
  readonly files: (n: number) => Files;
  /** The command run on it, in the ledger's folder. */
  readonly args: readonly string[];
  /** The size of the smaller run of the doubling test: large enough that a run takes ~0.3 s or more. */
  readonly n: number;
  /** The exit code every size gives. */
  readonly exit: number;
}

const SOURCES = `sources:
  police: {name: City police, type: official, side: authorities}
  union: {name: Oil workers' union, type: union, side: workers}
`;

/** One document with an archive, and the archive. */
function documentWith(archive: string, text: string): Files {
  return {
    "documents.yaml": `documents:\n  paper: {title: Clashes in the town, publisher: The Paper, published: 2011-12-17, archive: ${archive}}\n`,
    [archive]: text,
  };
}

/** A claim with the given statements (YAML list items, indented four spaces). */
function claim(id: string, statements: readonly string[], extra = ""): string {
  return `claims:\n  ${id}:\n    question: How many people were killed?\n    type: quantity\n${extra}    statements:\n${statements.join("")}`;
}

/** A deterministic word list: the same ledger at every run. */
function words(n: number, seed = 1): string[] {
  const vocabulary = ["police", "said", "ten", "people", "were", "killed", "the", "union", "dozens", "died", "square", "town", "strike", "oil", "workers", "on", "in", "a", "of", "and"];
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(vocabulary[x % vocabulary.length]);
  }
  return out;
}

/** `n` sources in one mapping, each valid and unused. */
function manySources(n: number): string {
  const lines = ["sources:\n"];
  for (let i = 0; i < n; i++) lines.push(`  s${i}: {name: Source ${i}, type: other}\n`);
  return lines.join("");
}

/** `n` sources, and one statement by each saying `says(i)`. */
function speakers(n: number, says: (i: number) => string): { sources: string; statements: string[] } {
  const sources = ["sources:\n"];
  const statements: string[] = [];
  for (let i = 0; i < n; i++) {
    sources.push(`  s-${i}: {name: Source ${i}, type: other}\n`);
    statements.push(`      - {source: s-${i}, says: ${says(i)}}\n`);
  }
  return { sources: sources.join(""), statements };
}

export const SHAPES: readonly Shape[] = [
  {
    name: "html-nesting",
    what: "an HTML archive nested n deep, with n stray end tags and n nested forms",
    files: (n) => ({
      "sources.yaml": SOURCES,
      ...documentWith("page.html", `${"<div><form>".repeat(n)}<p>Police said ten people were killed.</p>${"</i>".repeat(n)}`),
      "claim.yaml": claim("toll", ["      - {source: police, says: 10, in: paper, quote: ten people were killed}\n"]),
    }),
    args: ["check", "."],
    n: 150_000,
    exit: 0,
  },
  {
    name: "open-brackets",
    what: "a quote of n `[` with no `]`",
    files: (n) => ({
      "sources.yaml": SOURCES,
      ...documentWith("page.txt", "Police said ten people were killed.\n"),
      "claim.yaml": claim("toll", [`      - {source: police, says: 10, in: paper, quote: "ten people [were ${"[ ".repeat(n)}killed"}\n`]),
    }),
    args: ["check", "."],
    n: 400_000,
    exit: 1,
  },
  {
    name: "misquotes",
    what: "n/100 misquotes against one archive of n words",
    files: (n) => {
      const text = words(n).join(" ");
      const statements: string[] = [];
      for (let i = 0; i < n / 100; i++) statements.push(`      - {source: police, says: 10, in: paper, on: 2011-12-${String(1 + (i % 28)).padStart(2, "0")}, quote: "${words(12, i + 7).join(" ")} zzz${i}"}\n`);
      return { "sources.yaml": SOURCES, ...documentWith("page.txt", text), "claim.yaml": claim("toll", statements) };
    },
    args: ["check", "."],
    n: 20_000,
    exit: 1,
  },
  {
    name: "repeated-word",
    what: "a quote of one word repeated n times, against an archive of that word repeated 2n times",
    // "thethe…the" occurs at every third offset of "thethethe…", but never between word edges.
    files: (n) => ({
      "sources.yaml": SOURCES,
      ...documentWith("page.txt", `${"the".repeat(2 * n)}\n`),
      "claim.yaml": claim("toll", [`      - {source: police, says: 10, in: paper, quote: "${"the".repeat(n)}"}\n`]),
    }),
    args: ["check", "."],
    n: 40_000,
    exit: 1,
  },
  {
    name: "unknown-ids",
    what: "n sources and n statements citing a misspelt source",
    files: (n) => {
      const sources = ["sources:\n"];
      for (let i = 0; i < n; i++) sources.push(`  source-${i}: {name: Source ${i}, type: other}\n`);
      const statements: string[] = [];
      for (let i = 0; i < n; i++) statements.push(`      - {source: sourse-${i}, says: 10}\n`);
      return { "sources.yaml": sources.join(""), "claim.yaml": claim("toll", statements) };
    },
    args: ["lint", "."],
    n: 2_000,
    exit: 1,
  },
  {
    name: "long-cell",
    what: "a claim table cell of n options (one statement allowing every option)",
    files: (n) => {
      const options = Array.from({ length: n }, (_, i) => `option-${i}`);
      return {
        "sources.yaml": SOURCES,
        "claim.yaml": `claims:\n  who:\n    question: Who fired first?\n    type: choice\n    options: [${options.join(", ")}]\n    statements:\n      - {source: police, says: [${options.join(", ")}]}\n`,
      };
    },
    args: ["check", "."],
    n: 4_000,
    exit: 0,
  },
  {
    name: "export-names",
    what: "n sources, each the speaker of one claim, exported as CSV",
    files: (n) => {
      const files: Files = {};
      // A thousand records per file keeps every file far under the token limit.
      for (let f = 0; f * 1000 < n; f++) {
        const sources = ["sources:\n"];
        const claims = ["claims:\n"];
        for (let i = f * 1000; i < Math.min(n, (f + 1) * 1000); i++) {
          sources.push(`  s-${i}: {name: Source ${i}, type: other}\n`);
          claims.push(`  c-${i}:\n    question: Q${i}?\n    type: boolean\n    statements:\n      - {source: s-${i}, says: true}\n`);
        }
        files[`part-${f}.yaml`] = sources.join("") + claims.join("");
      }
      return files;
    },
    args: ["export", "--all", "--format", "csv", "."],
    n: 2_000,
    exit: 0,
  },
  {
    name: "option-list",
    what: "a choice claim with n options and n statements naming none of them",
    files: (n) => {
      const options = Array.from({ length: n }, (_, i) => `option-${i}`);
      const statements: string[] = [];
      for (let i = 0; i < n; i++) statements.push(`      - {source: police, says: nothing-${i}, on: 2011-12-17}\n`);
      return { "sources.yaml": SOURCES, "claim.yaml": `claims:\n  who:\n    question: Who fired first?\n    type: choice\n    options: [${options.join(", ")}]\n    statements:\n${statements.join("")}` };
    },
    args: ["lint", "."],
    n: 1_500,
    exit: 1,
  },
  {
    name: "flow-list",
    what: "one flow list of n items",
    files: (n) => ({ "list.yaml": `claims: [${"0,".repeat(n)}0]\n` }),
    args: ["lint", "."],
    n: 40_000,
    exit: 1,
  },
  {
    name: "bad-statements",
    what: "a claim of n empty statements (each missing `source` and `says`), in one flow list",
    files: (n) => ({ "sources.yaml": SOURCES, "claim.yaml": `claims:\n  toll:\n    question: How many?\n    type: quantity\n    statements: [${"{},".repeat(n - 1)}{}]\n` }),
    args: ["lint", "."],
    n: 20_000,
    exit: 1,
  },
  {
    name: "duplicate-ids",
    what: "n ids declared in ten files, then declared again in file order that cycles through them",
    files: (n) => {
      const files: Files = {};
      const per = Math.ceil(n / 10);
      for (let f = 0; f < 10; f++) {
        const lines = ["sources:\n"];
        for (let i = 0; i < per; i++) lines.push(`  s-${f}-${i}: {name: Source, type: other}\n`);
        files[`a-${f}.yaml`] = lines.join("");
      }
      const again = ["sources:\n"];
      for (let i = 0; i < per; i++) for (let f = 0; f < 10; f++) again.push(`  s-${f}-${i}: {name: Source, type: other}\n`);
      files["z.yaml"] = again.join("");
      return files;
    },
    args: ["lint", "."],
    n: 3_000,
    exit: 1,
  },
  {
    name: "conflicting-sources",
    what: "n sources on one claim, each giving a different figure: n²/2 conflicting pairs (check --format json)",
    files: (n) => {
      const { sources, statements } = speakers(n, (i) => String(i));
      return { "sources.yaml": sources, "claim.yaml": claim("toll", statements) };
    },
    args: ["check", "--format", "json", "."],
    n: 2_000,
    exit: 0,
  },
  {
    name: "conflicting-choices",
    what: "n sources on one choice claim, each choosing a different option, in text (check)",
    files: (n) => {
      const { sources, statements } = speakers(n, (i) => `o-${i}`);
      const options = Array.from({ length: n }, (_, i) => `o-${i}`).join(", ");
      return { "sources.yaml": sources, "claim.yaml": `claims:\n  who:\n    question: Who?\n    type: choice\n    options: [${options}]\n    verdict: {rating: unproven}\n    statements:\n${statements.join("")}` };
    },
    args: ["check", "."],
    n: 2_000,
    exit: 0,
  },
  {
    name: "ambiguous-revisions",
    what: "one source saying 10 and 20 in turn, n times, undated: every pair of its statements a rival",
    files: (n) => ({ "sources.yaml": SOURCES, "claim.yaml": claim("toll", Array.from({ length: n }, (_, i) => `      - {source: police, says: ${i % 2 ? 20 : 10}}\n`)) }),
    args: ["lint", "."],
    n: 4_000,
    exit: 0,
  },
  {
    name: "many-keys",
    what: "one mapping of n records, each reported (unused), and its first key written again at the end",
    files: (n) => ({ "many.yaml": `${manySources(n)}  s0: {name: again, type: other}\n` }),
    args: ["lint", "."],
    n: 5_000,
    exit: 1,
  },
];

/** A shape by name. */
export function shape(name: string): Shape {
  const found = SHAPES.find((s) => s.name === name);
  if (!found) throw new Error(`no shape ${name}`);
  return found;
}

/** Writes a ledger into `dir`, making its folders. */
export function writeFiles(dir: string, files: Files): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}
