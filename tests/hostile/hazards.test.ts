/**
 * Each hazard of issue 5 (part 3) as a regression test through the real CLI: the built bin in a
 * subprocess, with a timeout so that a hang fails the test instead of stalling the suite. Every
 * case asserts the exact diagnostics (code, file, line, column) and the exit code. The hazardous
 * files are made at test time in a temporary folder: FIFOs, symlinks, big files, deep nesting.
 */
import { truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeBuilt, runBin, runInProcess } from "../helpers/run.js";
import {
  ALIAS_BOMB,
  ALIAS_BOMB_PLACES,
  BOM_LIST,
  CUSTOM_TAGS,
  deepNesting,
  forbiddenIn,
  INVALID_UTF8,
  link,
  makeFifo,
  manyKeys,
  NUL_BYTES,
  PROTO_KEYS,
  put,
  removeDir,
  tempDir,
  UNDEFINED_ALIAS,
  UTF16BE,
  UTF16LE,
} from "../fixtures/hazards/hazards.js";

/** `code@file:line:column`, the shape every expectation below is written in. */
type Place = string;

interface Diag {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

interface Hazard {
  readonly name: string;
  /** Makes the hazard inside the case's folder, which is the working directory of the run. */
  readonly make: (dir: string) => void;
  /** Paths given to `lint`; the whole folder by default. */
  readonly paths?: readonly string[];
  readonly exit: number;
  readonly expected: readonly Place[];
  /** Codes too many to list by place: checked by count, and left out of `expected`. */
  readonly counted?: Readonly<Record<string, number>>;
}

const MiB = 1024 * 1024;
const TIMEOUT = 30_000;
const dirs: string[] = [];

const place = (d: Diag): Place => `${d.code}@${d.file}:${d.line}:${d.column}`;

const HAZARDS: readonly Hazard[] = [
  {
    name: "an alias bomb (billion laughs) is refused without expanding a single alias",
    make: (dir) => put(join(dir, "bomb.yaml"), ALIAS_BOMB),
    exit: 1,
    // 9 anchors, 8 × 10 aliases and `claims: *i`; listed by place, anchors and aliases interleaved.
    expected: ALIAS_BOMB_PLACES.map((at) => `yaml-syntax@bomb.yaml:${at}`),
  },
  {
    name: "two 1,000-deep documents in one run: each refused, the process does not abort",
    make: (dir) => {
      put(join(dir, "closed.yaml"), deepNesting(1000));
      put(join(dir, "unclosed.yaml"), `claims: ${"[".repeat(1000)}\n`);
    },
    exit: 1,
    // `claims: ` is 8 columns; the mapping is level 1, so the 100th `[` is level 101.
    expected: ["yaml-syntax@closed.yaml:1:108", "yaml-syntax@unclosed.yaml:1:108"],
  },
  {
    name: "100,000-deep flow nesting, and deep block nesting, are refused on the CST",
    make: (dir) => {
      put(join(dir, "flow.yaml"), `claims: ${"[".repeat(100_000)}\n`);
      put(join(dir, "block.yaml"), Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n") + "\n");
    },
    exit: 1,
    expected: ["yaml-syntax@block.yaml:101:101", "yaml-syntax@flow.yaml:1:108"],
  },
  {
    name: "nesting of exactly 100 levels is allowed",
    make: (dir) => put(join(dir, "hundred.yaml"), deepNesting(99)),
    exit: 1,
    // Not a syntax error: only the format's complaint about what `claims` holds.
    expected: ["schema@hundred.yaml:1:9"],
  },
  {
    name: "a 12,000-key mapping finishes (locating each record is not quadratic; tests/hostile/budget.test.ts times it doubling)",
    make: (dir) => put(join(dir, "many.yaml"), manyKeys(12_000)),
    exit: 0,
    // Every source is valid and unused: 12,000 warnings, and nothing else.
    expected: [],
    counted: { "unused-source": 12_000 },
  },
  {
    name: "a 12,000-key mapping with its first key written again at the end (linear duplicate check)",
    make: (dir) => put(join(dir, "dup.yaml"), `${manyKeys(12_000)}  s0: {name: again, type: other}\n`),
    exit: 1,
    expected: ["yaml-syntax@dup.yaml:12002:3"],
  },
  {
    // Issue 18: a flow list of 200,001 items is 600,000 tokens. The header is 6 tokens (document
    // start, `claims`, `:`, space, `[`), each item 3 (its start, `0`, `,`): token 300,001 starts
    // item 99,998, at column 10 + 2 × 99,998.
    name: "a file of more than 300,000 YAML tokens is refused at the token that passes the limit, before it is composed",
    make: (dir) => put(join(dir, "list.yaml"), `claims: [${"0,".repeat(200_000)}0]\n`),
    exit: 1,
    expected: [`yaml-syntax@list.yaml:1:${10 + 2 * 99_998}`],
  },
  {
    name: "a BOM before a top-level list is a schema error, not a crash",
    make: (dir) => put(join(dir, "list.yaml"), BOM_LIST),
    exit: 1,
    expected: ["schema@list.yaml:1:1"],
  },
  {
    name: "__proto__ and constructor keys are refused where they stand",
    make: (dir) => put(join(dir, "proto.yaml"), PROTO_KEYS),
    exit: 1,
    expected: ["schema@proto.yaml:2:3", "schema@proto.yaml:4:3"],
  },
  {
    name: "custom tags (!!js/function, !!binary) are refused at the tag",
    make: (dir) => put(join(dir, "tags.yaml"), CUSTOM_TAGS),
    exit: 1,
    expected: ["yaml-syntax@tags.yaml:3:15", "yaml-syntax@tags.yaml:4:11"],
  },
  {
    name: "an undefined alias is refused at the alias",
    make: (dir) => put(join(dir, "alias.yaml"), UNDEFINED_ALIAS),
    exit: 1,
    expected: ["yaml-syntax@alias.yaml:3:15"],
  },
  {
    name: "invalid UTF-8 is unreadable at the first bad byte",
    make: (dir) => put(join(dir, "latin.yaml"), INVALID_UTF8),
    exit: 1,
    expected: ["unreadable-file@latin.yaml:2:14"],
  },
  {
    name: "UTF-16 files (LE and BE, with BOM) are unreadable at 1:1",
    make: (dir) => {
      put(join(dir, "le.yaml"), UTF16LE);
      put(join(dir, "be.yaml"), UTF16BE);
    },
    exit: 1,
    expected: ["unreadable-file@be.yaml:1:1", "unreadable-file@le.yaml:1:1"],
  },
  {
    name: "a NUL byte is unreadable at the NUL",
    make: (dir) => put(join(dir, "nul.yaml"), NUL_BYTES),
    exit: 1,
    expected: ["unreadable-file@nul.yaml:3:17"],
  },
  {
    name: "a FIFO named *.yaml, found by the walk, is not opened",
    make: (dir) => makeFifo(join(dir, "fifo.yaml")),
    exit: 1,
    expected: ["unreadable-file@fifo.yaml:1:1"],
  },
  {
    name: "a FIFO named on the command line is opened non-blocking and refused",
    make: (dir) => makeFifo(join(dir, "fifo.yaml")),
    paths: ["fifo.yaml"],
    exit: 1,
    expected: ["unreadable-file@fifo.yaml:1:1"],
  },
  {
    name: "a symlink inside the root to a FIFO inside the root is refused without blocking",
    make: (dir) => {
      makeFifo(join(dir, "pipes", "fifo.txt"));
      link("pipes/fifo.txt", join(dir, "via-link.yaml"));
    },
    exit: 1,
    expected: ["unreadable-file@via-link.yaml:1:1"],
  },
  {
    name: "a symlink to /dev/zero named *.yaml, found by the walk, is not read (it points outside the root)",
    make: (dir) => link("/dev/zero", join(dir, "zero.yaml")),
    exit: 1,
    expected: ["unreadable-file@zero.yaml:1:1"],
  },
  {
    name: "a symlink to /dev/zero named on the command line is refused as a device, not read",
    make: (dir) => link("/dev/zero", join(dir, "zero.yaml")),
    paths: ["zero.yaml"],
    exit: 1,
    expected: ["unreadable-file@zero.yaml:1:1"],
  },
  {
    name: "a symlink loop (a → b → a, and a link to itself) is unreadable, and a link to a parent folder is never followed",
    make: (dir) => {
      link("b.yaml", join(dir, "a.yaml"));
      link("a.yaml", join(dir, "b.yaml"));
      link("self.yaml", join(dir, "self.yaml"));
      link("..", join(dir, "sub", "up"));
      link(".", join(dir, "here"));
    },
    exit: 1,
    expected: ["unreadable-file@a.yaml:1:1", "unreadable-file@b.yaml:1:1", "unreadable-file@self.yaml:1:1"],
  },
  {
    name: "a file over 10 MiB is unreadable without being read",
    make: (dir) => {
      // Sparse: 10 MiB + 1 byte of size, no disk used; refused on its size before any read.
      writeFileSync(join(dir, "big.yaml"), "");
      truncateSync(join(dir, "big.yaml"), 10 * MiB + 1);
    },
    exit: 1,
    expected: ["unreadable-file@big.yaml:1:1"],
  },
  {
    name: "a file of exactly 10 MiB is read",
    make: (dir) => {
      const line = `# ${"x".repeat(1021)}\n`;
      put(join(dir, "limit.yaml"), line.repeat(10 * 1024));
    },
    exit: 0,
    expected: [],
  },
  {
    name: "archive paths that escape the workspace: ../, absolute, and through a symlink",
    make: (dir) => {
      put(join(dir, "outside.txt"), "outside\n");
      put(join(dir, "root", "inside.txt"), "inside\n");
      link("../../outside.txt", join(dir, "root", "archive", "link.txt"));
      const doc = (id: string, archive: string) => `  ${id}:\n    title: T\n    publisher: P\n    archive: ${archive}\n`;
      put(join(dir, "root", "docs.yaml"), `documents:\n${doc("up", "../outside.txt")}${doc("absolute", join(dir, "outside.txt"))}${doc("linked", "archive/link.txt")}${doc("fine", "inside.txt")}`);
      put(join(dir, "root", "claim.yaml"), CLAIM_CITING(["up", "absolute", "linked", "fine"]));
    },
    paths: ["root"],
    exit: 1,
    expected: [
      "archive-outside-workspace@root/docs.yaml:5:14",
      "archive-outside-workspace@root/docs.yaml:9:14",
      "archive-outside-workspace@root/docs.yaml:13:14",
    ],
  },
  {
    name: "an archive that is a FIFO is unreadable, not waited on",
    make: (dir) => {
      makeFifo(join(dir, "archive", "fifo.txt"));
      put(join(dir, "docs.yaml"), "documents:\n  piped:\n    title: T\n    publisher: P\n    archive: archive/fifo.txt\n");
      put(join(dir, "claim.yaml"), CLAIM_CITING(["piped"]));
    },
    exit: 1,
    expected: ["unreadable-file@docs.yaml:5:14"],
  },
];

/** A claim with one statement citing each document, so no unused-document warning muddies the expectation. */
function CLAIM_CITING(documents: readonly string[]): string {
  const statements = documents.map((d) => `      - source: s\n        says: yes\n        in: ${d}\n`).join("");
  return `sources:\n  s:\n    name: S\n    type: other\nclaims:\n  c:\n    question: Q?\n    type: boolean\n    statements:\n${statements}`;
}

function lint(dir: string, paths: readonly string[] = ["."]) {
  const result = runBin(["lint", "--format", "json", ...paths], { cwd: dir, timeout: TIMEOUT });
  expect(result.stderr).toBe("");
  expect(forbiddenIn(result.stdout)).toEqual([]);
  return { code: result.code, diagnostics: JSON.parse(result.stdout) as Diag[] };
}

afterAll(() => dirs.forEach(removeDir));

describeBuilt("hazards through the real CLI", () => {
  for (const hazard of HAZARDS) {
    it(hazard.name, () => {
      const dir = tempDir("hazard");
      dirs.push(dir);
      hazard.make(dir);
      const { code, diagnostics } = lint(dir, hazard.paths);
      const counted = hazard.counted ?? {};
      expect(diagnostics.filter((d) => !(d.code in counted)).map(place)).toEqual(hazard.expected);
      for (const [c, n] of Object.entries(counted)) expect(diagnostics.filter((d) => d.code === c), c).toHaveLength(n);
      expect(code).toBe(hazard.exit);
    });
  }

  it("a symlink loop named on the command line is an unusable path: exit 2, one line, no stack", () => {
    const dir = tempDir("hazard");
    dirs.push(dir);
    link("b.yaml", join(dir, "a.yaml"));
    link("a.yaml", join(dir, "b.yaml"));
    const result = runBin(["check", "a.yaml"], { cwd: dir, timeout: TIMEOUT });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("claims: cannot read 'a.yaml': symbolic link loop\n");
  });

  it("/dev/zero itself named on the command line is refused, not read", () => {
    const dir = tempDir("hazard");
    dirs.push(dir);
    const result = runBin(["lint", "--format", "json", "/dev/zero"], { cwd: dir, timeout: TIMEOUT });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as Diag[]).map((d) => [d.code, d.line, d.column])).toEqual([["unreadable-file", 1, 1]]);
  });
});

describe("prototype-polluting keys never reach Object.prototype", () => {
  it("in-process, a file of __proto__ and constructor keys leaves Object.prototype alone", async () => {
    const dir = tempDir("hazard");
    dirs.push(dir);
    put(join(dir, "proto.yaml"), `${PROTO_KEYS}  __proto__x: {}\nsources:\n  __proto__:\n    polluted: true\n  prototype:\n    polluted: true\n`);
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = await runInProcess(["check", "--format", "json", "."], { cwd: dir });
    expect(result.code).toBe(1);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).question).toBeUndefined();
  });
});
