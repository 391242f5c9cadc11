// Keeps the README's output examples true: each fenced block after a `<!-- claims: ARGS -->`
// marker is the real output of `claims ARGS` on the example ledger (colour off).
// `node scripts/readme.mjs` rewrites the blocks; `--check` exits 1 when one is stale.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const readmePath = new URL("../README.md", import.meta.url);
const MARKER = /(<!-- claims: ([^>]*?) -->\n```[a-z]*\n)([\s\S]*?)(```)/g;

/** The README with every marked block replaced by the command's real output. */
export function renderReadme(text) {
  return text.replace(MARKER, (_, open, args, _old, tail) => {
    // `ARGS | head N` keeps the first N lines, for an excerpt of a long output.
    const [command, head] = args.split("|").map((part) => part.trim());
    const lines = head === undefined ? Infinity : Number(/^head (\d+)$/.exec(head)?.[1] ?? NaN);
    if (Number.isNaN(lines)) throw new Error(`README marker '${args}': only '| head N' may follow the command`);
    const argv = command.split(/\s+/);
    const result = spawnSync(process.execPath, ["bin/claims.js", ...argv], { cwd: root, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } });
    const prompt = argv[0] === "check" ? `$ npx claims ${command}\n` : "";
    const output = result.stdout.trimEnd().split("\n");
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
