/** The `claims lsp` command's options and help; the server is loaded only when it runs. */
import { type Command, Option } from "@commander-js/extra-typings";
import type { Io } from "./io.js";

/** Adds `claims lsp` to the program; `done` receives the exit code. */
export function defineLsp(program: Command, io: Io, ignore: () => boolean, done: (code: number) => void): void {
  program
    .command("lsp")
    .description("a Language Server Protocol server over stdin/stdout: the whole ledger's diagnostics as you type, completion, hover, go to definition, quick fixes")
    .argument("[paths...]", "the ledger's files or folders, relative to the editor's workspace folder")
    .option("--stdio", "talk over stdin and stdout (the default and only transport; editors pass it)")
    .addOption(new Option("--clientProcessId <pid>", "the editor's process id, as some clients pass it (the server also exits when the client does)").hideHelp())
    .addHelpText(
      "after",
      `
The ledger is the paths given, relative to the workspace folder the editor names; with none,
as for 'claims check' there: .claims.yaml's ledger, else ./claims if it exists, else the folder.
.claims.yaml's ignores and severities apply (and it is read again when it changes); --no-ignore
reads ignored files too. Open files are checked as you type, unsaved; every file of the ledger
gets its diagnostics. Nothing is written to disk: a quick fix is an edit the editor applies.

Examples (see the README, "Editor support", for VS Code, Neovim, Helix and Zed):
  claims lsp --stdio
  claims lsp --stdio data/ledger        a ledger elsewhere in the workspace
  nvim: vim.lsp.start({ name = "claims", cmd = { "npx", "claims", "lsp", "--stdio" }, root_dir = vim.fn.getcwd() })

Exit codes: 0 after the client's shutdown and exit, 1 when the client exits without shutdown
or closes the connection, 2 bad usage.`,
    )
    .action(async (paths) => {
      const { runLsp } = await import("./commands/lsp.js");
      done(await runLsp(io, paths, { ignore: ignore() }));
    });
}
