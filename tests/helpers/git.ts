/** Real git repositories in temporary folders, for the tests of ignores, file lists and `claims diff`. */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./run.js";

/** Git with a fixed identity and date, no global or system configuration, and no signing. */
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.org",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.org",
  GIT_AUTHOR_DATE: "2024-05-01T12:00:00Z",
  GIT_COMMITTER_DATE: "2024-05-01T12:00:00Z",
};

/** Runs git in `dir` and gives its output. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, env: GIT_ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const made: string[] = [];

/** A fresh folder (its real path), removed by `removeTempDirs`. */
export function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (path → text) under `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A new repository on branch `main` holding `files`, committed when `commit` is set. */
export function gitRepo(files: Readonly<Record<string, string>> = {}, options: { commit?: string; exampleLedgerAt?: string } = {}): string {
  const dir = tempDir("claims-git-");
  git(dir, "init", "-q", "-b", "main");
  if (options.exampleLedgerAt !== undefined) cpSync(join(ROOT, "claims"), join(dir, options.exampleLedgerAt), { recursive: true });
  writeFiles(dir, files);
  if (options.commit !== undefined) {
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", options.commit);
  }
  return dir;
}

/** Stages everything and commits it. */
export function commitAll(dir: string, message: string): void {
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", message);
}
