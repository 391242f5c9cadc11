/**
 * Issue 18, output that a terminal or CI runner obeys: each class a red team found, through the
 * built CLI and in-process. File names and fields with line breaks, workflow commands (`::` at a
 * line's start, and the legacy `##[` anywhere in a line, as the GitHub Actions runner parses
 * them), invisible characters, a full disk, numbers shown untruthfully, bare CR line ends, and
 * links a reader did not write (CSV formulas, Markdown autolinks and strikethrough, ClaimReview URLs).
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { Parser } from "htmlparser2";
import type { Nodes } from "mdast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { CHECK_LINT_FORMATS } from "../../src/cli/commands/check.js";
import { ClaimReviewRefused } from "../../src/formats/exports/claimreview.js";
import { EXPORT_FORMATS, EXPORT_FORMATTERS } from "../../src/formats/exports/index.js";
import { LINT_FORMATTERS } from "../../src/formats/lint/index.js";
import { put, removeDir, tempDir } from "../fixtures/hazards/hazards.js";
import { hostile } from "../fixtures/reports/hostile.js";
import { parseGfm } from "../helpers/markdown.js";
import { BIN, runBin, runInProcess, type RunResult } from "../helpers/run.js";

/** A file name that, printed raw, is a forged annotation on a line of its own. */
const FORGED_NAME = "c\n::error file=x.yaml,line=1::Forged\n.yaml";
/** A name that the legacy command parser finds anywhere in a line. */
const LEGACY = "##[error]Legacy";

// Settings and a rated claim, so that claimreview publishes (it refuses without a web address and a publisher).
const SOURCES = `settings:
  url: https://factcheck.example/page
  publisher: "Checkers\\n::error::in a publisher"
sources:
  police: {name: "City ${LEGACY} police", type: official}
  union: {name: "Union\\n::warning::in a name", type: union}
`;
const CLAIM = `claims:
  toll:
    question: "How many?\\n::error::in a question ##[stop-commands]tok"
    type: quantity
    statements:
      - {source: police, says: 10, note: "note\\n::error::x"}
      - {source: union, says: dozens}
      - {source: nobody, says: 3}
    verdict: {rating: mixed, claim: "ten\\n::error::in a claim", claimant: police}
`;

/** Lines that a GitHub Actions runner would take for a workflow command. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes("##["));
}

let dir: string;
beforeAll(() => {
  dir = tempDir("red-team-output");
  put(join(dir, "sources.yaml"), SOURCES);
  put(join(dir, FORGED_NAME), CLAIM);
});
afterAll(() => removeDir(dir));

// Every output: each lint, check and export format (github's own lines are tested below), show and sources.
const RUNS: readonly (readonly string[])[] = [
  ["check", "."],
  ...(["json", "markdown", ...CHECK_LINT_FORMATS.filter((f) => f !== "github")] as const).map((f) => ["check", "--format", f, "."]),
  ["show", "toll", "."],
  ...Object.keys(LINT_FORMATTERS).filter((f) => f !== "github").map((f) => ["lint", "--format", f, "."]),
  ...EXPORT_FORMATS.map((f) => ["export", "--all", "--format", f, "."]),
  ["sources", "."],
];

describe("no output line is a workflow command: line breaks in single-line fields show as \\n", () => {
  for (const args of RUNS) {
    for (const how of ["built CLI", "in-process"] as const) {
      it(`${args.join(" ")} (${how})`, async () => {
        const result: RunResult = how === "built CLI" ? runBin(args, { cwd: dir }) : await runInProcess(args, { cwd: dir });
        expect(result.code).toBe(1);
        expect(commandLines(result.stdout)).toEqual([]);
        expect(commandLines(result.stderr)).toEqual([]);
      });
    }
  }

  it("the file name is shown with its line breaks visible, in check, show and lint", async () => {
    const shown = "c\\n::error file=x.yaml,line=1::Forged\\n.yaml";
    for (const args of [["check", "."], ["show", "toll", "."], ["lint", "."]]) {
      const result = runBin(args, { cwd: dir });
      expect(result.stdout, args.join(" ")).toContain(shown);
    }
    expect((await runInProcess(["check", "."], { cwd: dir })).stdout).toContain(shown);
  });

  it("the github format writes one command per diagnostic and nothing else, line breaks visible inside", async () => {
    for (const result of [runBin(["lint", "--format", "github", "."], { cwd: dir }), await runInProcess(["lint", "--format", "github", "."], { cwd: dir })]) {
      const lines = result.stdout.trimEnd().split("\n");
      expect(lines.length).toBe(1);
      // The forged name is one property value, escaped for the runner: nothing of it starts a line.
      expect(lines[0]).toBe("::error file=c\\n%3A%3Aerror file=x.yaml%2Cline=1%3A%3AForged\\n.yaml,line=8,col=18,title=claims unknown-source::unknown source 'nobody'");
      expect(result.code).toBe(1);
    }
  });

  it("`##[` is shown as #\\u0023[ in text, and round-trips in JSON", async () => {
    const text = runBin(["check", "."], { cwd: dir });
    expect(text.stdout).toContain("#\\u0023[stop-commands]tok");
    const json = runBin(["check", "--format", "json", "."], { cwd: dir });
    const report = JSON.parse(json.stdout) as { claims: { question: string }[]; sources: { name: string }[] };
    expect(report.claims[0].question).toBe("How many?\n::error::in a question ##[stop-commands]tok");
    expect(report.sources[0].name).toBe(`City ${LEGACY} police`);
  });
});

describe("a failed write to stdout is one line and exit 2", () => {
  const fullDisk = existsSync("/dev/full");
  for (const args of [["check", "claims"], ["check", "--format", "json", "claims"], ["lint", "--format", "sarif", "claims"], ["export", "--all", "--format", "html", "claims"]]) {
    it.skipIf(!fullDisk)(`${args.join(" ")} > /dev/full (built CLI)`, () => {
      const fd = openSync("/dev/full", "w");
      try {
        const result = spawnSync(process.execPath, [BIN, ...args], { stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
        expect(result.stderr).toBe("claims: cannot write the output: no space left on device (ENOSPC)\n");
        expect(result.status).toBe(2);
      } finally {
        closeSync(fd);
      }
    });
  }

  it("in-process: a stdout that throws ends the run with one line and exit 2", async () => {
    let stderr = "";
    let writes = 0;
    const io: Io = {
      stdout: () => {
        writes++;
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
      stderr: (text) => void (stderr += text),
      env: {},
      cwd: process.cwd(),
      stdoutIsTTY: false,
      columns: undefined,
    };
    expect(await main(["check", "--format", "json", "claims"], io)).toBe(2);
    expect(stderr).toBe("claims: cannot write the output: no space left on device (ENOSPC)\n");
    // Nothing more is tried after the first failure.
    expect(writes).toBe(1);
  });
});

describe("numbers are shown truthfully", () => {
  let numbers: string;
  beforeAll(() => {
    numbers = tempDir("red-team-numbers");
    put(
      join(numbers, "ledger.yaml"),
      `sources:
  a: {name: A, type: other}
  b: {name: B, type: other}
claims:
  tiny:
    question: How much?
    type: quantity
    statements:
      - {source: a, says: 0.0004}
  huge:
    question: How many?
    type: quantity
    statements:
      - {source: a, says: -1e308}
      - {source: b, says: 1e308}
  long:
    question: How many exactly?
    type: quantity
    statements:
      - {source: a, says: 123456789012345}
`,
    );
  });
  afterAll(() => removeDir(numbers));

  it("the claim table shows 0.0004 and 1e+308, never 0 or Infinity", async () => {
    for (const result of [runBin(["check", "."], { cwd: numbers }), await runInProcess(["check", "."], { cwd: numbers })]) {
      const rows = result.stdout.split("\n");
      expect(rows.find((r) => r.includes("│ tiny"))).toContain("0.0004");
      expect(rows.find((r) => r.includes("│ huge"))).toMatch(/-1e\+308 to 1e\+308|-1e\+308–1e\+308/);
      // Every digit of a long whole number (twelve significant digits made it 123,456,789,012,000).
      expect(rows.find((r) => r.includes("│ long"))).toContain("123,456,789,012,345");
      expect(result.stdout).not.toMatch(/Infinity|NaN/);
    }
  });

  it("the HTML chart has only finite coordinates for extreme values", () => {
    const page = runBin(["export", "--all", "--format", "html", "."], { cwd: numbers }).stdout;
    const numbersIn: string[] = [];
    const parser = new Parser({
      onopentag(name, attributes) {
        if (name === "svg") return; // its width is "100%"
        for (const key of ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "points"]) if (attributes[key] !== undefined) numbersIn.push(attributes[key]);
      },
    });
    parser.write(page);
    parser.end();
    expect(numbersIn.length).toBeGreaterThan(20);
    // Coordinates are numbers or percentages of the chart's width (it is laid out in percent).
    for (const value of numbersIn) for (const n of value.split(/[ ,]+/)) expect(Number.isFinite(Number(n.replace(/%$/, ""))), value).toBe(true);
    expect(page).toContain(">1e+308<");
  });
});

describe("bare CR line ends are line breaks (YAML 1.2 §5.4), in positions too", () => {
  const lines = ["sources:", "  police:", "    name: City police", "    type: official", "claims:", "  toll:", "    question: How many?", "    type: quantity", "    statements:", "      - source: police", "        says: 10", "      - source: polic", "        says: 12", ""];
  for (const [name, eol] of [["CR", "\r"], ["CRLF", "\r\n"], ["LF", "\n"]] as const) {
    it(`${name}: one diagnostic, at 12:17`, async () => {
      const cr = tempDir(`red-team-${name}`);
      try {
        put(join(cr, "ledger.yaml"), lines.join(eol));
        for (const result of [runBin(["lint", "--format", "json", "."], { cwd: cr }), await runInProcess(["lint", "--format", "json", "."], { cwd: cr })]) {
          expect(JSON.parse(result.stdout)).toEqual([{ code: "unknown-source", severity: "error", message: "unknown source 'polic' — did you mean 'police'?", file: "ledger.yaml", line: 12, column: 17 }]);
        }
      } finally {
        removeDir(cr);
      }
    });
  }

  it("a NUL after bare CR line ends is placed on its line", async () => {
    const cr = tempDir("red-team-cr-nul");
    try {
      put(join(cr, "ledger.yaml"), "a: 1\rb: 2\r\nc: x\0");
      const result = await runInProcess(["lint", "--format", "json", "."], { cwd: cr });
      expect(JSON.parse(result.stdout).map((d: { line: number; column: number }) => `${d.line}:${d.column}`)).toEqual(["3:5"]);
    } finally {
      removeDir(cr);
    }
  });
});

describe("exports show text, never a link, formula or URL the ledger did not mean", () => {
  let links: string;
  beforeAll(() => {
    links = tempDir("red-team-links");
    put(
      join(links, "ledger.yaml"),
      `settings:
  publisher: Checkers
  url: https://factcheck.example/page
sources:
  a: {name: "x;=cmd|' /C calc'!A0", type: other, url: https://a.example/}
  b: {name: "~~struck~~ www.evil.example me@evil.example", type: other}
claims:
  q:
    question: "See http://evil.example and x\\t=1+1"
    type: boolean
    statements:
      - {source: a, says: yes, quote: "a, -2 ; @SUM(A1)"}
      - {source: b, says: no}
    verdict: {rating: "false", finding: "no"}
`,
    );
  });
  afterAll(() => removeDir(links));

  it("CSV: every cell quoted, no piece after a separator starts a formula (read back with csv-parse)", () => {
    const out = runBin(["export", "--all", "--format", "csv", "."], { cwd: links }).stdout;
    expect(out.split("\n")[0]).toBe(`"claim","question","source","side","says","stands","date","as of","document","link","quote","quote check","status","conflicts","range","window"`);
    const cells = (parseCsv(out) as string[][]).flat();
    expect(cells).toContain("x;'=cmd|' /C calc'!A0");
    expect(cells).toContain("See http://evil.example and x\t'=1+1");
    expect(cells).toContain("a, '-2 ; '@SUM(A1)");
    for (const cell of cells) for (const piece of cell.split(/[,;\t\r\n]/)) expect(piece.replace(/^ +/, "")).not.toMatch(/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/);
  });

  it("Markdown: GitHub's reading finds no link and no strikethrough in the cells", () => {
    const out = runBin(["export", "--all", "--format", "markdown", "."], { cwd: links }).stdout;
    const tree = parseGfm(out);
    const kinds: string[] = [];
    const text: string[] = [];
    const walk = (node: Nodes): void => {
      kinds.push(node.type);
      if (node.type === "text") text.push(node.value);
      if ("children" in node) node.children.forEach(walk);
    };
    walk(tree);
    expect(kinds).not.toContain("link");
    expect(kinds).not.toContain("delete");
    // The text is all there, as written.
    expect(text.join("")).toContain("~~struck~~ www.evil.example me@evil.example");
    expect(text.join("")).toContain("See http://evil.example");
  });

  it("ClaimReview never publishes a URL that is not http(s), even from a report built by hand", () => {
    // Without a web address to publish on it refuses, rather than write a javascript: or relative url.
    expect(() => EXPORT_FORMATTERS.claimreview({ ...hostile, settings: { ...hostile.settings, url: "javascript:alert(1)" } }, { all: true, publisher: null })).toThrow(ClaimReviewRefused);
    // The hostile report's sources and documents hold javascript: and data: addresses: none is published.
    const out = EXPORT_FORMATTERS.claimreview(hostile, { all: true, publisher: null });
    expect(JSON.parse(out).length).toBeGreaterThan(0);
    expect(out).not.toMatch(/javascript:|data:/i);
  });

  it("a javascript: URL in a ledger is a schema error, and no export carries it", async () => {
    const bad = tempDir("red-team-js-url");
    try {
      put(join(bad, "ledger.yaml"), "settings:\n  url: javascript:alert(1)\nsources:\n  a: {name: A, type: other, url: \"javascript:alert(2)\"}\ndocuments:\n  d: {title: T, publisher: P, url: \"data:text/html,x\"}\n");
      const lint = await runInProcess(["lint", "--format", "json", "."], { cwd: bad });
      expect(JSON.parse(lint.stdout).map((d: { code: string; line: number }) => `${d.code}@${d.line}`)).toEqual(["schema@2", "schema@4", "schema@6"]);
      for (const format of ["claimreview", "html", "markdown", "csv", "json"]) {
        const out = runBin(["export", "--all", "--format", format, "."], { cwd: bad });
        expect(out.stdout, format).not.toMatch(/javascript:|data:text/);
      }
    } finally {
      removeDir(bad);
    }
  });
});
