/** Colour decisions, made once per run from the flags and the environment, never at import time. */
import { PLAIN, type Stylist } from "../formats/style.js";
import type { Io } from "./io.js";

/**
 * `--no-color` wins; then `FORCE_COLOR` (0/false off, 1–3 a level); then `NO_COLOR` (any
 * non-empty value, as no-color.org asks); else colour only on a terminal that is not `dumb`.
 */
export function colourLevel(io: Io, flag: boolean): 0 | 1 | 2 | 3 {
  if (!flag) return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "0" || force.toLowerCase() === "false") return 0;
    if (force === "2" || force === "3") return Number(force) as 2 | 3;
    return 1;
  }
  if (io.env.NO_COLOR) return 0;
  return io.stdoutIsTTY && io.env.TERM !== "dumb" ? 1 : 0;
}

/**
 * A chalk instance at the run's colour level (chalk 5 does not read NO_COLOR itself). Without
 * colour, chalk is not loaded at all: its import probes the terminal, which costs every
 * piped or redirected run a noticeable part of its start-up, for styles that would do nothing.
 */
export async function chalkFor(io: Io, flag: boolean): Promise<Stylist> {
  const level = colourLevel(io, flag);
  if (level === 0) return PLAIN;
  const { Chalk } = await import("chalk");
  return new Chalk({ level });
}
