/**
 * The ledger as it was at a git revision (`claims diff`, SPEC §10 v2), read through git itself:
 * `git ls-tree` lists the files under the run's roots at that commit and `git cat-file --batch`
 * gives their bytes, which are laid out in a temporary folder shaped like the repository and
 * checked there with the working tree's configuration. The work tree and the index are never
 * touched, and the folder is removed afterwards.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { GitError, gitTopLevel, nulFields, runGit } from "../shared/git.js";
import type { ClaimsConfig } from "../load/config.js";
import type { RunPlan } from "../load/targets.js";
import { isInside, UsageError } from "../load/workspace.js";
import { checkLoaded, type Checked, loadLedger } from "../pipeline.js";
import type { ParseOptions } from "../load/parse-pool.js";

/** One file of a commit's tree. */
interface TreeEntry {
  readonly mode: string;
  readonly oid: string;
  /** From the top of the repository, with `/`. */
  readonly path: string;
}

export interface Revision {
  /** The revision as given, and the commit it names. */
  readonly revision: string;
  readonly commit: string;
  readonly checked: Checked;
  /** Files renamed since the revision: the old display path → the new one (as git's rename detection sees them). */
  readonly renames: ReadonlyMap<string, string>;
}

/** The top of the git work tree `claims diff` compares in; UsageError outside one, before anything is read. */
export function diffTop(cwd: string): string {
  const top = gitTopLevel(cwd);
  if (top === undefined) throw new UsageError(`claims diff compares with a git revision, and '${cwd}' is not inside a git work tree; run it in a clone of the ledger's repository`);
  return top;
}

/** The commit a revision names; UsageError when git knows none, with the usual CI cause. */
export function resolveCommit(revision: string, top: string): string {
  if (revision.startsWith("-") || revision.trim() === "") throw new UsageError(`'${revision}' is not a git revision; give a branch, tag or commit id (main, origin/main, HEAD~1)`);
  try {
    return runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], top).stdout.toString("utf8").trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (/not installed|could not be run/.test(error.message)) throw new UsageError(`claims diff asks git, and ${error.message}`);
    // CI checks out one commit of history by default (actions/checkout, GitLab's shallow clone).
    const shallow = runGit(["rev-parse", "--is-shallow-repository"], top).stdout.toString("utf8").trim() === "true";
    const why = shallow ? "this clone is shallow, as CI clones are, so it may not be fetched yet" : "it may be misspelt, or not fetched yet";
    throw new UsageError(`unknown revision '${revision}': git has no commit by that name (${why}); fetch it with 'git fetch origin ${revision}', or in CI check out with full history (actions/checkout: fetch-depth: 0)`);
  }
}

/**
 * Sorts the paths named for a diff: those gone from the working tree but held at `commit` (a file
 * removed since: its records are compared as removed) are returned; a path in neither is refused,
 * so that a typo is not taken for a removal.
 */
export function goneSince(paths: readonly string[], cwd: string, top: string, commit: string, revision: string): Set<string> {
  const gone = new Set<string>();
  for (const path of paths) {
    const abs = resolve(cwd, path);
    if (existsSync(abs) || !isInside(top, abs)) continue; // reading it will say what is wrong
    const rel = relative(top, abs).split(sep).join("/");
    if (listTree(top, commit, [rel]).length === 0) throw new UsageError(`'${path}' is neither in the working tree nor at ${revision}; check the path (a file added or removed since is compared as such)`);
    gone.add(path);
  }
  return gone;
}

/** Checks the ledger under `plan` as it was at `revision`, in the repository whose top is `config.gitTop`. */
export async function checkRevision(revision: string, cwd: string, config: ClaimsConfig, plan: RunPlan, parse: ParseOptions = {}): Promise<Revision> {
  const top = config.gitTop ?? diffTop(cwd);
  const commit = resolveCommit(revision, top);
  const roots = [...plan.paths, ...(plan.revisionOnly ?? [])].map((path) => {
    const abs = resolve(cwd, path);
    if (!isInside(top, abs)) throw new UsageError(`'${path}' is outside the git work tree (${top}); claims diff compares files git keeps`);
    return relative(top, abs).split(sep).join("/");
  });
  const tree = listTree(top, commit, roots);
  const scratch = mkdtempSync(join(tmpdir(), "claims-diff-"));
  try {
    // The old files, laid out as in the repository, so that display paths read as they do today.
    const written = new Set<string>();
    const named = new Set(roots);
    writeEntries(top, scratch, tree.filter((e) => named.has(e.path) || /^\.ya?ml$/i.test(extname(e.path))), written);
    const oldCwd = join(scratch, relative(top, cwd));
    mkdirSync(oldCwd, { recursive: true });
    const toWorking = (abs: string) => join(top, relative(scratch, abs));
    // A root that held no ledger file then (a folder added since) is an empty ledger, not an error.
    const oldRoots = roots.map((root) => join(scratch, root)).filter((root) => existsSync(root));
    const focus = plan.focus;
    const ledger = await loadLedger(oldRoots, oldCwd, { ...parse, ignore: (abs, isDirectory) => plan.ignore(toWorking(abs), isDirectory) });
    // Archives second: only those the old documents name, of the files the tree holds.
    const byPath = new Map(tree.map((e) => [e.path, e]));
    const archives = [...ledger.documents.values()].flatMap((d) => (d.data.archive === undefined ? [] : [relative(scratch, resolve(dirname(d.file.abs), d.data.archive)).split(sep).join("/")]));
    writeEntries(top, scratch, archives.flatMap((path) => byPath.get(path) ?? []), written);
    const checked = await checkLoaded(ledger, { severity: plan.severity, ...(focus ? { focus: (abs: string) => focus(toWorking(abs)) } : {}) });
    return { revision, commit, checked, renames: renamesSince(top, commit, roots, cwd) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The files under `roots` (paths from the top; "" is the whole tree) at `commit`. */
function listTree(top: string, commit: string, roots: readonly string[]): TreeEntry[] {
  const specs = roots.map((root) => root || ".");
  const entries: TreeEntry[] = [];
  for (const line of nulFields(runGit(["ls-tree", "-r", "-z", commit, "--", ...specs], top).stdout)) {
    // `<mode> <type> <object>\t<path>`; submodules (commits) hold no files of ours.
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (match && match[2] === "blob") entries.push({ mode: match[1], oid: match[3], path: match[4] });
  }
  return entries;
}

/** Writes tree entries under `scratch` (each once), their contents from one `git cat-file --batch`. */
function writeEntries(top: string, scratch: string, entries: readonly TreeEntry[], written: Set<string>): void {
  const wanted = entries.filter((e) => !written.has(e.path));
  if (wanted.length === 0) return;
  const out = runGit(["cat-file", "--batch"], top, { input: wanted.map((e) => `${e.oid}\n`).join("") }).stdout;
  let at = 0;
  for (const entry of wanted) {
    const eol = out.indexOf(0x0a, at);
    const size = Number(/ (\d+)$/.exec(out.subarray(at, eol).toString("latin1"))?.[1] ?? NaN);
    if (!Number.isFinite(size)) throw new GitError(`unexpected output from git cat-file for ${entry.path}`);
    const bytes = out.subarray(eol + 1, eol + 1 + size);
    at = eol + 1 + size + 1;
    const target = join(scratch, ...entry.path.split("/"));
    if (!isInside(scratch, target)) continue; // a path git would never write; never outside the scratch folder
    mkdirSync(dirname(target), { recursive: true });
    // A link is kept a link, so the ledger's rules for links (inside the root or refused) apply as they did then.
    if (entry.mode === "120000") symlinkSync(bytes.toString("utf8"), target);
    else writeFileSync(target, bytes);
    written.add(entry.path);
  }
}

/** Renamed files since `commit`, as display paths (old → new), from git's rename detection against the work tree. */
function renamesSince(top: string, commit: string, roots: readonly string[], cwd: string): Map<string, string> {
  const fields = nulFields(runGit(["diff-index", "-M", "--name-status", "-z", commit, "--", ...roots.map((r) => r || ".")], top).stdout);
  const renames = new Map<string, string>();
  const display = (path: string) => relative(cwd, join(top, path)).split(sep).join("/");
  for (let i = 0; i < fields.length; ) {
    const status = fields[i];
    if (status.startsWith("R") || status.startsWith("C")) {
      if (status.startsWith("R")) renames.set(display(fields[i + 1]), display(fields[i + 2]));
      i += 3;
    } else i += 2;
  }
  return renames;
}
