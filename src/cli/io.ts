import { isatty } from "node:tty";
import type { Prompter } from "./prompt.js";

/** Where the CLI reads its surroundings and writes its output; tests pass their own. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdoutIsTTY: boolean;
  /** Terminal width when stdout is a terminal. */
  readonly columns: number | undefined;
  /** The built parse-worker script; absent (as when running from source), files are parsed on the main thread. */
  readonly parseWorker?: URL;
  /** Whether stdin is a terminal: only then does a command ask for what was left out. */
  readonly stdinIsTTY?: boolean;
  /** Makes what asks the questions (loaded only when there is one to ask). */
  readonly prompter?: () => Promise<Prompter>;
  /** The current time (the html export's stamp); the real clock when absent. */
  readonly now?: () => Date;
  /** Whether writing the output failed (a full disk, a closed device); the run then ends with exit 2. */
  readonly outputFailed?: () => boolean;
}

/** Why a write failed, in a few words: the code says it all, and the stack is no help to the reader. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = { ENOSPC: "no space left on device", EDQUOT: "disk quota exceeded", EIO: "input/output error", EBADF: "the output is closed", EFBIG: "file too large", EACCES: "permission denied" };
  if (code !== undefined) return `${words[code] ?? "write failed"} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** The real process's streams, environment and directory. */
export function nodeIo(): Io {
  // A reader that stops early (`claims check | head`) closes the pipe: stop writing, quietly. Any
  // other failure (`> /dev/full`) stops writing too, and is said in one line, with exit 2; the
  // bin reads `outputFailed` when the run ends, and an error reported later than that sets the
  // exit code itself.
  let closed = false;
  let failed = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code === "EPIPE" || failed) return;
    failed = true;
    process.stderr.write(`claims: cannot write the output: ${describeWriteError(error).replace(/[^\x20-\x7e]/g, "?")}\n`);
    process.exitCode = 2;
  });
  return {
    stdout: (text) => void (closed || process.stdout.write(text)),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    // Asked of the descriptor: touching process.stdin would open a stream every run pays for.
    stdinIsTTY: isatty(0),
    prompter: async () => (await import("./prompt.js")).terminalPrompter(),
    outputFailed: () => failed,
  };
}
