// Keeps the README's output examples true: each fenced block after a `<!-- claims: ARGS -->`
// marker is the real output of `claims ARGS` on the example ledger (colour off); after
// `<!-- claims in DIR: ARGS -->` it is run in DIR (a folder of the repository); after
// `<!-- claims diff example[: ARGS] -->` it is `claims diff main ARGS` on a branch of a repository
// made for it (scripts/diff-example.mjs); after `<!-- claims session -->` it is a session of
// `$ claims …` commands run one after another on a scratch copy of the example ledger, each
// followed by its real output; after `<!-- file: PATH -->` it is the content of that file of the
// repository.
// `node scripts/readme.mjs` rewrites the blocks; `--check` exits 1 when one is stale.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { diffExample } from "./diff-example.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const readmePath = new URL("../README.md", import.meta.url);
const MARKER = /(<!-- claims(?: in ([^:>]+))?: ([^>]*?) -->\n```[a-z]*\n)([\s\S]*?)(```)/g;
const DIFF_MARKER = /(<!-- claims diff example(?:: ([^>]*?))? -->\n```[a-z]*\n)([\s\S]*?)(```)/g;
const SESSION = /(<!-- claims session -->\n```[a-z]*\n)([\s\S]*?)(```)/g;
const FILE_MARKER = /(<!-- file: ([^>]*?) -->\n```[a-z]*\n)([\s\S]*?)(```)/g;

/** The words of a command line: plain words, and '…' or "…" quoted ones (no escapes). */
function shellWords(line) {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** A session block: each `$ claims …` line run in turn on a scratch copy of the ledger, with its output. */
function renderSession(block) {
  const scratch = mkdtempSync(join(tmpdir(), "claims-readme-"));
  try {
    cpSync(join(root, "claims"), join(scratch, "claims"), { recursive: true });
    const commands = block.split("\n").filter((line) => line.startsWith("$ claims "));
    return commands
      .map((line) => {
        const argv = shellWords(line.slice("$ claims ".length));
        const result = spawnSync(process.execPath, [join(root, "bin/claims.js"), ...argv], { cwd: scratch, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } });
        const output = `${result.stdout}${result.stderr}`.trimEnd();
        return `${line}\n${output === "" ? "" : `${output}\n`}`;
      })
      .join("\n");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The README with every marked block replaced by the command's real output, or the file's content. */
export function renderReadme(text) {
  const withFiles = text.replace(FILE_MARKER, (_, open, path, _old, tail) => {
    const content = readFileSync(new URL(`../${path.trim()}`, import.meta.url), "utf8");
    return `${open}${content.endsWith("\n") ? content : `${content}\n`}${tail}`;
  });
  const withSessions = withFiles.replace(SESSION, (_, open, old, tail) => `${open}${renderSession(old)}${tail}`);
  const withDiff = withSessions.replace(DIFF_MARKER, (_, open, args = "", _old, tail) => {
    const argv = args.split(/\s+/).filter(Boolean);
    // Text is shown as at a terminal, with its command; another format is shown as it is, alone.
    const prompt = argv.includes("--format") ? "" : `$ claims diff main${argv.length > 0 ? ` ${argv.join(" ")}` : ""}\n`;
    return `${open}${prompt}${diffExample(argv).trimEnd()}\n${tail}`;
  });
  return withDiff.replace(MARKER, (_, open, dir, args, _old, tail) => {
    // `ARGS | head N` keeps the first N lines, for an excerpt of a long output.
    const [command, head] = args.split("|").map((part) => part.trim());
    const lines = head === undefined ? Infinity : Number(/^head (\d+)$/.exec(head)?.[1] ?? NaN);
    if (Number.isNaN(lines)) throw new Error(`README marker '${args}': only '| head N' may follow the command`);
    const argv = command.split(/\s+/);
    const cwd = dir === undefined ? root : join(root, dir);
    const result = spawnSync(process.execPath, [join(root, "bin/claims.js"), ...argv], { cwd, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } });
    const prompt = argv[0] === "check" || dir !== undefined ? `$ ${dir === undefined ? "npx " : ""}claims ${command}\n` : "";
    // Stderr too, where a run in a folder says what stopped it (a bad configuration).
    const output = `${result.stdout}${dir === undefined ? "" : result.stderr}`.trimEnd().split("\n");
    const shown = output.length > lines ? [...output.slice(0, lines), "…"] : output;
    return `${open}${prompt}${shown.join("\n")}\n${tail}`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = readFileSync(readmePath, "utf8");
  const fresh = renderReadme(current);
  if (process.argv.includes("--check")) {
    if (fresh !== current) {
      console.error("README output examples are stale: run `node scripts/readme.mjs`");
      process.exitCode = 1;
    }
  } else writeFileSync(readmePath, fresh);
}
