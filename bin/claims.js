#!/usr/bin/env node
// The thin bin: run the built CLI, set the exit code, and never show a stack trace unless asked.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require("./load-cli.cjs").loadCli().cli;
  const io = cli.nodeIo();
  const code = await cli.main(process.argv.slice(2), io);
  // A failed write (a full disk) was said on stderr as it happened; the run could not do its job.
  process.exitCode = io.outputFailed() ? 2 : code;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`claims: internal error: ${safe(message)}\n`);
  if (process.env.CLAIMS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${safe(error.stack)}\n`);
  else process.stderr.write("Set CLAIMS_DEBUG=1 to see the stack trace, and please report it.\n");
  process.exitCode = 2;
}

/** The CLI's own sanitiser; if even that did not load (no build), plain ASCII only. */
function safe(text) {
  return cli?.sanitize ? cli.sanitize(text) : text.replace(/[^\x20-\x7e\n\t]/g, "?");
}
