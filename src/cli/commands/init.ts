/** `claims init [dir]`: a small starter ledger that lints clean, written without overwriting anything. */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { CONFIG_FILE, findConfig } from "../../core/load/config.js";
import { UsageError } from "../../core/load/workspace.js";
import type { Io } from "../io.js";
import { writeOut } from "./common.js";

const SOURCES = `# Who speaks. Ids are slugs; \`side\` groups sources that speak for one interest.
sources:
  city-police:
    name: City police press office
    type: official
    side: authorities
  organisers:
    name: March organisers
    type: other
    side: organisers
  local-paper:
    name: The Local Paper
    type: media

documents:
  local-paper-2024-05-02:
    title: Thousands march through the city centre
    publisher: The Local Paper
    published: 2024-05-02
    archive: archive/local-paper-2024-05-02.txt
`;

const CLAIM = `# One claim per file is the usual layout. Run \`claims check\` to see where sources disagree.
claims:
  march-turnout:
    question: How many people joined the march on 1 May 2024?
    type: quantity
    unit: people
    statements:
      - source: city-police
        says: about 2,000
        quote: Police estimated the crowd at about 2,000 people.
        in: local-paper-2024-05-02
      - source: organisers
        says: more than 10,000
        quote: "Organisers said \\"more than 10,000 people\\" took part."
        in: local-paper-2024-05-02
      - source: local-paper
        says: thousands
        in: local-paper-2024-05-02
`;

const ARCHIVE = `The Local Paper, "Thousands march through the city centre", 2 May 2024.

Thousands of people marched through the city centre on Wednesday.
Police estimated the crowd at about 2,000 people.
Organisers said "more than 10,000 people" took part.
`;

const FILES: readonly (readonly [string, string])[] = [
  ["sources.yaml", SOURCES],
  ["march-turnout.yaml", CLAIM],
  ["archive/local-paper-2024-05-02.txt", ARCHIVE],
];

/** The starter `.claims.yaml` (SPEC §13) naming `ledger`, a path relative to it. */
function configText(ledger: string): string {
  const path = /^[\w./-]+$/.test(ledger) ? ledger : JSON.stringify(ledger);
  return `# claims configuration. Paths and patterns are relative to this file.
# The ledger: what \`claims check\` reads when no path is given.
ledger: ${path}
# Files never read, in .gitignore syntax (files git ignores are skipped too), for example drafts/**
ignore: []
# Severity per diagnostic code: error, warning, info or off, for example unused-source: off
severity: {}
`;
}

/** Writes the starter files into `dir`, and a `.claims.yaml` naming it when none applies yet; refuses if a ledger file exists. */
export function runInit(io: Io, dir: string): number {
  const root = resolve(io.cwd, dir);
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UsageError(`'${dir}' is not a folder; init writes a ledger into a new or empty folder`);
  // Check every target first, so a refusal leaves nothing half-written.
  for (const [name] of FILES) {
    const path = join(root, name);
    if (existsSync(path)) throw new UsageError(`'${relative(io.cwd, path)}' already exists; init never overwrites files, so choose an empty folder`);
  }
  const written: string[] = [];
  for (const [name, content] of FILES) {
    const path = join(root, name);
    try {
      // Inside the try: a file where a folder should be (`init a-file/x`) is a usage error, not an internal one.
      mkdirSync(join(path, ".."), { recursive: true });
      writeFileSync(path, content, { flag: "wx" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new UsageError(`'${relative(io.cwd, path)}' already exists; init never overwrites files, so choose an empty folder`);
      // Node's message ends with the syscall and the absolute path ("…, mkdir '/abs/x'"); the relative path is already named.
      throw new UsageError(`cannot write '${relative(io.cwd, path)}': ${(error as Error).message.replace(/, \w+ '[^']*'$/, "")}`);
    }
    written.push(relative(io.cwd, path) || path);
  }
  written.push(...writeConfig(io, root));
  writeOut(io, `${written.map((p) => `created ${p}`).join("\n")}\n\nNext: claims check ${shellWord(relative(io.cwd, root) || ".")}\n`);
  return 0;
}

/** A path as one shell word, quoted when it holds anything but plain characters, so the hint can be pasted. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

/**
 * Writes `.claims.yaml` in the working directory, naming the new ledger, unless a configuration
 * already applies here (it is left as it is) or the ledger lies outside the working directory (a
 * configuration names only paths below it). Gives the files written.
 */
function writeConfig(io: Io, root: string): string[] {
  const existing = findConfig(io.cwd);
  const ledger = relative(io.cwd, root).split(sep).join("/") || ".";
  if (existing !== undefined || ledger.startsWith("../") || ledger === ".." || isAbsolute(ledger)) return [];
  try {
    writeFileSync(join(io.cwd, CONFIG_FILE), configText(ledger), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return []; // written meanwhile: never overwrite
    throw new UsageError(`cannot write '${CONFIG_FILE}': ${(error as Error).message.replace(/, \w+ '[^']*'$/, "")}`);
  }
  return [CONFIG_FILE];
}
