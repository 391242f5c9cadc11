// Every command and format of `claims` that reads a whole ledger, for the benchmark's command
// table: each is measured against the parse-only baseline in interleaved pairs (baseline, command,
// baseline, command, …), so each command's ratio comes from runs that met the same load.

/**
 * name → arguments after `claims` (`DIR` stands for the ledger's folder). `--no-ignore`: bench/out/
 * is git-ignored. `show` names a claim of the generated ledger (c-00001 exists at every size).
 * @type {readonly (readonly [string, readonly string[]])[]}
 */
export const COMMANDS = [
  ["check text", ["check", "--no-ignore", "DIR"]],
  ["check json", ["check", "--no-ignore", "--format", "json", "DIR"]],
  ["check markdown", ["check", "--no-ignore", "--format", "markdown", "DIR"]],
  ["check github", ["check", "--no-ignore", "--format", "github", "DIR"]],
  ["check sarif", ["check", "--no-ignore", "--format", "sarif", "DIR"]],
  ["check junit", ["check", "--no-ignore", "--format", "junit", "DIR"]],
  ["check gitlab", ["check", "--no-ignore", "--format", "gitlab", "DIR"]],
  ["lint stylish", ["lint", "--no-ignore", "DIR"]],
  ["lint json", ["lint", "--no-ignore", "--format", "json", "DIR"]],
  ["lint github", ["lint", "--no-ignore", "--format", "github", "DIR"]],
  ["lint sarif", ["lint", "--no-ignore", "--format", "sarif", "DIR"]],
  ["lint junit", ["lint", "--no-ignore", "--format", "junit", "DIR"]],
  ["lint gitlab", ["lint", "--no-ignore", "--format", "gitlab", "DIR"]],
  ["sources", ["sources", "--no-ignore", "DIR"]],
  ["show", ["show", "c-00001", "--no-ignore", "DIR"]],
  ...["markdown", "csv", "json", "claimreview", "html"].flatMap((f) => [
    /** @type {[string, string[]]} */ ([`export ${f}`, ["export", "--no-ignore", "--format", f, "DIR"]]),
    /** @type {[string, string[]]} */ ([`export ${f} --all`, ["export", "--no-ignore", "--format", f, "--all", "DIR"]]),
  ]),
];

/**
 * The commands a `--commands` value names: `all`, or names separated by commas, each matching a
 * command's name with spaces written as `-` (`check-text,export-csv--all` or `export`: every
 * command whose name starts with it).
 * @param {string} spec
 */
export function selectCommands(spec) {
  if (spec === "all") return COMMANDS;
  const wanted = spec.split(",").map((s) => s.trim()).filter(Boolean);
  const slug = (/** @type {string} */ name) => name.replace(/ /g, "-");
  const chosen = COMMANDS.filter(([name]) => wanted.some((w) => slug(name) === w || slug(name).startsWith(`${w}-`) || name === w));
  const unknown = wanted.filter((w) => !COMMANDS.some(([name]) => slug(name) === w || slug(name).startsWith(`${w}-`) || name === w));
  if (unknown.length) throw new Error(`--commands: no command named ${unknown.join(", ")}; the names are ${COMMANDS.map(([n]) => slug(n)).join(", ")}`);
  return chosen;
}

/** A file name for a command's output. @param {string} name */
export const outputName = (name) => `${name.replace(/ --/g, "-").replace(/ /g, "-")}.out`;
