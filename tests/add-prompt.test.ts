/**
 * `claims add` asks for what was left out when stdin is a terminal, offering the ledger's ids
 * (issue 17). The built CLI runs in a real pseudo-terminal, made by `script` from util-linux: it
 * is on every Debian system (the bsdutils package is essential), where a native pty module would
 * need a compiler, Python and Node's headers at install time (see README "Design notes"). The
 * questions themselves are also checked in-process, with a prompter that answers from a script.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Choice, Prompter } from "../src/cli/prompt.js";
import { removeDir, tempDir } from "./fixtures/hazards/hazards.js";
import { COMMENTED_LEDGER, insertedSpan, writeLedger } from "./helpers/edit.js";
import { BIN, runInProcess, skipTestOfBuild } from "./helpers/run.js";

let work: string;
beforeEach(() => {
  work = tempDir("add-prompt");
  writeLedger(join(work, "claims"));
});
afterEach(() => removeDir(work));

/** `script` runs the command in a new pseudo-terminal; without it this test cannot run, and says so. */
function requireScript(): void {
  const probe = spawnSync("script", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0 || !/util-linux/.test(probe.stdout)) {
    throw new Error("the pseudo-terminal test needs `script` from util-linux (Debian's essential bsdutils package; `apt-get install bsdutils` where it is missing)");
  }
}

const shellWord = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;

/** Runs the built bin in a pseudo-terminal; each step waits for `expect` to appear, then types `keys`. */
function inTerminal(args: readonly string[], steps: readonly { expect: string; keys: string }[]): Promise<{ code: number | null; output: string }> {
  skipTestOfBuild("the built bin in a terminal");
  requireScript();
  const command = [process.execPath, BIN, ...args].map(shellWord).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: work, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", SHELL: "/bin/sh", TERM: "xterm" } });
  let output = "";
  let next = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no '${steps[next]?.expect ?? "end"}' in the terminal within 60 s; it showed:\n${output}`));
    }, 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      // Typed only once the question is on screen, as a person would.
      while (next < steps.length && output.includes(steps[next].expect)) child.stdin.write(steps[next++].keys);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("claims add at a terminal", () => {
  it("asks for the claim and the source from the ledger's ids, checks the value as typed, and writes", async () => {
    const { code, output } = await inTerminal(["add", "statement", "--on", "2011-12-18"], [
      { expect: "Which claim is the statement about?", keys: "\r" },
      { expect: "Who said it? (source)", keys: "\u001b[B\r" }, // down one: the second source
      { expect: "What does striking-workers say?", keys: "lots\r" },
      { expect: 'cannot read "lots" as a quantity', keys: "\u007f\u007f\u007f\u007f12\r" },
    ]);
    // The ledger's ids were offered, with what they are.
    for (const shown of ["death-toll", "who-fired-first", "How many people were killed in Zhanaozen on 16 December 2011?", "prosecutor-general", "striking-workers", "aljazeera", "Striking oil workers"]) expect(output).toContain(shown);
    expect(output).toContain("Added statement 3 of 'death-toll' to claims/death-toll.yaml, lines 23–25.");
    expect(code).toBe(0);
    const after = readFileSync(join(work, "claims", "death-toll.yaml"), "utf8");
    expect(insertedSpan(COMMENTED_LEDGER["death-toll.yaml"], after)).toBe("\n    - source: striking-workers\n      says: 12\n      on: 2011-12-18\n");
  });

  it("writes nothing when the question is left with Ctrl-C", async () => {
    const { code, output } = await inTerminal(["add", "statement", "death-toll", "--says", "12"], [{ expect: "Who said it? (source)", keys: "\u0003" }]);
    expect(output).toContain("claims: cancelled; nothing was written");
    expect(code).toBe(2);
    expect(readFileSync(join(work, "claims", "death-toll.yaml"), "utf8")).toBe(COMMENTED_LEDGER["death-toll.yaml"]);
  });
});

/** A prompter that answers from a list and records what it was asked. */
function scripted(answers: string[]): { prompter: Prompter; asked: { message: string; choices?: readonly Choice[] }[] } {
  const asked: { message: string; choices?: readonly Choice[] }[] = [];
  const prompter: Prompter = {
    text: async (message, validate) => {
      asked.push({ message });
      const answer = answers.shift()!;
      const ok = validate ? validate(answer) : true;
      if (ok !== true) throw new Error(`the answer '${answer}' was refused: ${ok}`);
      return answer;
    },
    choose: async (message, choices) => {
      asked.push({ message, choices });
      const answer = answers.shift()!;
      expect(choices.map((c) => c.value)).toContain(answer);
      return answer;
    },
  };
  return { prompter, asked };
}

describe("what claims add asks", () => {
  it("for a claim: its id, question and type, the options of a choice, then the first statement", async () => {
    const { prompter, asked } = scripted(["who-is-to-blame", "Who is to blame for the clash?", "choice", "provocateurs,strikers,police", "prosecutor-general", "provocateurs"]);
    const result = await runInProcess(["add", "claim"], { cwd: work });
    expect(result.code).toBe(2); // no terminal: nothing is asked
    const io = { cwd: work, stdinIsTTY: true, prompter: async () => prompter };
    const { main } = await import("../src/cli/main.js");
    let stdout = "";
    const code = await main(["add", "claim"], { ...io, stdout: (t) => void (stdout += t), stderr: () => {}, env: {}, stdoutIsTTY: false, columns: undefined });
    expect(code).toBe(0);
    expect(asked.map((a) => a.message)).toEqual([
      "Id of the new claim (lower-case letters, digits and '-')",
      "The question the claim answers",
      "What type of answer does the claim take?",
      "The options a statement can name, comma-separated (such as police,protesters)",
      "Who said it? (source)",
      "What does prosecutor-general say? (choice value, or unknown)",
    ]);
    expect(asked[2].choices?.map((c) => c.value)).toEqual(["quantity", "choice", "boolean", "date"]);
    expect(asked[4].choices).toEqual([
      { value: "prosecutor-general", description: "Prosecutor-General of Kazakhstan" },
      { value: "striking-workers", description: "Striking oil workers" },
      { value: "aljazeera", description: "Al Jazeera" },
    ]);
    expect(stdout).toBe("Added claim 'who-is-to-blame' to claims/who-is-to-blame.yaml (a new file), lines 1–8.\n");
    expect(readFileSync(join(work, "claims", "who-is-to-blame.yaml"), "utf8")).toContain("    options: [provocateurs, strikers, police]\n");
  });
});
