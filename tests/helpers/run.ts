/** Runs the CLI two ways: in-process through `main` (fast, exact), and as the built bin in a subprocess (real). */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, it, TestRunner } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/claims.js", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("../fixtures", import.meta.url));

/**
 * True in the mutation run (`npm run mutate`, vitest.mutation.config.ts). Stryker mutates src/ in
 * its sandbox; the built dist/ never sees those mutants, so a test of the built bin there could
 * only pass, or fail for the wrong reason. Such tests are skipped there: written with `itBuilt` or
 * `describeBuilt`, or skipped when they call `runBin` (`skipTestOfBuild`).
 */
export const MUTATION_RUN = process.env.CLAIMS_MUTATION_RUN === "1";

/**
 * In the mutation run, skips the test that is running (a test that reaches the built bin is a
 * test of the build, whether or not it was written with `itBuilt`); outside a test (in a hook)
 * there is nothing to skip, so it throws, asking for `describeBuilt`.
 */
export function skipTestOfBuild(what: string): void {
  if (!MUTATION_RUN) return;
  const test = TestRunner.getCurrentTest();
  if (test === undefined) throw new Error(`${what} in the mutation run outside a test: write its block with describeBuilt (tests/helpers/run.ts)`);
  test.context.skip(`${what}: the built bin cannot see the mutants of the mutation run`);
}

/** `it` for a test of the built bin or package: skipped in the mutation run. */
export const itBuilt = it.skipIf(MUTATION_RUN);
/** `describe` for tests of the built bin or package: skipped in the mutation run. */
export const describeBuilt = describe.skipIf(MUTATION_RUN);

/**
 * `describe` for checks of scale (a megabyte archive, the whole YAML test suite as a ledger):
 * skipped in the mutation run, where instrumented code runs an order of magnitude slower and speed
 * is not what is measured. Smaller tests pin the behaviour they check.
 */
export const describeAtScale = describe.skipIf(MUTATION_RUN);
/** `it` for a check of scale (see `describeAtScale`). */
export const itAtScale = it.skipIf(MUTATION_RUN);

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly tty?: boolean;
  readonly columns?: number;
}

/** Calls `main` with captured streams; colour is off unless the env asks for it. */
export async function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
    stdoutIsTTY: options.tty ?? false,
    columns: options.columns,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs the built bin as a subprocess (run `npm run build` first; `npm test` does). */
export function runBin(args: readonly string[], options: RunOptions & { timeout?: number } = {}): RunResult {
  // Fails loudly rather than letting the unmutated bin count as a test of a mutant.
  if (MUTATION_RUN) skipTestOfBuild("runBin");
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: "utf8",
    timeout: options.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
