// The parse-only baseline: the least any YAML-based checker must do.
//
// Walks each path as SPEC §1 does (recursive; hidden entries and node_modules skipped; symlinked
// directories not followed), reads every *.yaml / *.yml file and parses it with the `yaml`
// package's `parseDocument` (the API a checker needs to report line/column positions). No schema
// checks, no archive reading, no hashing, no report. Prints the number of files parsed.
//
// Usage: node bench/baseline.mjs <dir> [dir…]

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

/**
 * Collect YAML files under `root`, sorted by relative path (plain code-unit order, like §1).
 * @param {string} root
 * @returns {string[]}
 */
export function walk(root) {
  /** @type {string[]} */
  const out = [];
  if (statSync(root).isFile()) return [root];
  /** @param {string} dir */
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if ((e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  visit(root);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Parse every YAML file under the given roots.
 * @param {string[]} roots
 * @returns {{ files: number, errors: number }}
 */
export function baseline(roots) {
  let files = 0;
  let errors = 0;
  for (const root of roots) {
    for (const file of walk(root)) {
      const doc = parseDocument(readFileSync(file, "utf8"));
      errors += doc.errors.length;
      files++;
    }
  }
  return { files, errors };
}

const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error("usage: node bench/baseline.mjs <dir> [dir…]");
  process.exit(2);
}
const { files, errors } = baseline(roots);
console.log(`${files} files parsed${errors ? ` (${errors} YAML errors)` : ""}`);
