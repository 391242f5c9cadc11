#!/usr/bin/env node
// The thin bin: run the built CLI, set the exit code, and never show a stack trace unless asked.
import { main, nodeIo } from "../dist/cli.js";

try {
  process.exitCode = await main(process.argv.slice(2), nodeIo());
} catch (error) {
  const debug = Boolean(process.env.CLAIMS_DEBUG);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`claims: internal error: ${message.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "?")}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write("Set CLAIMS_DEBUG=1 to see the stack trace, and please report it.\n");
  process.exitCode = 2;
}
