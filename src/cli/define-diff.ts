/** The `claims diff` command's options and help; its code is loaded only when it runs. */
import { type Command, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import type { DiffFormat } from "../formats/diff/index.js";
import type { All } from "./choices.js";
import type { Io } from "./io.js";

const DIFF_FORMATS: All<DiffFormat, readonly ["text", "markdown", "json"]> = ["text", "markdown", "json"];
const FAIL_ON = ["new-error", "new-conflict"] as const;

/** `--fail-on` may be given more than once, or as a comma-separated list. */
function failOnList(value: string, previous: (typeof FAIL_ON)[number][] = []): (typeof FAIL_ON)[number][] {
  const out = [...previous];
  for (const part of value.split(",")) {
    const item = part.trim() as (typeof FAIL_ON)[number];
    if (!FAIL_ON.includes(item)) throw new InvalidArgumentError(`Allowed choices are ${FAIL_ON.join(", ")}.`);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** Adds `claims diff` to the program; `done` receives the exit code. */
export function defineDiff(program: Command, io: Io, flags: () => { color: boolean; ignore: boolean }, help: { paths: string; exit: string }, done: (code: number) => void): void {
  program
    .command("diff")
    .description("what changed in the ledger since a git revision: claims, statuses, conflicts, positions, verdicts, errors")
    .argument("<git-rev>", "the revision to compare with: a branch, tag or commit (main, origin/main, HEAD~1)")
    .argument("[paths...]", "ledger files or folders")
    .addOption(new Option("-f, --format <format>", "output format").choices(DIFF_FORMATS).default("text" as const))
    .option("--fail-on <what>", "exit 1 on a new error (new-error) or a new conflict (new-conflict); repeat or comma-separate for both", failOnList)
    .addHelpText(
      "after",
      `${help.paths}

The ledger at the revision is read through git (git ls-tree, git cat-file) into a temporary
folder; the work tree and the index are not touched. Claims are matched by id, so a renamed file
is not a claim removed and added. Conflicts are compared by their pair; positions by origin.
A file named that was removed since the revision is compared as removed. It must run inside a
git work tree, with the revision fetched (in a shallow CI clone: git fetch origin main, or
actions/checkout with fetch-depth: 0).

Formats: text (for people), markdown (a pull-request comment or $GITHUB_STEP_SUMMARY), json.

Examples:
  claims diff main                                   what this branch changes
  claims diff origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
  claims diff HEAD~1 --fail-on new-error,new-conflict
${help.exit}`,
    )
    .action(async (revision, paths, options) => {
      const { runDiff } = await import("./commands/diff.js");
      done(await runDiff(io, revision, paths, { format: options.format, failOn: options.failOn ?? [], ...flags() }));
    });
}
