/**
 * Time that grows in proportion to the input, tested by doubling (issue 18): run at size n and 2n
 * and compare. Ratios of medians over interleaved rounds; a quadratic path gives about 4, a linear
 * one about 2, and the bound is 3. The time is CPU time (user and system, the process's worker
 * threads included), not the wall clock: on a machine shared with other work the wall clock of one
 * run varied by a factor of five from one round to the next, and CPU time is what the input costs.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BIN } from "./run.js";

/**
 * With CLAIMS_BUDGET_LOG set to a file, each measured figure (a doubling's ratio and times, a peak)
 * is appended to it as one JSON line: the figures the README and a review quote, from the test itself.
 */
export function logFigure(name: string, figure: object): void {
  const file = process.env.CLAIMS_BUDGET_LOG;
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...figure })}\n`);
}

/** The ratio a doubling may reach: above it, the work grew faster than the input. */
export const MAX_RATIO = 3;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Doubling {
  readonly ratio: number;
  /** CPU milliseconds per round, at n and at 2n (and of the baseline, when there is one). */
  readonly small: readonly number[];
  readonly large: readonly number[];
  readonly base: readonly number[];
}

/**
 * Measures `run(n)` and `run(2n)` (each returns the CPU milliseconds it spent) in `rounds`
 * interleaved rounds. With `baseline`, its median (the fixed cost of starting a process) is taken
 * off both before dividing, so that a start-up cannot hide work that quadruples.
 */
export function doubling(run: (size: number) => number, n: number, { rounds = 3, baseline }: { rounds?: number; baseline?: () => number } = {}): Doubling {
  const small: number[] = [];
  const large: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (baseline) base.push(baseline());
    small.push(run(n));
    large.push(run(2 * n));
  }
  const fixed = baseline ? Math.min(median(base), 0.9 * median(small)) : 0;
  return { ratio: (median(large) - fixed) / (median(small) - fixed), small, large, base };
}

/** `doubling`, and once more when the first ratio is over the bound: one retry for a noisy moment. */
export function doublingWithRetry(run: (size: number) => number, n: number, options?: Parameters<typeof doubling>[2]): Doubling {
  const first = doubling(run, n, options);
  return first.ratio <= MAX_RATIO ? first : doubling(run, n, options);
}

export interface BinRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set size of the process in MiB (bench/peak-rss.cjs). */
  readonly peakMiB: number;
  /** User and system CPU time of the process in milliseconds, its threads included. */
  readonly cpuMs: number;
}

const PEAK_RSS = fileURLToPath(new URL("../../bench/peak-rss.cjs", import.meta.url));

/** Runs the built CLI in `cwd`, with its peak memory and CPU time measured by bench/peak-rss.cjs. */
export function runMeasured(args: readonly string[], cwd: string, { env = {} }: { env?: Record<string, string> } = {}): BinRun {
  const rssFile = join(cwd, `.peak-rss-${process.pid}`);
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", ...env, NODE_OPTIONS: `--require ${PEAK_RSS}`, BENCH_PEAK_RSS_FILE: rssFile };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: childEnv, encoding: "utf8", maxBuffer: 1 << 30, timeout: 300_000 });
  if (result.error) throw result.error;
  const [rssKiB, user, system] = readFileSync(rssFile, "utf8").split(" ").map(Number);
  rmSync(rssFile, { force: true });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, peakMiB: rssKiB / 1024, cpuMs: (user + system) * 1000 };
}

/** `doubling` for work that settles later (the CLI run in-process); retried once like `doublingWithRetry`. */
export async function doublingInProcess(run: (size: number) => Promise<void>, n: number, rounds = 3): Promise<Doubling> {
  const once = async (): Promise<Doubling> => {
    const small: number[] = [];
    const large: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [size, into] of [[n, small], [2 * n, large]] as const) {
        // This process's CPU time: the test runs alone in it (one test file per process, its tests in sequence).
        const before = process.cpuUsage();
        await run(size);
        const spent = process.cpuUsage(before);
        into.push((spent.user + spent.system) / 1000);
      }
    }
    return { ratio: median(large) / median(small), small, large, base: [] };
  };
  const first = await once();
  return first.ratio <= MAX_RATIO ? first : once();
}
