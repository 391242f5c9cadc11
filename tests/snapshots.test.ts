/**
 * Snapshots of the CLI's output on the example ledger, one Markdown file per case under
 * tests/snapshots/ (as attw does): the command line, stdout, stderr when there is any, and the
 * exit code. Colour is off and the run does not depend on the terminal: cwd is the repository
 * root, the environment is empty (no TERM, COLUMNS, NO_COLOR or FORCE_COLOR) and stdout is not a
 * terminal. Update with `npx vitest run tests/snapshots.test.ts -u` and read the diff.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { itBuilt, ROOT, runBin, runInProcess, type RunResult } from "./helpers/run.js";

interface SnapshotCase {
  readonly file: string;
  readonly args: readonly string[];
}

const cases: readonly SnapshotCase[] = [
  { file: "check", args: ["check"] },
  { file: "check-format-json", args: ["check", "--format", "json"] },
  { file: "show-death-toll", args: ["show", "death-toll"] },
  { file: "sources", args: ["sources"] },
  { file: "lint-claims", args: ["lint", "claims/"] },
  { file: "lint-errors", args: ["lint", "tests/fixtures/cli/errors"] },
];

/** A fence longer than any run of backticks in the text, so output never closes it early. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(longest + 1);
}

function block(label: string, text: string): string {
  const f = fence(text);
  return `${f}${label}\n${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${f}\n`;
}

/** The Markdown a snapshot file holds. */
function render(args: readonly string[], result: RunResult): string {
  const command = `claims ${args.join(" ")}`;
  const parts = [`# \`${command}\`\n`, block("", `$ ${command}\n${result.stdout}`)];
  if (result.stderr !== "") parts.push(`stderr:\n\n${block("", result.stderr)}`);
  parts.push(`Exit code: ${result.code}\n`);
  return parts.join("\n");
}

describe("snapshots", () => {
  // A missing snapshot file is written by the run that misses it, and that run passes: so every
  // case's file must already be there (after adding a case, run once with -u and commit the file).
  it("are on file, one per case and no other", () => {
    expect(readdirSync(join(ROOT, "tests", "snapshots")).sort()).toEqual(cases.map((c) => `${c.file}.md`).sort());
  });

  it.each(cases.map((c) => [c.args.join(" "), c] as const))("claims %s", async (_, c) => {
    const options = { cwd: ROOT, env: {}, tty: false } as const;
    const result = await runInProcess(c.args, options);
    expect(result.stdout).not.toContain("\u001b");
    await expect(render(c.args, result)).toMatchFileSnapshot(`./snapshots/${c.file}.md`);
  });

  itBuilt.each(cases.map((c) => [c.args.join(" "), c] as const))("the built bin prints the same for claims %s", async (_, c) => {
    const options = { cwd: ROOT, env: {}, tty: false } as const;
    expect(runBin(c.args, options)).toEqual(await runInProcess(c.args, options));
  });
});
