/** Helpers for the editing tests: a commented ledger in every layout, and the byte-preservation check. */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { BIN, skipTestOfBuild } from "./run.js";

/**
 * The text `after` adds to `before`, when `after` is `before` with one contiguous span inserted
 * (every other byte the same, in order); fails the test otherwise. Worked out from the two texts
 * alone, so it trusts nothing the code under test says about where it inserted.
 */
export function insertedSpan(before: string, after: string): string {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  expect(prefix + suffix, "every byte of the old file is still there, in order, around one inserted span").toBe(before.length);
  expect(after.length).toBeGreaterThan(before.length);
  return after.slice(prefix, after.length - suffix);
}

const BOM = "\uFEFF";

/**
 * A ledger whose files use every layout the editor must keep: comments everywhere, blank lines,
 * flow and block styles, single and double quotes, a zero-indented list, CRLF line ends and a BOM
 * (sources), no final line break (who-fired-first). The archive holds the quoted passages.
 */
export const COMMENTED_LEDGER: Readonly<Record<string, string>> = {
  "people.yaml": BOM + [
    "# Who speaks: the Zhanaozen clash, 16 December 2011.   ",
    "# (This file uses CRLF line ends and a BOM; an editor must keep both.)",
    "",
    "sources:",
    "  # Officials first.",
    "  prosecutor-general:",
    "    name: 'Prosecutor-General of Kazakhstan'   # single-quoted on purpose",
    "    type: official",
    "    side: government",
    "",
    "  striking-workers: {name: \"Striking oil workers\", type: eyewitness, side: workers}  # flow",
    "  aljazeera:",
    "    name: Al Jazeera",
    "    type: media # trailing comment",
    "",
    "  # morgue-witnesses: commented out while their count is checked",
    "",
    "documents: {",
    "  aljazeera-2011-12-17: {title: Security clampdown on Kazakh town, publisher: Al Jazeera,",
    "    published: 2011-12-17, archive: archive/report.txt}",
    "}   # the one report",
    "",
  ].join("\r\n"),
  "death-toll.yaml": [
    "%YAML 1.2",
    "---",
    "# How many died.",
    "claims:",
    "  death-toll:",
    "    question: How many people were killed in Zhanaozen on 16 December 2011?",
    "    type: quantity",
    "    unit: people",
    "    tags: [ casualties ]",
    "    statements:",
    "    # Zero-indented list, as some editors write it.",
    "    - source: aljazeera",
    "      says: at least 10   # the outlet's own words",
    "      in: aljazeera-2011-12-17",
    "",
    "    - source: prosecutor-general",
    "      says: \"10\"",
    "      quote: >-",
    "        Ten people were killed",
    "        as a result of mass disorder.",
    "      in: aljazeera-2011-12-17",
    "    # more statements to come",
    "",
    "    verdict:",
    "      finding: at least 10",
    "      rating: unproven",
    "",
  ].join("\n"),
  "who-fired-first.yaml": [
    "claims:",
    "  who-fired-first:   # the contested one",
    "    question: 'Who used firearms first?'",
    "    type: choice",
    "    options: [police, protesters]",
    "    statements: [",
    "      {source: striking-workers, says: police, in: aljazeera-2011-12-17},",
    "      {source: prosecutor-general, says: protesters}  # via the report",
    "    ]",
  ].join("\n"),
  "archive/report.txt": [
    'Al Jazeera, "Security clampdown on Kazakh town", 17 December 2011. Excerpts.',
    "",
    "Kazakhstan’s president has imposed a three-week state of emergency in an oil town where at least 10 people were killed in a clash between police and demonstrators.",
    "“There’s a bloodbath here. It was police that was shooting,” Omirbek Isabayev, one of the striking oil workers from UzenMunaiGas, said.",
    "“Ten people were killed as a result of mass disorder. There are also some wounded, including police officers.”",
    "",
  ].join("\n"),
};

/** Writes `files` (path → text) under `dir`. */
export function writeLedger(dir: string, files: Readonly<Record<string, string>> = COMMENTED_LEDGER): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** Runs the built bin without waiting, so that several can run at once. */
export function runBinAsync(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  skipTestOfBuild("runBinAsync");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
