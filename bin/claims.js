#!/usr/bin/env node
// The thin bin: run the built CLI, set the exit code, and never show a stack trace unless asked.
try {
  const { main, nodeIo } = await import("../dist/cli.js");
  process.exitCode = await main(process.argv.slice(2), nodeIo());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`claims: internal error: ${await safe(message)}\n`);
  if (process.env.CLAIMS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${await safe(error.stack)}\n`);
  else process.stderr.write("Set CLAIMS_DEBUG=1 to see the stack trace, and please report it.\n");
  process.exitCode = 2;
}

/** The CLI's own sanitiser; if even that cannot load (no build), plain ASCII only. */
async function safe(text) {
  try {
    return (await import("../dist/cli.js")).sanitize(text);
  } catch {
    return text.replace(/[^\x20-\x7e\n\t]/g, "?");
  }
}
