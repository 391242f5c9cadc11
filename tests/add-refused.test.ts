/**
 * Nothing invalid is written (issue 17): every refused `claims add` leaves the ledger folder as it
 * was — every file's bytes, mode and mtime, and the folders' mtimes (no lock or temporary file
 * came and went) — and says why with the exit code of SPEC §10: 1 when the record would add an
 * error, 2 when the command could not do its job. One table, run in-process and as the built bin.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "./fixtures/hazards/hazards.js";
import { writeLedger } from "./helpers/edit.js";
import { changes, snapshot } from "./helpers/snapshot.js";
import { runBin, runInProcess, type RunResult } from "./helpers/run.js";

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  readonly code: 1 | 2;
  /** Lines stderr must hold, in order. */
  readonly says: readonly (string | RegExp)[];
}

const STATEMENT = ["statement", "death-toll", "--source", "aljazeera"];

const CASES: readonly Case[] = [
  { label: "an unknown source", args: ["statement", "death-toll", "--source", "prosecuter-general", "--says", "11"], code: 1, says: ["claims: not added — the statement would add 1 error to the ledger (lines as the file would read):", "claims/death-toll.yaml", /^ {2}23:15 {2}error {2}unknown source 'prosecuter-general' — did you mean 'prosecutor-general'\? {2}unknown-source$/, "Nothing was written."] },
  { label: "a value the claim's type cannot read", args: [...STATEMENT, "--says", "lots"], code: 1, says: [/^ {2}24:13 {2}error {2}cannot read "lots" as a quantity; write a number .* {2}invalid-value$/] },
  { label: "a date that is not one", args: [...STATEMENT, "--says", "11", "--on", "2011-02-30"], code: 1, says: [/^ {2}25:11 {2}error {2}'on': not a real calendar date {2}schema$/] },
  { label: "a url that is not a web address", args: [...STATEMENT, "--says", "11", "--url", "javascript:alert(1)"], code: 1, says: [/'url': expected an absolute http:\/\/ or https:\/\/ URL/] },
  { label: "a quote that is not in the archive", args: [...STATEMENT, "--says", "11", "--in", "aljazeera-2011-12-17", "--quote", "Eleven people died in the disorder"], code: 1, says: [/^claims: not added — the quote is not in the archive of 'aljazeera-2011-12-17'; closest passage \(\d+% similar\): "[^"]*mass disorder"$/, "Nothing was written."] },
  { label: "an id already declared", args: ["source", "aljazeera", "--name", "Al Jazeera English", "--type", "media"], code: 1, says: ["claims: not added — id 'aljazeera' is already declared as a source in claims/people.yaml; ids are global across the ledger, so choose another", "Nothing was written."] },
  { label: "an id that is not a slug", args: ["source", "Odak Union", "--name", "Odak", "--type", "union"], code: 1, says: [/^claims: not added — 'Odak Union' is not an id: .* \(such as 'odak-union'\)$/] },
  { label: "a path in an id", args: ["claim", "../../escape", "--question", "Q?", "--type", "boolean", "--source", "aljazeera", "--says", "yes"], code: 1, says: [/^claims: not added — '\.\.\/\.\.\/escape' is not an id/] },
  { label: "an unknown claim", args: ["statement", "deth-toll", "--source", "aljazeera", "--says", "1"], code: 2, says: ["claims: unknown claim 'deth-toll' — did you mean 'death-toll'?; 'claims add claim deth-toll …' records a new one", "Nothing was written."] },
  { label: "missing options, with no terminal to ask at", args: ["statement", "death-toll"], code: 2, says: ["claims: missing --source and --says; give them, or run at a terminal to be asked (see 'claims add statement --help')"] },
  { label: "a missing claim id", args: ["statement", "--source", "aljazeera", "--says", "1"], code: 2, says: [/^claims: missing <claim-id>;/] },
  { label: "a choice claim without options", args: ["claim", "who-blamed", "--question", "Q?", "--type", "choice", "--source", "aljazeera", "--says", "police"], code: 2, says: [/^claims: missing --options;/] },
  { label: "a source type that is not one", args: ["source", "odak", "--name", "Odak", "--type", "trade-union"], code: 2, says: [/^error: option '--type <type>' argument 'trade-union' is invalid\. Allowed choices are official, company/] },
  { label: "an archive outside the ledger folder", args: ["document", "d", "--title", "T", "--publisher", "P", "--archive", "outside.txt"], code: 2, says: [/^claims: --archive 'outside.txt' lies outside the ledger folder; copy it into the ledger/] },
  { label: "an archive that does not exist", args: ["document", "d", "--title", "T", "--publisher", "P", "--archive", "claims/archive/none.txt"], code: 2, says: ["claims: --archive 'claims/archive/none.txt' does not exist; save the archived text first"] },
  { label: "--file outside the ledger folder", args: ["source", "odak", "--name", "Odak", "--type", "union", "--file", "odak.yaml"], code: 2, says: ["claims: --file 'odak.yaml' is outside the ledger folder 'claims'; records go into the ledger's own files"] },
  { label: "--file the ledger does not read (a hidden folder)", args: ["source", "odak", "--name", "Odak", "--type", "union", "--file", "claims/.drafts/odak.yaml"], code: 2, says: [/^claims: the ledger does not read claims\/\.drafts\/odak\.yaml .* so the source would be lost; choose another --file$/] },
  { label: "--file that is not YAML", args: ["source", "odak", "--name", "Odak", "--type", "union", "--file", "claims/odak.txt"], code: 2, says: ["claims: --file 'odak.txt' is not a .yaml or .yml file, so the ledger would not read it", "Nothing was written."] },
  { label: "--file for a statement of a claim declared elsewhere", args: [...STATEMENT, "--says", "1", "--file", "claims/people.yaml"], code: 2, says: [/^claims: claim 'death-toll' is declared in claims\/death-toll.yaml, so its statements go there/] },
  { label: "a target file with a syntax error", args: ["source", "odak", "--name", "Odak", "--type", "union", "--file", "claims/broken.yaml"], code: 2, says: [/^claims: cannot add to claims\/broken.yaml: it has a fault at line 2, column 7 \(.*\); fix it first \('claims lint' shows it\)$/] },
  { label: "a symbolic link that leads out of the ledger", args: ["source", "odak", "--name", "Odak", "--type", "union", "--file", "claims/outside-link.yaml"], code: 2, says: ["claims: refusing to edit claims/outside-link.yaml: it is a symbolic link to a file outside the ledger folder", "Nothing was written."] },
  { label: "a ledger folder that does not exist", args: [...STATEMENT, "--says", "1", "--ledger", "nowhere"], code: 2, says: ["claims: the ledger folder 'nowhere' does not exist or is not a folder; give it with --ledger"] },
  { label: "a dry run of a good record (shown, not written)", args: [...STATEMENT, "--says", "11", "--on", "2011-12-18", "--dry-run"], code: 0 as 1, says: ["claims: dry run; nothing was written"] },
];

let work: string;
let before: Map<string, string>;

beforeAll(() => {
  work = tempDir("add-refused");
  writeLedger(join(work, "claims"));
  writeFileSync(join(work, "outside.txt"), "An archive outside the ledger.\n");
  writeFileSync(join(work, "outside.yaml"), "sources: {}\n");
  writeFileSync(join(work, "claims", "broken.yaml"), "# broken on purpose\nx: [1,\n");
  symlinkSync(join(work, "outside.yaml"), join(work, "claims", "outside-link.yaml"));
  mkdirSync(join(work, "claims", ".drafts"));
  before = snapshot(work);
});
afterAll(() => removeDir(work));

function expectSays(result: RunResult, c: Case): void {
  const lines = result.stderr.split("\n");
  let from = 0;
  for (const want of c.says) {
    const at = lines.findIndex((line, i) => i >= from && (typeof want === "string" ? line === want : want.test(line)));
    expect(at, `stderr has ${String(want)} (in order):\n${result.stderr}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe.each([
  ["in-process", (args: readonly string[]) => runInProcess(["add", ...args], { cwd: work })],
  ["as the built bin", async (args: readonly string[]) => runBin(["add", ...args], { cwd: work })],
])("claims add refused (%s)", (_, run) => {
  it.each(CASES)("$label: exit $code, nothing written", async (c) => {
    const result = await run(c.args);
    expectSays(result, c);
    expect(result.code).toBe(c.code);
    if (c.code !== (0 as 1)) expect(result.stdout).toBe("");
    expect(changes(before, snapshot(work))).toEqual([]);
  });
});
