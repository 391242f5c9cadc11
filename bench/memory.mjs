// The large-memory run of `npm run bench` (opt-in: `--memory`; minutes of work, not for CI):
// peak RSS of `claims check --format json` on the 200,000-file ledger against 1 GiB, and on single
// claims of many statements (bench/big-claim.mjs) against 500 MiB, each run once. The big claims
// are also timed at two sizes, so that work growing faster than the statements shows.

import { relative } from "node:path";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { ensureLedger, OUT_DIR } from "./generate.mjs";
import { ensureBigClaim } from "./big-claim.mjs";

export const TARGET_PEAK_MIB_LARGE = 1024; // check --format json at 200,000 files
export const TARGET_PEAK_MIB_BIG_CLAIM = 500; // one claim of 20,000 statements from 2,000 sources
/** Defaults: the claim, and two that fit under the 300,000-token limit of one file, for the time per statement. */
export const DEFAULT_BIG_CLAIMS = ["4000x2000", "8000x2000", "20000x2000"];

/**
 * `STATEMENTSxSOURCES` as given to `--big-claims`.
 * @param {string} spec
 */
export function parseBigClaim(spec) {
  const m = /^(\d+)x(\d+)$/.exec(spec.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`--big-claims takes STATEMENTSxSOURCES, e.g. 20000x2000, not '${spec}'`);
  return { statements: Number(m[1]), sources: Number(m[2]) };
}

/**
 * @typedef {{ ms: number, cpuMs: number | null, peakKiB: number | null, status: number | null, timedOut: boolean, stderr: string }} Sample
 * @typedef {{ runOnce: (args: string[], o: { rss: string, timeoutS: number, stdoutFile?: string, cwd?: string }) => Sample, readSummary: (file: string) => any, log: (s: string) => void, fmtN: (n: number | null | undefined) => string, fmtMs: (ms: number) => string, root: string, bin: string, rss: string }} Harness
 */

/**
 * Runs the large-memory measurements; returns the table's rows, and adds to `targets` and `failures`.
 * @param {{ memorySize: number, bigClaims: string[], seed: number, timeout: number }} o
 * @param {Harness} h
 * @param {string[]} failures @param {string[][]} targets
 */
export function memoryRows(o, h, failures, targets) {
  /** @type {string[][]} */
  const rows = [];
  const check = (/** @type {string} */ dir, /** @type {string} */ out) => {
    const stdoutFile = join(OUT_DIR, out);
    const s = h.runOnce([h.bin, "check", "--no-ignore", "--format", "json", relative(h.root, dir) || "."], { rss: h.rss, timeoutS: o.timeout, stdoutFile });
    return { s, summary: s.status === 0 || s.status === 1 ? h.readSummary(stdoutFile) : null, stdoutFile };
  };
  const peakOf = (/** @type {Sample} */ s) => (s.peakKiB === null ? null : s.peakKiB / 1024);
  const verdict = (/** @type {number | null} */ peak, /** @type {number} */ target) => (peak !== null && peak <= target ? "PASS" : "FAIL");

  // --- the large ledger
  const { dir, manifest } = ensureLedger(o.memorySize, o.seed, { log: h.log });
  h.log(`memory: check --format json at ${h.fmtN(o.memorySize)} files (one run) …`);
  const large = check(dir, `check-${o.memorySize}-${o.seed}.json`);
  const largePeak = peakOf(large.s);
  const complete = large.summary !== null && large.summary.claims === manifest.claims;
  const largeVerdict = complete ? verdict(largePeak, TARGET_PEAK_MIB_LARGE) : "FAIL (no complete report)";
  h.log(`  ${h.fmtMs(large.s.ms)} ms, CPU ${h.fmtMs(large.s.cpuMs ?? NaN)} ms, peak ${largePeak?.toFixed(0)} MiB, exit ${large.s.status}`);
  rows.push([`check --format json, ${h.fmtN(o.memorySize)} files`, `${h.fmtN(large.summary?.claims)} claims, ${h.fmtN(large.summary?.statements)} statements`, h.fmtMs(large.s.ms), h.fmtMs(large.s.cpuMs ?? NaN), largePeak === null ? "—" : largePeak.toFixed(0), `≤ ${TARGET_PEAK_MIB_LARGE}`, largeVerdict]);
  targets.push([`peak RSS ≤ ${TARGET_PEAK_MIB_LARGE} MiB at ${h.fmtN(o.memorySize)} files`, largePeak === null ? "no result" : `${largePeak.toFixed(0)} MiB`, largeVerdict]);
  if (largeVerdict !== "PASS") failures.push(`peak RSS at ${h.fmtN(o.memorySize)} files is ${largePeak?.toFixed(0) ?? "n/a"} MiB (target ≤ ${TARGET_PEAK_MIB_LARGE} MiB)${complete ? "" : ", and the report is not complete"}`);

  // --- single claims of many statements
  /** @type {{ statements: number, cpuMs: number | null }[]} */
  const timed = [];
  for (const spec of o.bigClaims) {
    const { statements, sources } = parseBigClaim(spec);
    const big = ensureBigClaim(statements, sources, o.seed, { log: h.log });
    h.log(`memory: one claim of ${h.fmtN(statements)} statements from ${h.fmtN(sources)} sources …`);
    const run = check(big.dir, `check-claim-${spec}.json`);
    const peak = peakOf(run.s);
    const checked = run.summary?.claims === 1 && run.summary?.statements === statements;
    // A file over the token limit is refused, with a yaml-syntax error, before it is composed.
    const refused = !checked && run.summary !== null && readFileSync(run.stdoutFile, "utf8").includes("YAML tokens");
    const result = checked ? verdict(peak, TARGET_PEAK_MIB_BIG_CLAIM) : refused ? "REFUSED (over the token limit of one file)" : "FAIL (not checked)";
    if (checked) timed.push({ statements, cpuMs: run.s.cpuMs });
    h.log(`  ${h.fmtMs(run.s.ms)} ms, CPU ${h.fmtMs(run.s.cpuMs ?? NaN)} ms, peak ${peak?.toFixed(0)} MiB: ${result}`);
    rows.push([`check --format json, one claim ${spec}`, checked ? `${h.fmtN(statements)} statements` : "not checked", h.fmtMs(run.s.ms), h.fmtMs(run.s.cpuMs ?? NaN), peak === null ? "—" : peak.toFixed(0), `≤ ${TARGET_PEAK_MIB_BIG_CLAIM}`, result]);
    targets.push([`peak RSS ≤ ${TARGET_PEAK_MIB_BIG_CLAIM} MiB, one claim of ${h.fmtN(statements)} statements from ${h.fmtN(sources)} sources`, peak === null ? "no result" : `${peak.toFixed(0)} MiB`, result]);
    if (result !== "PASS") failures.push(`one claim of ${h.fmtN(statements)} statements: ${result}, peak ${peak?.toFixed(0) ?? "n/a"} MiB`);
  }
  // CPU time per statement from the smallest checked claim to the largest: near 1× is linear (start-up makes it less).
  if (timed.length >= 2 && timed.every((t) => t.cpuMs !== null)) {
    const [a, b] = [timed[0], timed.at(-1)];
    const growth = /** @type {number} */ (b.cpuMs) / b.statements / (/** @type {number} */ (a.cpuMs) / a.statements);
    const pass = growth <= 1.25;
    targets.push([`CPU per statement, one claim, ${h.fmtN(a.statements)} → ${h.fmtN(b.statements)} statements ≤ 1.25×`, `${growth.toFixed(2)}×`, pass ? "PASS" : "FAIL (super-linear!)"]);
    if (!pass) failures.push(`one claim: CPU per statement grows ${growth.toFixed(2)}× from ${a.statements} to ${b.statements} statements`);
  }
  return rows;
}
