// The README's `claims diff` example, made real: a repository in a temporary folder with the
// example ledger committed on `main`, and a branch that adds one conflict and resolves another.
// Git runs with a fixed identity, dates and no user configuration, so the commit (and the output
// that names it) is the same on every machine.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

const GIT_ENV = {
  PATH: process.env.PATH,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Example",
  GIT_AUTHOR_EMAIL: "example@example.org",
  GIT_COMMITTER_NAME: "Example",
  GIT_COMMITTER_EMAIL: "example@example.org",
  GIT_AUTHOR_DATE: "2024-05-01T12:00:00Z",
  GIT_COMMITTER_DATE: "2024-05-01T12:00:00Z",
};

/** The branch's edits: [file, text replaced, replacement]. */
export const BRANCH_EDITS = [
  ["claims/strikers-gathered.yaml", "        in: aljazeera-2011-12-17\n", "        in: aljazeera-2011-12-17\n      - source: authorities\n        says: hundreds\n"],
  ["claims/who-fired-first.yaml", "        note: Told to reporters in Astana.\n", "        note: Told to reporters in Astana.\n        retracted: 2011-12-20\n"],
];

/** Runs `claims diff main ARGS` on the branch and gives its output (colour off). */
export function diffExample(args) {
  const repo = mkdtempSync(join(tmpdir(), "claims-readme-diff-"));
  try {
    const git = (...a) => execFileSync("git", a, { cwd: repo, env: GIT_ENV, stdio: ["ignore", "pipe", "pipe"] });
    git("init", "-q", "-b", "main");
    cpSync(join(root, "claims"), join(repo, "claims"), { recursive: true });
    git("add", "-A");
    git("commit", "-q", "-m", "The example ledger");
    git("checkout", "-q", "-b", "feature");
    for (const [file, from, to] of BRANCH_EDITS) {
      const path = join(repo, file);
      const text = readFileSync(path, "utf8");
      if (!text.includes(from)) throw new Error(`the README's diff example no longer applies to ${file}`);
      writeFileSync(path, text.replace(from, to));
    }
    git("commit", "-q", "-am", "A conflict added, one resolved");
    const result = spawnSync(process.execPath, [join(root, "bin/claims.js"), "diff", "main", ...args], { cwd: repo, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } });
    return result.stdout;
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
