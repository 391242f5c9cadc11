/** `claims init [dir]`: a small starter ledger that lints clean, written without overwriting anything. */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
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

/** Writes the starter files into `dir`; refuses if any of them exists. */
export function runInit(io: Io, dir: string): number {
  const root = resolve(io.cwd, dir);
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UsageError(`'${dir}' is not a folder; init writes a ledger into a new or empty folder`);
  // Check every target first, so a refusal leaves nothing half-written.
  for (const [name] of FILES) {
    const path = join(root, name);
    if (existsSync(path)) throw new UsageError(`'${relative(io.cwd, path)}' already exists; init never overwrites files — choose an empty folder`);
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
      if (code === "EEXIST") throw new UsageError(`'${relative(io.cwd, path)}' already exists; init never overwrites files — choose an empty folder`);
      // Node's message ends with the syscall and the absolute path ("…, mkdir '/abs/x'"); the relative path is already named.
      throw new UsageError(`cannot write '${relative(io.cwd, path)}': ${(error as Error).message.replace(/, \w+ '[^']*'$/, "")}`);
    }
    written.push(relative(io.cwd, path) || path);
  }
  writeOut(io, `${written.map((p) => `created ${p}`).join("\n")}\n\nNext: claims check ${shellWord(relative(io.cwd, root) || ".")}\n`);
  return 0;
}

/** A path as one shell word, quoted when it holds anything but plain characters, so the hint can be pasted. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
