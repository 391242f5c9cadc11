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
}

/** The real process's streams, environment and directory. */
export function nodeIo(): Io {
  // A reader that stops early (`claims check | head`) closes the pipe: stop writing, quietly.
  let closed = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
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
  };
}
