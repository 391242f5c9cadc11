/**
 * The done-when of issue 5: one ledger that mixes every hazard with valid files. Each hazard is
 * reported once (its file gets exactly its own diagnostics, none repeated, none spilling onto
 * other files), the valid files are still analysed (their claims are in the report with the right
 * status), the process exits 1, and no control character reaches the terminal in any command.
 */
import { truncateSync, writeFileSync } from "node:fs";
import type { Diagnostic } from "../../src/core/shared/diagnostics.js";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin } from "../helpers/run.js";
import {
  AGREED_YAML,
  ALIAS_BOMB,
  ALIAS_BOMB_PLACES,
  ARCHIVE_TXT,
  BOM_LIST,
  CLAIM_YAML,
  CUSTOM_TAGS,
  deepNesting,
  forbiddenIn,
  HOSTILE,
  HOSTILE_FILE_NAME,
  HOSTILE_YAML,
  INVALID_UTF8,
  link,
  makeFifo,
  manyKeys,
  NUL_BYTES,
  PROTO_KEYS,
  put,
  removeDir,
  SOURCES_YAML,
  tempDir,
  UNDEFINED_ALIAS,
  UTF16LE,
} from "../fixtures/hazards/hazards.js";

/** A diagnostic as the JSON output carries it. */
type Diag = Diagnostic;

interface Report {
  readonly summary: { files: number; claims: number; errors: number; warnings: number };
  readonly diagnostics: Diag[];
  readonly claims: { id: string; file: string; question: string; status: string; statements: { source: string; quoteCheck: string | null }[] }[];
}

const H = "ledger/hazards";
const hz = (name: string) => `${H}/${name}`;

/** Every hazard file and exactly the diagnostics it must get, as `code@line:column`. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  [hz("alias.yaml")]: ["yaml-syntax@3:15"],
  [hz("big.yaml")]: ["unreadable-file@1:1"],
  [hz("bom-list.yaml")]: ["schema@1:1"],
  [hz("bomb.yaml")]: ALIAS_BOMB_PLACES.map((at) => `yaml-syntax@${at}`),
  [hz("deep-closed.yaml")]: ["yaml-syntax@1:108"],
  [hz("deep-open.yaml")]: ["yaml-syntax@1:108"],
  [hz("dup.yaml")]: ["yaml-syntax@2002:3"],
  [hz("escape.yaml")]: ["archive-outside-workspace@5:14", "archive-outside-workspace@9:14", "archive-outside-workspace@13:14"],
  [hz("fifo.yaml")]: ["unreadable-file@1:1"],
  [hz("latin.yaml")]: ["unreadable-file@2:14"],
  [hz("loop-a.yaml")]: ["unreadable-file@1:1"],
  [hz("loop-b.yaml")]: ["unreadable-file@1:1"],
  [hz("nul.yaml")]: ["unreadable-file@3:17"],
  [hz("proto.yaml")]: ["schema@2:3", "schema@4:3"],
  [hz("tags.yaml")]: ["yaml-syntax@3:15", "yaml-syntax@4:11"],
  [hz("utf16.yaml")]: ["unreadable-file@1:1"],
  [hz("zero.yaml")]: ["unreadable-file@1:1"],
};

/** The valid files, and what their claims must come out as. */
const VALID_CLAIMS: Readonly<Record<string, { file: string; status: string }>> = {
  "death-toll": { file: "ledger/death-toll.yaml", status: "conflict" },
  "strike-began": { file: "ledger/strike.yaml", status: "corroborated" },
  "hostile-text": { file: `ledger/${HOSTILE_FILE_NAME}`, status: "single-source" },
  "escape-claim": { file: hz("escape.yaml"), status: "corroborated" },
};

let work: string;
let pooled: string;

function makeLedger(root: string): void {
  const ledger = join(root, "ledger");
  const hazards = join(ledger, "hazards");
  // Valid files.
  put(join(ledger, "sources.yaml"), SOURCES_YAML);
  put(join(ledger, "archive", "paper.txt"), ARCHIVE_TXT);
  // ClaimReview's settings, so that export goes through with the rest (it is refused without them).
  put(join(ledger, "death-toll.yaml"), `${CLAIM_YAML}settings:\n  publisher: Desk\n  url: https://desk.example/checks\n`);
  put(join(ledger, "strike.yaml"), AGREED_YAML);
  put(
    join(ledger, HOSTILE_FILE_NAME),
    `claims:\n  hostile-text:\n    question: "${HOSTILE_YAML}"\n    type: boolean\n    statements:\n      - source: police\n        says: yes\n        note: "${HOSTILE_YAML}"\n    verdict:\n      rating: "false"\n      claim: "${HOSTILE_YAML}"\n      claimant: police\n`,
  );
  // Hazards, one file each (or one kind each).
  put(join(hazards, "bomb.yaml"), ALIAS_BOMB);
  put(join(hazards, "deep-closed.yaml"), deepNesting(1000));
  put(join(hazards, "deep-open.yaml"), `claims: ${"[".repeat(1000)}\n`);
  // 2,000 keys, not 40,000: every command below reads this ledger (hazards.test.ts has the big one).
  put(join(hazards, "dup.yaml"), `${manyKeys(2000)}  s0: {name: again, type: other}\n`);
  put(join(hazards, "bom-list.yaml"), BOM_LIST);
  put(join(hazards, "proto.yaml"), PROTO_KEYS);
  put(join(hazards, "tags.yaml"), CUSTOM_TAGS);
  put(join(hazards, "alias.yaml"), UNDEFINED_ALIAS);
  put(join(hazards, "latin.yaml"), INVALID_UTF8);
  put(join(hazards, "utf16.yaml"), UTF16LE);
  put(join(hazards, "nul.yaml"), NUL_BYTES);
  makeFifo(join(hazards, "fifo.yaml"));
  link("/dev/zero", join(hazards, "zero.yaml"));
  link("loop-b.yaml", join(hazards, "loop-a.yaml"));
  link("loop-a.yaml", join(hazards, "loop-b.yaml"));
  link("..", join(hazards, "parent"));
  writeFileSync(join(hazards, "big.yaml"), "");
  truncateSync(join(hazards, "big.yaml"), 10 * 1024 * 1024 + 1);
  // Archives that escape the workspace root, each cited so that nothing else is reported.
  put(join(root, "outside.txt"), "outside\n");
  link("../../../outside.txt", join(hazards, "archive", "link.txt"));
  const doc = (id: string, archive: string) => `  ${id}:\n    title: T\n    publisher: P\n    archive: ${archive}\n`;
  const cite = (source: string, doc: string) => `      - source: ${source}\n        says: yes\n        in: ${doc}\n`;
  put(
    join(hazards, "escape.yaml"),
    `documents:\n${doc("up", "../../outside.txt")}${doc("absolute", join(root, "outside.txt"))}${doc("linked", "archive/link.txt")}` +
      `claims:\n  escape-claim:\n    question: Q?\n    type: boolean\n    statements:\n${cite("police", "up")}${cite("union", "absolute")}${cite("police", "linked")}`,
  );
}

/** Enough valid files (with the hazards) for the parse to be spread over worker threads. */
const FILLERS = 300;

beforeAll(() => {
  work = tempDir("mixed");
  makeLedger(work);
  pooled = tempDir("mixed-pooled");
  makeLedger(pooled);
  for (let i = 0; i < FILLERS; i++) {
    put(join(pooled, "ledger", "filler", `f${String(i).padStart(3, "0")}.yaml`), `claims:\n  filler-${i}:\n    question: Filler ${i}?\n    type: boolean\n    statements:\n      - source: union\n        says: no\n`);
  }
});
afterAll(() => {
  removeDir(work);
  removeDir(pooled);
});

describe("a ledger mixing every hazard with valid files", () => {
  let result: ReturnType<typeof runBin>;
  let report: Report;
  beforeAll(() => {
    result = runBin(["check", "--format", "json", "ledger"], { cwd: work, timeout: 60_000 });
    report = JSON.parse(result.stdout) as Report;
  });

  it("exits 1, with nothing on stderr", () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
  });

  it("reports each hazard once: every hazard file gets exactly its own diagnostics", () => {
    const got: Record<string, string[]> = {};
    for (const d of report.diagnostics) (got[d.file] ??= []).push(`${d.code}@${d.line}:${d.column}`);
    expect(got).toEqual(EXPECTED);
    const keys = report.diagnostics.map((d) => JSON.stringify(d));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("counts every file read, broken ones included", () => {
    // 17 hazard files (the parent-folder link is not followed) + sources + 3 claim files.
    expect(report.summary.files).toBe(Object.keys(EXPECTED).length + 4);
  });

  it("still analyses the valid files: their claims are in the report with the right status", () => {
    const claims = Object.fromEntries(report.claims.map((c) => [c.id, { file: c.file, status: c.status }]));
    expect(claims).toEqual(VALID_CLAIMS);
    const toll = report.claims.find((c) => c.id === "death-toll")!;
    expect(toll.statements.map((s) => [s.source, s.quoteCheck])).toEqual([
      ["police", "verified"],
      ["union", null],
    ]);
    expect(report.claims.find((c) => c.id === "hostile-text")!.question).toBe(HOSTILE);
  });

  const COMMANDS: readonly (readonly string[])[] = [
    ["check"],
    ["check", "--format", "markdown"],
    ["lint"],
    ["lint", "--format", "github"],
    ["lint", "--format", "sarif"],
    ["export", "--all", "--format", "markdown"],
    ["export", "--all", "--format", "csv"],
    ["export", "--all", "--format", "html"],
    ["export", "--all", "--format", "claimreview"],
    ["sources"],
    ["show", "hostile-text"],
  ];
  for (const colour of [false, true]) {
    it(`no control character reaches the terminal from any command (colour ${colour ? "forced" : "off"})`, () => {
      const env = colour ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" };
      for (const args of COMMANDS) {
        const run = runBin([...args, "ledger"], { cwd: work, env, timeout: 60_000 });
        expect(run.code, args.join(" ")).toBe(1);
        expect(forbiddenIn(run.stdout, colour), args.join(" ")).toEqual([]);
        expect(forbiddenIn(run.stderr, colour), args.join(" ")).toEqual([]);
        expect(run.stderr, args.join(" ")).not.toMatch(/^\s+at /m);
      }
    });
  }

  it("gives the same report when the files are parsed on worker threads as on the main thread", () => {
    const run = (threads: string) => {
      const r = runBin(["check", "--format", "json", "ledger"], { cwd: pooled, env: { CLAIMS_THREADS: threads }, timeout: 60_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("");
      return JSON.parse(r.stdout) as Report;
    };
    const main = run("0");
    const workers = run("2");
    expect(workers).toEqual(main);
    const got: Record<string, string[]> = {};
    for (const d of workers.diagnostics) (got[d.file] ??= []).push(`${d.code}@${d.line}:${d.column}`);
    expect(got).toEqual(EXPECTED);
    expect(workers.claims.filter((c) => c.id.startsWith("filler-")).map((c) => c.status)).toEqual(Array(FILLERS).fill("single-source"));
  });
});
