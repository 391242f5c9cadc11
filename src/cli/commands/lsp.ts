/** `claims lsp`: the language server, over this process's stdin and stdout. */
import pkg from "../../../package.json" with { type: "json" };
import { startServer } from "../../lsp/server.js";
import type { Io } from "../io.js";
import { threadsFrom } from "./common.js";

/**
 * Serves the Language Server Protocol on stdin and stdout until the client ends the session.
 * The protocol's `exit` notification ends the process (0 after `shutdown`, else 1), as the
 * protocol prescribes; so does the client closing stdin.
 */
export async function runLsp(io: Io, paths: readonly string[], flags: { readonly ignore: boolean }): Promise<number> {
  const threads = threadsFrom(io.env);
  const code = await startServer({
    input: process.stdin,
    output: process.stdout,
    cwd: io.cwd,
    version: pkg.version,
    paths,
    useIgnores: flags.ignore,
    parse: { ...(io.parseWorker ? { worker: io.parseWorker } : {}), ...(threads === undefined ? {} : { threads }) },
  });
  // The session is over. The protocol library keeps a timer that watches the editor's process,
  // so the process is ended here, as the library ends it on the `exit` notification.
  process.exit(code);
}
