/**
 * Asking git itself (SPEC §13 ignores, `claims diff`): what it ignores and what a revision held
 * are git's answers, not a reimplementation of them. Every call is read-only: no optional locks
 * (so even `git diff-index` never refreshes the index), and pathspecs are literal, so a file
 * named `[a].yaml` is that file and not a pattern.
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join } from "node:path";

/** Git could not be run, or refused the request; `message` says which and what to do. */
export class GitError extends Error {
  override readonly name = "GitError";
}

/** The top of the git work tree holding `dir` (where its `.git` is), or undefined outside one. */
export function gitTopLevel(dir: string): string | undefined {
  // A `.git` folder, or a `.git` file (a linked worktree or a submodule), marks the top; found
  // without running git, since every run looks for its configuration this way.
  for (let current = dir; ; current = dirname(current)) {
    try {
      statSync(join(current, ".git"));
      return current;
    } catch {
      // not here: go up
    }
    if (dirname(current) === current) return undefined;
  }
}

export interface GitResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  /** The exit status: 0, or another that `ok` allowed (`git check-ignore` answers "no" with 1). */
  readonly status: number;
}

export interface GitOptions {
  /** Given to git on stdin. */
  readonly input?: string | Buffer;
  /** The exit statuses that are answers, not failures; [0] unless said. */
  readonly ok?: readonly number[];
  /**
   * Pathspecs are literal unless this is false: `git check-ignore` refuses the literal magic, and
   * its callers pass a path starting `./` instead, so that no pathspec magic can be read into it.
   */
  readonly literal?: boolean;
}

/** Runs `git ARGS` in `cwd` and gives its output; throws GitError when git is missing or exits with a status not in `ok`. */
export function runGit(args: readonly string[], cwd: string, { input, ok = [0], literal = true }: GitOptions = {}): GitResult {
  const result = spawnSync("git", [...(literal ? ["--literal-pathspecs"] : []), "-c", "core.quotePath=false", ...args], {
    cwd,
    input,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" },
    maxBuffer: 1 << 30,
    windowsHide: true,
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new GitError(code === "ENOENT" ? "git is not installed (or not on PATH)" : `git could not be run: ${result.error.message}`);
  }
  const stderr = result.stderr.toString("utf8").trim();
  if (result.status === null || !ok.includes(result.status)) throw new GitError(stderr.split("\n")[0]?.replace(/^(fatal|error): /, "") || `git ${args[0]} failed (exit ${result.status})`);
  return { stdout: result.stdout, stderr, status: result.status };
}

/** NUL-separated fields of git's `-z` output, without the empty one after the last NUL. */
export function nulFields(output: Buffer): string[] {
  const text = output.toString("utf8");
  const fields = text.split("\0");
  if (fields.at(-1) === "") fields.pop();
  return fields;
}
