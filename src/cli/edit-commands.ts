/**
 * The commands that change the ledger's files (SPEC §10 v2): `claims add statement|source|
 * document|claim` and `claims fix`. Their code is loaded only when one of them runs.
 */
import { Option, type Command } from "@commander-js/extra-typings";
import type { AddKind } from "../core/edit/add.js";
import { CLAIM_TYPES, RELIABILITIES, SOURCE_TYPES } from "../core/load/records.js";
import type { AddOptions } from "./commands/add-input.js";
import type { Io } from "./io.js";

interface Wiring {
  readonly io: Io;
  readonly colour: () => boolean;
  /** False with `--no-ignore`: read the files git and .claims.yaml ignore. */
  readonly ignore: () => boolean;
  readonly exit: (code: number) => void;
}

const WRITE_HELP = `
Where it goes: a statement into its claim's list; a source or document into the first file
that already declares sources (documents), else a new sources.yaml (documents.yaml) in the
ledger folder; a claim into a new <id>.yaml there. --file overrides that. The ledger folder is
--ledger, else .claims.yaml's ledger, else ./claims if it exists, else the current folder.

The file's comments, key order, quoting, blank lines, line ends and BOM are kept byte for byte;
only the new record is added. The whole ledger is checked with the change first, and nothing is
written if it would add an error. Another claims add or fix on the same ledger waits its turn.
A required option left out is asked for when stdin is a terminal; anywhere else it is an error.
Lists (--options, --unit, --tags) are comma-separated, and the option may be repeated.

Exit codes: 0 added (or shown, with --dry-run), 1 not added: it would add an error (they are
listed) or its quote is not in the archive, 2 could not do it (bad usage, a missing option
without a terminal, an unreadable or changed file, a lock held too long).`;

/** A list option: comma-separated, and repeatable. */
function list(value: string, previous: readonly string[] | undefined): readonly string[] {
  return [...(previous ?? []), ...value.split(",").map((part) => part.trim()).filter((part) => part !== "")];
}

function withCommon<C extends Command<[string | undefined], Record<string, unknown>>>(command: C) {
  return command
    .option("--ledger <folder>", "the ledger folder (default: .claims.yaml's ledger, else ./claims if it exists, else .)")
    .option("--file <file>", "write into this YAML file instead; it must be inside the ledger folder, and not one git or .claims.yaml ignores")
    .option("-n, --dry-run", "print the change as a unified diff (git apply or patch -p1 applies it, CRLF and BOM included) and write nothing");
}

function withStatement<C extends Command<[string | undefined], Record<string, unknown>>>(command: C, first = "") {
  return command
    .option("--source <id>", `who said it: a source id${first} (required)`)
    .option("--says <value>", "what they said, read by the claim's type: 10, at least 10, police, true, 2011-12-16, unknown (required)")
    .option("--in <document>", "the document it was said in")
    .option("--quote <text>", "the words as written; checked against the document's archive before anything is written")
    .option("--on <date>", "when it was said, YYYY-MM-DD (default: the document's published date)")
    .option("--as-of <date>", "the date the figure refers to, YYYY-MM-DD")
    .option("--via <id>", "the source this speaker only relays")
    .option("--url <url>", "a link to the exact place it was said")
    .option("--retracted <date|true>", "withdrawn by its source: the date it was, or true")
    .option("--note <text>", "a note on the statement");
}

/** Adds `claims add …` and `claims fix` to the program. */
export function addEditCommands(program: Command, { io, colour, ignore, exit }: Wiring): void {
  const add = program
    .command("add")
    .description("record a statement, source, document or claim from options, keeping the file's layout")
    .addHelpText("after", `\nForms:\n  claims add statement <claim-id> --source S --says V [--in D --quote Q …]\n  claims add source <id> --name N --type T [--side --reliability --url --note]\n  claims add document <id> --title T --publisher P [--url --published --archive FILE]\n  claims add claim <id> --question Q --type T [--unit --options --cumulative --tags] --source S --says V\n\nRun 'claims add <form> --help' for each form's options and an example.\n${WRITE_HELP}`);
  const run = async (kind: AddKind, id: string | undefined, options: AddOptions) => {
    const { runAdd } = await import("./commands/add.js");
    exit(await runAdd(io, kind, id, { ...options, color: colour(), ignore: ignore() }));
  };

  withCommon(withStatement(add.command("statement").description("add a statement to a claim's list").argument("[claim-id]", "the claim it is about")))
    .addHelpText("after", `\nExample:\n  claims add statement death-toll --source prosecutor-general --says 10 \\\n    --in aljazeera-2011-12-17 --quote "Ten people were killed as a result of mass disorder."\n${WRITE_HELP}`)
    .action((id, options) => run("statement", id, options));

  withCommon(
    add
      .command("source")
      .description("declare who speaks")
      .argument("[id]", "the new source's id (a slug)")
      .option("--name <name>", "who speaks (required)")
      .addOption(new Option("--type <type>", "what kind of source (required)").choices(SOURCE_TYPES))
      .option("--side <id>", "the interest it speaks for; sources of one side count as one group")
      .addOption(new Option("--reliability <grade>", "Admiralty source-reliability grade").choices(RELIABILITIES))
      .option("--url <url>", "its home page")
      .option("--note <text>", "a note on the source"),
  )
    .addHelpText("after", `\nExample:\n  claims add source k-plus --name "K-Plus, an opposition channel" --type media --side opposition\n${WRITE_HELP}`)
    .action((id, options) => run("source", id, options));

  withCommon(
    add
      .command("document")
      .description("declare where something was said, with its archived text")
      .argument("[id]", "the new document's id (a slug)")
      .option("--title <title>", "its title (required)")
      .option("--publisher <name>", "who published it (required)")
      .option("--url <url>", "where it was published")
      .option("--published <date>", "when, YYYY-MM-DD: the default date of statements made in it")
      .option("--archive <file>", "the archived text, inside the ledger folder; its path (relative to the YAML file) and SHA-256 are recorded"),
  )
    .addHelpText("after", `\nExample:\n  claims add document aljazeera-2011-12-17 --title "Security clampdown on Kazakh town" \\\n    --publisher "Al Jazeera" --published 2011-12-17 --archive claims/archive/aljazeera-2011-12-17.txt\n${WRITE_HELP}`)
    .action((id, options) => run("document", id, options));

  withCommon(
    withStatement(
      add
        .command("claim")
        .description("add a question, with its first statement (a claim needs one)")
        .argument("[id]", "the new claim's id (a slug)")
        .option("--question <text>", "the question it answers (required)")
        .addOption(new Option("--type <type>", "the type of answer (required)").choices(CLAIM_TYPES))
        .option("--unit <words>", "quantity: the unit word, or several (the first is shown)", list)
        .option("--options <ids>", "choice: the options a statement can name (required for a choice)", list)
        .option("--cumulative", "quantity: a running count that can only grow (a death toll)")
        .option("--tags <tags>", "tags", list),
      " (of the first statement)",
    ),
  )
    .addHelpText("after", `\nThe statement options describe the claim's first statement, since a claim needs one.\n\nExample:\n  claims add claim police-on-scene --question "How many police came to the square when the clash began?" \\\n    --type quantity --unit police --source aljazeera --says dozens --in aljazeera-2011-12-17\n${WRITE_HELP}`)
    .action((id, options) => run("claim", id, options));

  program
    .command("fix")
    .description("apply the fixes that cannot change what the ledger means; print the rest as suggestions")
    .argument("[paths...]", "ledger files or folders")
    .option("-n, --dry-run", "print the changes as a unified diff (git apply or patch -p1 applies it, CRLF and BOM included) and write nothing")
    .addHelpText(
      "after",
      `
Applied, because each has one possible meaning:
  - a misspelt key with exactly one candidate   (sorce: → source:)
  - a value that differs from an option only in case   (says: Police → police, type: Media → media)
  - an id written with capitals or spaces whose slug is free, and every reference written the
    same way   (Prosecutor General → prosecutor-general)
Everything else — an unknown source that looks like another, a key with two candidates — is
printed as a suggestion and never applied. Files keep every other byte.

Examples:
  claims fix --dry-run     see what would change
  claims fix claims/

Exit codes: 0 nothing left to fix by hand, 1 errors remain (they are listed), 2 could not do it.`,
    )
    .action(async (paths, options) => {
      const { runFix } = await import("./commands/fix.js");
      exit(await runFix(io, paths, { dryRun: options.dryRun === true, color: colour(), ignore: ignore() }));
    });
}
