/**
 * Safe writes of ledger files (issue 17): concurrent `claims add` runs lose nothing, a file changed
 * on disk after it was read is not overwritten, and the edit lock survives a run that died.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChangedWhileEditing, commitWrites, LOCK_NAME, readForEdit, withEditLock, WriteRefused } from "../src/cli/ledger-write.js";
import { parseYaml } from "../src/core/load/parse.js";
import { removeDir, tempDir } from "./fixtures/hazards/hazards.js";
import { runBinAsync, writeLedger } from "./helpers/edit.js";
import { runBin } from "./helpers/run.js";

let work: string;
beforeEach(() => {
  work = tempDir("ledger-write");
  writeLedger(join(work, "claims"));
});
afterEach(() => removeDir(work));

describe("concurrent claims add", () => {
  it("eight runs at once on one file: every statement is there once, and the file is valid", async () => {
    const runs = Array.from({ length: 8 }, (_, i) =>
      runBinAsync(["add", "statement", "death-toll", "--source", "aljazeera", "--says", String(20 + i), "--on", `2011-12-${String(18 + i)}`, "--note", `run ${i}`], work),
    );
    const results = await Promise.all(runs);
    for (const result of results) {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Added statement \d+ of 'death-toll' to claims\/death-toll\.yaml, lines \d+–\d+\.\n$/);
    }
    // Each run saw the one before it: the statement numbers are 3 to 10, each once.
    expect(results.map((r) => Number(/statement (\d+)/.exec(r.stdout)![1])).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    const text = readFileSync(join(work, "claims", "death-toll.yaml"), "utf8");
    const statements = (parseYaml(text).value as { claims: { "death-toll": { statements: { note?: string }[] } } }).claims["death-toll"].statements;
    expect(statements.map((s) => s.note).filter(Boolean).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `run ${i}`));
    expect(runBin(["lint"], { cwd: work }).code).toBe(0);
    // No lock or temporary file is left behind.
    expect(readdirSync(join(work, "claims")).filter((name) => name.startsWith("."))).toEqual([]);
  });
});

describe("a file changed between reading and writing", () => {
  it("is not overwritten: ChangedWhileEditing, and the other change stays", () => {
    const path = join(work, "claims", "death-toll.yaml");
    const read = readForEdit(path, "claims/death-toll.yaml", join(work, "claims"));
    writeFileSync(path, `${read.text}# an editor saved this meanwhile\n`);
    const write = () => commitWrites([{ display: "claims/death-toll.yaml", read, after: "claims: {}\n" }]);
    expect(write).toThrow(ChangedWhileEditing);
    expect(write).toThrow("claims/death-toll.yaml changed while editing; run again");
    expect(readFileSync(path, "utf8")).toBe(`${read.text}# an editor saved this meanwhile\n`);
  });

  it("a new file that appeared meanwhile is not replaced either", () => {
    const path = join(work, "claims", "new.yaml");
    const read = readForEdit(path, "claims/new.yaml", join(work, "claims"));
    expect(read.text).toBeNull();
    writeFileSync(path, "sources: {}\n");
    expect(() => commitWrites([{ display: "claims/new.yaml", read, after: "claims: {}\n" }])).toThrow(ChangedWhileEditing);
    expect(readFileSync(path, "utf8")).toBe("sources: {}\n");
  });

  it("when nothing changed, it is written, and no temporary file is left", () => {
    const path = join(work, "claims", "death-toll.yaml");
    const read = readForEdit(path, "claims/death-toll.yaml", join(work, "claims"));
    commitWrites([{ display: "claims/death-toll.yaml", read, after: `${read.text}# added\n` }]);
    expect(readFileSync(path, "utf8")).toBe(`${read.text}# added\n`);
    expect(readdirSync(join(work, "claims")).filter((name) => name.startsWith("."))).toEqual([]);
  });
});

describe("the edit lock", () => {
  const folder = () => join(work, "claims");

  it("is held while the work runs and removed after it, even when the work fails", async () => {
    await withEditLock(folder(), async () => {
      expect(existsSync(join(folder(), LOCK_NAME))).toBe(true);
    });
    expect(existsSync(join(folder(), LOCK_NAME))).toBe(false);
    await expect(withEditLock(folder(), async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(existsSync(join(folder(), LOCK_NAME))).toBe(false);
  });

  it("takes over a lock left by a process that is gone", async () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(join(folder(), LOCK_NAME), `${JSON.stringify({ pid: Number(gone.stdout), host: hostname(), since: "2011-12-16T00:00:00.000Z" })}\n`);
    expect(await withEditLock(folder(), async () => "ran", { timeoutMs: 2_000 })).toBe("ran");
  });

  it("waits for a live holder, then gives up naming it", async () => {
    const held = `${JSON.stringify({ pid: process.pid, host: hostname(), since: "2011-12-16T00:00:00.000Z" })}\n`;
    writeFileSync(join(folder(), LOCK_NAME), held);
    const run = withEditLock(folder(), async () => "ran", { timeoutMs: 300 });
    await expect(run).rejects.toThrow(WriteRefused);
    await expect(withEditLock(folder(), async () => "ran", { timeoutMs: 300 })).rejects.toThrow(
      `the ledger is being edited by another claims run (process ${process.pid} on ${hostname()}, since 2011-12-16T00:00:00.000Z); try again, or delete '${join(folder(), LOCK_NAME)}' if no claims run is going`,
    );
    // Another's lock is never removed by the one who gave up.
    expect(readFileSync(join(folder(), LOCK_NAME), "utf8")).toBe(held);
  });

  it("takes over a lock older than the stale age, whoever holds it", async () => {
    writeFileSync(join(folder(), LOCK_NAME), "not even JSON");
    expect(await withEditLock(folder(), async () => "ran", { timeoutMs: 2_000, staleMs: 0 })).toBe("ran");
  });
});
