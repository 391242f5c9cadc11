// `npm run bench`: how `claims check` scales against the parse-only baseline.
//
//   node bench/run.mjs [--sizes 1000,10000,50000] [--quick] [--seed 42] [--runs N]
//                      [--startup-runs N] [--no-startup] [--profile] [--rss node|time]
//                      [--timeout SECONDS] [--no-snapshot] [--commands NAMES | --no-commands]
//                      [--command-runs N] [--command-size N] [--no-cache] [--peer]
//                      [--memory [--memory-size N] [--big-claims 4000x2000,8000x2000,20000x2000]]
//                      [--misquotes SHARE] [--archive-scale N] [--no-archive-heavy]
//   node bench/run.mjs --summarise-profile FILE.cpuprofile
//
// For each size: generate (or reuse) bench/out/<n>-<seed>/, then measure wall time and peak RSS
// of `node bin/claims.js check --format json <dir>` (stdout to a file) and of
// `node bench/baseline.mjs <dir>`, 5 runs each (1 at ≥ 50,000 files), interleaved, medians (a
// ratio is the median of the rounds' ratios, each check against the baseline run beside it). Then
// every command and format at 10,000 files, `check --cache` cold and warm, `check` on the
// archive-heavy ledger (30 % misquotes), and (--peer) sourcemeta's jsonschema CLI, each paired
// with the baseline (bench/README.md). Then
// start-up: `node -e 0` vs `claims --version` vs `claims check claims/`, interleaved. Prints tables, PASS/FAIL against the
// targets, and writes the Markdown to bench/out/results.md. Always exits 0 unless the harness
// itself breaks: it is a measurement.

import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureLedger, OUT_DIR, parseScale, parseShare } from "./generate.mjs";
import { COMMANDS, outputName, selectCommands } from "./commands.mjs";
import { DEFAULT_BIG_CLAIMS, memoryRows, parseBigClaim } from "./memory.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
let BIN = join(ROOT, "bin", "claims.js");
const BASELINE = join(ROOT, "bench", "baseline.mjs");
const PEAK_RSS_HOOK = join(ROOT, "bench", "peak-rss.cjs");
const NODE = process.execPath;

// Targets
const TARGET_RATIO_AT_10K = 1.5; // check ≤ 1.5 × baseline at 10,000 files
const TARGET_PEAK_MIB_AT_50K = 500; // peak RSS < 500 MiB at 50,000 files
const TARGET_VERSION_STARTUP = 1.5; // `claims --version` ≤ 1.5 × `node -e 0`
const TARGET_CHECK_STARTUP = 2.5; // `claims check claims/` ≤ 2.5 × `node -e 0`
const TARGET_ARCHIVE_HEAVY = 2; // check of the archive-heavy ledger ≤ 2 × its baseline at 10,000 files
const SUPERLINEAR = 1.25; // time per file grows more than this between sizes

// ---------------------------------------------------------------------------------------------
// Options

/** @param {string[]} argv */
function parseArgs(argv) {
  const o = { memory: false, memorySize: 200000, bigClaims: DEFAULT_BIG_CLAIMS, peer: false, cache: true, commands: /** @type {string | null} */ ("all"), commandRuns: 3, commandSize: /** @type {number | undefined} */ (undefined), snapshot: true, sizes: [1000, 10000, 50000], seed: 42, runs: /** @type {number | undefined} */ (undefined), startupRuns: 10, startup: true, profile: false, rss: /** @type {"auto" | "node" | "time"} */ ("auto"), timeout: 900, quick: false, archiveHeavy: true, misquotes: 0.3, archiveScale: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const name = a.split("=")[0];
    if (name === "--sizes") o.sizes = val().split(",").map((s) => Number(s.replace(/[_k]$/i, (m) => (m.toLowerCase() === "k" ? "000" : "")))).filter((n) => n > 0);
    else if (name === "--quick") { o.quick = true; o.sizes = [100, 300, 1000]; o.startupRuns = 3; o.runs = 1; o.commandRuns = 1; }
    else if (name === "--seed") o.seed = Number(val());
    else if (name === "--runs") o.runs = Number(val());
    else if (name === "--startup-runs") o.startupRuns = Number(val());
    else if (name === "--no-startup") o.startup = false;
    else if (name === "--commands") o.commands = val();
    else if (name === "--no-commands") o.commands = null;
    else if (name === "--no-cache") o.cache = false;
    else if (name === "--misquotes") o.misquotes = parseShare(val());
    else if (name === "--archive-scale") o.archiveScale = parseScale(val());
    else if (name === "--no-archive-heavy") o.archiveHeavy = false;
    else if (name === "--peer") o.peer = true;
    else if (name === "--memory") o.memory = true;
    else if (name === "--memory-size") o.memorySize = Number(val());
    else if (name === "--big-claims") o.bigClaims = val().split(",").filter((x) => x.trim() !== "");
    else if (name === "--command-runs") o.commandRuns = Number(val());
    else if (name === "--command-size") o.commandSize = Number(val());
    else if (name === "--no-snapshot") o.snapshot = false;
    else if (name === "--profile") o.profile = true;
    else if (name === "--rss") o.rss = /** @type {any} */ (val());
    else if (name === "--timeout") o.timeout = Number(val());
    else if (name === "-h" || name === "--help") {
      console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).slice(0, 20).map((l) => l.slice(3)).join("\n"));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (o.sizes.length === 0 || o.sizes.some((n) => !Number.isInteger(n))) throw new Error("--sizes takes integers, e.g. --sizes 1000,10000");
  if (!Number.isInteger(o.memorySize) || o.memorySize < 1) throw new Error("--memory-size takes a number of files, e.g. 200000");
  o.bigClaims.forEach(parseBigClaim);
  return o;
}

// ---------------------------------------------------------------------------------------------
// A frozen copy of the built CLI

/**
 * Copy bin/ and dist/ (esbuild bundles every dependency) to bench/out/app/, so that a rebuild
 * while the benchmark runs (npm run build empties dist/) cannot break or mix measurements, and
 * the CPU profile's source maps still exist when it is summarised. Retries while dist/ is being
 * rebuilt. Returns the path of the copied bin, or null.
 */
function snapshotApp() {
  const app = join(OUT_DIR, "app");
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      rmSync(app, { recursive: true, force: true });
      mkdirSync(app, { recursive: true });
      cpSync(join(ROOT, "bin"), join(app, "bin"), { recursive: true });
      cpSync(join(ROOT, "dist"), join(app, "dist"), { recursive: true });
      copyFileSync(join(ROOT, "package.json"), join(app, "package.json"));
      const bin = join(app, "bin", "claims.js");
      const smoke = existsSync(join(ROOT, "claims")) ? ["check", "--format", "json", "claims"] : ["--version"];
      const r = spawnSync(NODE, [bin, ...smoke], { stdio: "ignore", cwd: ROOT });
      if (r.status === 0 || r.status === 1) return bin;
    } catch {
      // dist/ changed under us; try again
    }
    spawnSync(NODE, ["-e", "setTimeout(() => {}, 2000)"]);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Measuring one process

const TMP = join(OUT_DIR, "tmp");

/** Is GNU time usable (`-f %M -o FILE`)? */
function haveGnuTime() {
  if (!existsSync("/usr/bin/time")) return false;
  const f = join(TMP, "time-probe");
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", "-o", f, NODE, "-e", "0"], { stdio: "ignore" });
  return r.status === 0 && existsSync(f) && /^\d+ [\d.]+ [\d.]+\s*$/.test(readFileSync(f, "utf8"));
}

/**
 * @typedef {{ ms: number, cpuMs: number | null, peakKiB: number | null, status: number | null, signal: string | null, timedOut: boolean, stderr: string }} Sample
 */

/**
 * Run `node <args>` once; wall time, peak RSS, exit status. stdout goes to `stdoutFile` (or is
 * discarded), so the harness never holds a report in memory.
 * @param {string[]} args arguments to node
 * @param {{ stdoutFile?: string, rss: "time" | "node", timeoutS: number, cwd?: string }} o
 * @returns {Sample}
 */
function runOnce(args, o) {
  const rssFile = join(TMP, `rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const errFile = join(TMP, `stderr-${process.pid}`);
  const out = o.stdoutFile ? openSync(o.stdoutFile, "w") : "ignore";
  const err = openSync(errFile, "w");
  /** @type {string} */
  let cmd = NODE;
  let argv = args;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  if (o.rss === "time") {
    cmd = "/usr/bin/time";
    argv = ["-f", "%M %U %S", "-o", rssFile, NODE, ...args];
  } else {
    env.NODE_OPTIONS = `--require ${JSON.stringify(PEAK_RSS_HOOK)}`;
    env.BENCH_PEAK_RSS_FILE = rssFile;
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: o.cwd ?? ROOT, env, stdio: ["ignore", out, err], timeout: o.timeoutS * 1000, killSignal: "SIGKILL" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (typeof out === "number") closeSync(out);
  closeSync(err);
  let peakKiB = null;
  let cpuMs = null;
  if (existsSync(rssFile)) {
    // "<maxRSS KiB> <user s> <sys s>"; GNU time may prefix a "Command exited with non-zero status" line.
    const m = readFileSync(rssFile, "utf8").trim().match(/(\d+) ([\d.]+) ([\d.]+)\s*$/);
    if (m) { peakKiB = Number(m[1]); cpuMs = (Number(m[2]) + Number(m[3])) * 1000; }
  }
  const stderr = readFileSync(errFile, "utf8");
  return { ms, cpuMs, peakKiB, status: r.status, signal: r.signal, timedOut: r.error?.code === "ETIMEDOUT" || (r.signal === "SIGKILL" && ms >= o.timeoutS * 1000), stderr };
}

/**
 * The median over runs of `a`'s time over `b`'s in the same round. Runs are interleaved, so each
 * round's two runs met the same load on a shared machine: their ratio cancels the drift that a
 * ratio of the two medians (taken from different rounds) would keep.
 * @param {number[]} a
 * @param {number[]} b
 */
function pairedRatio(a, b) {
  const ratios = a.map((x, i) => x / b[i]).filter((r) => Number.isFinite(r));
  return ratios.length ? median(ratios) : NaN;
}

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Run each job `runs` times, interleaved (a, b, a, b, …), so that a shared machine's drift in
 * speed falls on every job alike and their ratio is fair. A job that times out or fails stops.
 * @param {{ args: string[], o: { rss: string, timeoutS: number, label: string, okStatus?: number[], stdoutFile?: string } }[]} jobs
 * @param {number} runs
 */
function measureInterleaved(jobs, runs) {
  /** @type {Sample[][]} */
  const samples = jobs.map(() => []);
  const stopped = jobs.map(() => false);
  for (let i = 0; i < runs; i++) {
    jobs.forEach(({ args, o }, j) => {
      if (stopped[j]) return;
      const s = runOnce(args, o);
      samples[j].push(s);
      if (s.timedOut) {
        log(`    ${o.label}: timed out after ${o.timeoutS} s`);
        stopped[j] = true;
      } else if (!(o.okStatus ?? [0]).includes(/** @type {number} */ (s.status))) {
        log(`    ${o.label}: exit ${s.status ?? s.signal}; stderr: ${s.stderr.trim().split("\n").slice(-5).join(" | ").slice(0, 500)}`);
        stopped[j] = true;
      }
    });
  }
  return jobs.map(({ o }, j) => summarise(samples[j], runs, o));
}

/**
 * Median wall and CPU time and the peak RSS of a job's samples.
 * @param {Sample[]} samples
 * @param {number} runs
 * @param {{ okStatus?: number[] }} o
 */
function summarise(samples, runs, o) {
  const good = samples.filter((s) => !s.timedOut && (o.okStatus ?? [0]).includes(/** @type {number} */ (s.status)));
  const peaks = samples.map((s) => s.peakKiB).filter((x) => x !== null);
  return {
    ok: good.length === samples.length && samples.length === runs,
    timedOut: samples.some((s) => s.timedOut),
    ms: good.length ? median(good.map((s) => s.ms)) : samples.length ? Math.max(...samples.map((s) => s.ms)) : NaN,
    all: samples.map((s) => Math.round(s.ms)),
    /** Each run's wall and CPU time, in run order (NaN for a failed run), for ratios run by run. */
    runMs: samples.map((s) => (good.includes(s) ? s.ms : NaN)),
    runCpuMs: samples.map((s) => (good.includes(s) && s.cpuMs !== null ? s.cpuMs : NaN)),
    cpuMs: good.length && good.every((s) => s.cpuMs !== null) ? median(good.map((s) => /** @type {number} */ (s.cpuMs))) : null,
    peakMiB: peaks.length ? Math.max(.../** @type {number[]} */ (peaks)) / 1024 : null,
    status: samples.at(-1)?.status ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Every command and format

/**
 * Each command of bench/commands.mjs against the baseline at one size, in pairs (baseline, then
 * the command, at once), `o.commandRuns` rounds: each ratio is the median of its pairs' ratios.
 * The outputs are kept in bench/out/outputs/ (to compare two builds' bytes with `cmp`).
 * @param {number} size @param {any} o @param {"time" | "node"} rss @param {string[]} failures @param {string[][]} targets
 */
function commandRows(size, o, rss, failures, targets) {
  const { dir } = ensureLedger(size, o.seed, { log });
  const rel = relative(ROOT, dir) || ".";
  const outDir = join(OUT_DIR, "outputs");
  mkdirSync(outDir, { recursive: true });
  const chosen = selectCommands(o.commands);
  log(`commands at ${fmtN(size)} files: ${chosen.length} commands × ${o.commandRuns} pair(s) with the baseline …`);
  const loads = [loadAverage()];
  /** @type {string[][] & { load?: string }} */
  const rows = [];
  for (const [name, args] of chosen) {
    const stdoutFile = join(outDir, outputName(name));
    const [base, run] = measureInterleaved(
      [
        { args: [BASELINE, rel], o: { rss, timeoutS: o.timeout, label: "baseline" } },
        { args: [BIN, ...args.map((a) => (a === "DIR" ? rel : a))], o: { rss, timeoutS: o.timeout, stdoutFile, okStatus: [0, 1], label: name } },
      ],
      o.commandRuns,
    );
    loads.push(loadAverage());
    const ratio = run.ok && base.ok ? pairedRatio(run.runMs, base.runMs) : NaN;
    const cpu = run.cpuMs !== null && base.cpuMs !== null ? pairedRatio(run.runCpuMs, base.runCpuMs) : NaN;
    const pairs = run.runMs.map((ms, i) => (ms / base.runMs[i]).toFixed(2)).join(", ");
    log(`  ${name}: ${fmtMs(run.ms)} ms, pairs [${pairs}], median ${ratio.toFixed(2)}×, CPU ${cpu.toFixed(2)}×, load ${loads.at(-1)}`);
    const pass = ratio <= TARGET_RATIO_AT_10K;
    if (!pass) failures.push(`${name} at ${fmtN(size)} files is ${Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a"}× the baseline (target ≤ ${TARGET_RATIO_AT_10K}×)`);
    targets.push([`${name} ≤ ${TARGET_RATIO_AT_10K}× baseline at ${fmtN(size)} files`, Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "no result", pass ? "PASS" : "FAIL"]);
    rows.push([
      `claims ${args.map((a) => (a === "DIR" ? "…" : a)).filter((a) => a !== "--no-ignore").join(" ")}`,
      run.ok ? fmtMs(run.ms) : `failed (exit ${run.status})`,
      Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—",
      pairs,
      Number.isFinite(cpu) ? `${cpu.toFixed(2)}×` : "—",
      run.peakMiB === null ? "—" : run.peakMiB.toFixed(0),
      existsSync(stdoutFile) ? fmtN(statSync(stdoutFile).size) : "—",
      pass ? "PASS" : "FAIL",
    ]);
  }
  rows.load = `${loads[0]} at the start, ${loads.at(-1)} at the end (1, 5 and 15 minutes)`;
  return rows;
}

/**
 * `check --cache --format json` against the baseline: cold (no cache file: everything parsed, the
 * cache written) and warm (one claim file of the ledger changed since the last run: that file
 * parsed, the rest from the cache), each in pairs with the baseline. The changed file gets a
 * comment line naming the round, and is restored at the end. The outputs of the last warm and
 * cold runs are compared byte for byte with a run without the cache.
 * @param {number} size @param {any} o @param {"time" | "node"} rss @param {string[]} failures @param {string[][]} targets
 */
function cacheRows(size, o, rss, failures, targets) {
  const { dir } = ensureLedger(size, o.seed, { log });
  const rel = relative(ROOT, dir) || ".";
  const cacheDir = join(OUT_DIR, "cache");
  const edited = join(dir, "claims", "c-00001.yaml");
  const original = readFileSync(edited);
  const outDir = join(OUT_DIR, "outputs");
  mkdirSync(outDir, { recursive: true });
  const args = (/** @type {string} */ out) => ({ args: [BIN, "check", "--no-ignore", "--cache", "--cache-location", `${cacheDir}/`, "--format", "json", rel], o: { rss, timeoutS: o.timeout, stdoutFile: join(outDir, out), okStatus: [0, 1], label: "check --cache" } });
  const base = { args: [BASELINE, rel], o: { rss, timeoutS: o.timeout, label: "baseline" } };
  /** @type {{ cold: Sample[], warm: Sample[], baseCold: Sample[], baseWarm: Sample[] }} */
  const s = { cold: [], warm: [], baseCold: [], baseWarm: [] };
  const loads = [loadAverage()];
  log(`cache at ${fmtN(size)} files: ${o.commandRuns} cold and ${o.commandRuns} warm run(s), each paired with the baseline …`);
  try {
    for (let round = 0; round < o.commandRuns; round++) {
      rmSync(cacheDir, { recursive: true, force: true });
      s.baseCold.push(runOnce(base.args, base.o));
      const cold = args("check-cache-cold.out");
      s.cold.push(runOnce(cold.args, cold.o));
      writeFileSync(edited, Buffer.concat([original, Buffer.from(`# bench edit ${round}\n`)]));
      s.baseWarm.push(runOnce(base.args, base.o));
      const warm = args("check-cache-warm.out");
      s.warm.push(runOnce(warm.args, warm.o));
      loads.push(loadAverage());
    }
    // The same ledger without the cache, for the bytes.
    runOnce([BIN, "check", "--no-ignore", "--format", "json", rel], { rss, timeoutS: o.timeout, stdoutFile: join(outDir, "check-nocache.out") });
  } finally {
    writeFileSync(edited, original);
  }
  const same = readFileSync(join(outDir, "check-cache-warm.out")).equals(readFileSync(join(outDir, "check-nocache.out")));
  /** @type {string[][] & { load?: string }} */
  const rows = [];
  for (const [name, runs, bases, target] of /** @type {const} */ ([["cold (cache written)", s.cold, s.baseCold, null], ["warm, one file changed", s.warm, s.baseWarm, 0.2]])) {
    const ms = runs.map((r) => r.ms);
    const ratio = pairedRatio(ms, bases.map((b) => b.ms));
    const cpu = pairedRatio(runs.map((r) => r.cpuMs ?? NaN), bases.map((b) => b.cpuMs ?? NaN));
    const pass = target === null || ratio <= target;
    if (target !== null) {
      targets.push([`check --cache, ${name} ≤ ${target}× baseline at ${fmtN(size)} files`, `${ratio.toFixed(2)}×`, pass ? "PASS" : "FAIL"]);
      if (!pass) failures.push(`check --cache, ${name}, at ${fmtN(size)} files is ${ratio.toFixed(2)}× the baseline (target ≤ ${target}×)`);
    }
    const peaks = runs.map((r) => r.peakKiB).filter((x) => x !== null);
    rows.push([`check --cache --format json, ${name}`, fmtMs(median(ms)), `${ratio.toFixed(2)}×`, ms.map((m, i) => (m / bases[i].ms).toFixed(2)).join(", "), Number.isFinite(cpu) ? `${cpu.toFixed(2)}×` : "—", peaks.length ? (Math.max(.../** @type {number[]} */ (peaks)) / 1024).toFixed(0) : "—", target === null ? "—" : same ? "byte-identical" : "DIFFERS", target === null ? "—" : pass ? "PASS" : "FAIL"]);
  }
  if (!same) failures.push("the warm run's report differs from the run without the cache");
  rows.load = `${loads[0]} at the start, ${loads.at(-1)} at the end`;
  return rows;
}

/**
 * Whether a check report holds exactly the intended diagnostics of a generated ledger: a
 * `quote-not-found` per misquote, a `quote-unchecked` per quote without `in`, nothing else, and
 * every file and claim counted.
 * @param {string} reportFile @param {{ misquotes: number, unchecked: number, claims: number, files: number }} manifest
 */
function validateReport(reportFile, manifest) {
  const summary = readSummary(reportFile);
  if (!summary) return { summary: null, counts: {}, validation: "no report" };
  const counts = countDiagnostics(reportFile);
  const expected = { "error quote-not-found": manifest.misquotes, "info quote-unchecked": manifest.unchecked };
  const problems = [];
  for (const [k, n] of Object.entries(counts)) {
    if (!(k in expected)) problems.push(`${n} × ${k}`);
  }
  for (const [k, n] of Object.entries(expected)) if ((counts[k] ?? 0) !== n) problems.push(`${k}: ${counts[k] ?? 0}, expected ${n}`);
  if (summary.claims !== manifest.claims) problems.push(`summary.claims ${summary.claims}, expected ${manifest.claims}`);
  if (summary.files !== manifest.files) problems.push(`summary.files ${summary.files}, expected ${manifest.files}`);
  return { summary, counts, validation: problems.length ? `UNEXPECTED: ${problems.join("; ")}` : "as intended" };
}

/**
 * The archive-heavy shape (issue 19): `check --format json` of a ledger whose quotes are 30 % misquotes
 * (`--misquotes`; archives `--archive-scale` times as long), in pairs with the baseline on the same
 * ledger. Every misquote costs a closest-passage search of its archive, so this row shows what
 * those searches add; its report is checked for exactly one `quote-not-found` per misquote.
 * @param {number} size @param {any} o @param {"time" | "node"} rss @param {string[]} failures @param {string[][]} targets
 */
function archiveHeavyRows(size, o, rss, failures, targets) {
  const { dir, manifest } = ensureLedger(size, o.seed, { log, misquotes: o.misquotes, archiveScale: o.archiveScale });
  const rel = relative(ROOT, dir) || ".";
  const reportFile = join(OUT_DIR, "outputs", "check-archive-heavy.out");
  mkdirSync(dirname(reportFile), { recursive: true });
  const shape = `${Math.round(o.misquotes * 100)} % misquotes${o.archiveScale === 1 ? "" : `, archives ×${o.archiveScale}`}`;
  log(`archive-heavy ledger at ${fmtN(size)} files (${shape}: ${fmtN(manifest.misquotes)} misquotes of ${fmtN(manifest.quotes)} quotes): ${o.commandRuns} pair(s) with its baseline …`);
  const loads = [loadAverage()];
  // Exit 1 is expected: the misquotes are quote-not-found errors.
  const [base, run] = measureInterleaved(
    [
      { args: [BASELINE, rel], o: { rss, timeoutS: o.timeout, label: "baseline" } },
      { args: [BIN, "check", "--no-ignore", "--format", "json", rel], o: { rss, timeoutS: o.timeout, stdoutFile: reportFile, okStatus: [0, 1], label: "check (archive-heavy)" } },
    ],
    o.commandRuns,
  );
  loads.push(loadAverage());
  const ratio = run.ok && base.ok ? pairedRatio(run.runMs, base.runMs) : NaN;
  const cpu = run.cpuMs !== null && base.cpuMs !== null ? pairedRatio(run.runCpuMs, base.runCpuMs) : NaN;
  const pairs = run.runMs.map((ms, i) => (ms / base.runMs[i]).toFixed(2)).join(", ");
  const { validation } = run.ok ? validateReport(reportFile, manifest) : { validation: "—" };
  log(`  check: ${fmtMs(run.ms)} ms, pairs [${pairs}], median ${ratio.toFixed(2)}×, CPU ${cpu.toFixed(2)}×, report ${validation}, load ${loads.at(-1)}`);
  const pass = ratio <= TARGET_ARCHIVE_HEAVY;
  const what = `check --format json, ${shape}`;
  targets.push([`${what} ≤ ${TARGET_ARCHIVE_HEAVY}× baseline at ${fmtN(size)} files`, Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "no result", pass ? "PASS" : "FAIL"]);
  if (!pass) failures.push(`${what} at ${fmtN(size)} files is ${Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a"}× the baseline (target ≤ ${TARGET_ARCHIVE_HEAVY}×)`);
  if (validation !== "as intended") failures.push(`the archive-heavy report is not as intended: ${validation}`);
  /** @type {string[][] & { load?: string }} */
  const rows = [[`claims ${what} (${fmtN(manifest.misquotes)} misquotes)`, run.ok ? fmtMs(run.ms) : `failed (exit ${run.status})`, Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—", pairs, Number.isFinite(cpu) ? `${cpu.toFixed(2)}×` : "—", run.peakMiB === null ? "—" : run.peakMiB.toFixed(0), validation, pass ? "PASS" : "FAIL"]];
  rows.load = `${loads[0]} at the start, ${loads.at(-1)} at the end`;
  return rows;
}

/** The peer: sourcemeta's JSON Schema CLI (native), pinned, installed from npm into bench/out/peer/ on first use. */
const PEER_PACKAGE = "@sourcemeta/jsonschema@16.11.0";

/**
 * The peer's schema-only validation of the same ledger against `claims schema`, in pairs with the
 * baseline, run through the package's own command (`npm/cli.js`, as npx runs it). Null when it
 * cannot be installed or run here.
 * @param {number} size @param {any} o @param {"time" | "node"} rss
 */
function peerRows(size, o, rss) {
  const { dir } = ensureLedger(size, o.seed, { log });
  const peerDir = join(OUT_DIR, "peer");
  const cli = join(peerDir, "node_modules", "@sourcemeta", "jsonschema", "npm", "cli.js");
  if (!existsSync(cli)) {
    mkdirSync(peerDir, { recursive: true });
    log(`installing ${PEER_PACKAGE} into ${relative(ROOT, peerDir)} …`);
    const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", peerDir, PEER_PACKAGE], { stdio: "ignore", timeout: 300_000 });
    if (npm.status !== 0 || !existsSync(cli)) { log("  the peer could not be installed; no peer row"); return null; }
  }
  const schema = join(peerDir, "claims.schema.json");
  const out = spawnSync(NODE, [BIN, "schema"], { encoding: "utf8" });
  writeFileSync(schema, out.stdout);
  const rel = relative(ROOT, dir) || ".";
  const peerArgs = [cli, "validate", schema, join(rel, "claims"), join(rel, "sources.yaml"), join(rel, "documents.yaml"), "--extension", ".yaml", "--fast"];
  const [base, peer] = measureInterleaved(
    [
      { args: [BASELINE, rel], o: { rss, timeoutS: o.timeout, label: "baseline" } },
      { args: peerArgs, o: { rss, timeoutS: o.timeout, label: "jsonschema", stdoutFile: join(OUT_DIR, "outputs", "peer.out") } },
    ],
    o.commandRuns,
  );
  if (!peer.ok) { log("  the peer did not run cleanly; no peer row"); return null; }
  const ratio = pairedRatio(peer.runMs, base.runMs);
  const cpu = pairedRatio(peer.runCpuMs, base.runCpuMs);
  log(`  jsonschema: ${fmtMs(peer.ms)} ms, median ${ratio.toFixed(2)}×, CPU ${cpu.toFixed(2)}× (CPU of the node wrapper and the native child, per /usr/bin/time)`);
  return ["sourcemeta jsonschema validate --fast (native, schema only)", fmtMs(peer.ms), `${ratio.toFixed(2)}×`, peer.runMs.map((m, i) => (m / base.runMs[i]).toFixed(2)).join(", "), Number.isFinite(cpu) ? `${cpu.toFixed(2)}×` : "—", peer.peakMiB === null ? "—" : peer.peakMiB.toFixed(0), "—", "—"];
}

/** The machine's load average, as `uptime` gives it. */
function loadAverage() {
  return loadavg().map((x) => x.toFixed(2)).join(" ");
}

// ---------------------------------------------------------------------------------------------
// Reading the report cheaply

/**
 * Extract `summary` from a JSON report without parsing the whole file: read the head, find the
 * key, match braces (strings respected). Falls back to a full parse if it is not near the top.
 * @param {string} file
 */
function readSummary(file) {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(Math.min(statSync(file).size, 1 << 20));
  readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const head = buf.toString("utf8");
  const k = head.indexOf('"summary"');
  if (k >= 0) {
    const start = head.indexOf("{", k);
    let depth = 0;
    let inStr = false;
    for (let i = start; i < head.length; i++) {
      const c = head[i];
      if (inStr) { if (c === "\\") i++; else if (c === '"') inStr = false; continue; }
      if (c === '"') inStr = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) return JSON.parse(head.slice(start, i + 1));
    }
  }
  try { return JSON.parse(readFileSync(file, "utf8")).summary ?? null; } catch { return null; }
}

/**
 * Count diagnostics by severity and code, streaming the report in chunks (no full parse).
 * Relies on the report's key order `{"code": …, "severity": …}` (§11); it is only a cross-check.
 * @param {string} file
 * @returns {Record<string, number>}
 */
function countDiagnostics(file) {
  /** @type {Record<string, number>} */
  const counts = {};
  if (!existsSync(file)) return counts;
  const re = /"code"\s*:\s*"([^"\\]+)"\s*,\s*"severity"\s*:\s*"([^"\\]+)"/g;
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(4 << 20);
  let carry = "";
  let pos = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    pos += n;
    const text = carry + buf.toString("utf8", 0, n);
    const last = n === 0;
    const limit = last ? text.length : text.length - 256;
    let consumed = 0;
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) {
      if (m.index + m[0].length > limit) break;
      const key = `${m[2]} ${m[1]}`;
      counts[key] = (counts[key] ?? 0) + 1;
      consumed = m.index + m[0].length;
    }
    if (last) break;
    carry = text.slice(Math.max(consumed, limit));
  }
  closeSync(fd);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// CPU profile summary (source-mapped through dist/*.cjs.map when present)

/** Decode a source map's `mappings` into, per generated line, sorted [col, srcIdx, srcLine]. @param {any} map */
function decodeMappings(map) {
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const val = new Map([...B64].map((c, i) => [c, i]));
  /** @type {number[][][]} */
  const lines = [];
  let src = 0, sl = 0, sc = 0;
  for (const line of map.mappings.split(";")) {
    /** @type {number[][]} */
    const segs = [];
    let col = 0;
    for (const seg of line.split(",")) {
      if (!seg) continue;
      /** @type {number[]} */
      const f = [];
      let v = 0, shift = 0;
      for (const ch of seg) {
        const d = /** @type {number} */ (val.get(ch));
        v += (d & 31) << shift;
        if (d & 32) shift += 5;
        else { f.push(v & 1 ? -(v >>> 1) : v >>> 1); v = 0; shift = 0; }
      }
      col += f[0];
      if (f.length >= 4) { src += f[1]; sl += f[2]; sc += f[3]; segs.push([col, src, sl]); }
    }
    lines.push(segs);
  }
  return lines;
}

/** @param {string} profFile @param {number} top */
function summariseProfile(profFile, top = 15) {
  const prof = JSON.parse(readFileSync(profFile, "utf8"));
  /** @type {Map<number, any>} */
  const byId = new Map(prof.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  /** @type {Map<string, { sources: string[], lines: number[][][] } | null>} */
  const maps = new Map();
  /** @param {string} url */
  const mapFor = (url) => {
    if (maps.has(url)) return maps.get(url);
    let m = null;
    try {
      // The bundle runs as a vm script named by its path; other frames carry file URLs.
      const path = url.startsWith("file:") ? fileURLToPath(url) : url;
      const raw = JSON.parse(readFileSync(`${path}.map`, "utf8"));
      m = { sources: raw.sources.map((/** @type {string} */ s) => relative(ROOT, join(dirname(path), s)).replace(/^bench\/out\/app\//, "")), lines: decodeMappings(raw) };
    } catch { /* no map */ }
    maps.set(url, m);
    return m;
  };
  /** @param {any} cf */
  const locate = (cf) => {
    const url = cf.url || "";
    if (!url) return cf.functionName.startsWith("(") ? cf.functionName : "(native)";
    if (url.startsWith("node:")) return "node: internals";
    const m = url.startsWith("file:") ? mapFor(url) : null;
    if (m) {
      const segs = m.lines[cf.lineNumber] ?? [];
      let best = null;
      for (const s of segs) { if (s[0] <= cf.columnNumber) best = s; else break; }
      if (best) return `${m.sources[best[1]]}:${best[2] + 1}`;
    }
    return url.startsWith("file:") ? relative(ROOT, fileURLToPath(url)).replace(/^bench\/out\/app\//, "") : url;
  };
  /** @type {Map<string, number>} */
  const fns = new Map();
  /** @type {Map<string, number>} */
  const files = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const cf = byId.get(id).callFrame;
    total += us;
    const where = locate(cf);
    const file = where.replace(/:\d+$/, "");
    const group = file.includes("node_modules/") ? file.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+).*/, "node_modules/$1") : file;
    const fnKey = `${cf.functionName || "(anonymous)"}  ${where}`;
    fns.set(fnKey, (fns.get(fnKey) ?? 0) + us);
    files.set(group, (files.get(group) ?? 0) + us);
  }
  const fmt = (/** @type {Map<string, number>} */ m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ ms: Math.round(us / 1000), pct: ((100 * us) / total).toFixed(1), what: k }));
  return { totalMs: Math.round(total / 1000), functions: fmt(fns), files: fmt(files) };
}

// ---------------------------------------------------------------------------------------------
// Output

/** @type {string[]} */
const md = [];
/** @param {string} s */
function log(s) { process.stderr.write(`${s}\n`); }
const fmtMs = (/** @type {number} */ ms) => (Number.isFinite(ms) ? (ms >= 100 ? Math.round(ms).toLocaleString("en-US") : ms.toFixed(1)) : "—");
const fmtN = (/** @type {number | null | undefined} */ n) => (typeof n === "number" ? n.toLocaleString("en-US") : "—");

/** Print a table as aligned text, and keep its Markdown. @param {string[]} head @param {string[][]} rows */
function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // Text columns (any cell not starting like a number) are left-aligned, numbers right-aligned.
  const left = head.map((_, i) => i === 0 || rows.some((r) => !/^[-\d×.,—>]/.test(r[i])));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => (left[i] ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ").trimEnd();
  console.log(line(head));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows) console.log(line(r));
  const esc = (/** @type {string} */ c) => c.replace(/\|/g, "\\|");
  md.push(`| ${head.map(esc).join(" | ")} |`, `|${head.map((_, i) => (left[i] ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`), "");
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (process.argv[2] === "--summarise-profile") {
    // Summarise an existing .cpuprofile (e.g. from `node --cpu-prof bench/out/app/bin/claims.js …`).
    const s = summariseProfile(process.argv[3]);
    console.log(`${fmtN(s.totalMs)} ms sampled\n`);
    table(["self ms", "%", "file / package"], s.files.map((f) => [fmtN(f.ms), f.pct, f.what]));
    console.log("");
    table(["self ms", "%", "function  location"], s.functions.map((f) => [fmtN(f.ms), f.pct, f.what]));
    return;
  }
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(TMP, { recursive: true });
  if (!existsSync(join(ROOT, "dist", "cli.cjs"))) {
    log("dist/cli.cjs is missing: run `npm run build` (npm run bench does it).");
  }
  if (o.snapshot) {
    const bin = snapshotApp();
    if (bin) BIN = bin;
    else log("could not snapshot a working bin/ + dist/; measuring the live tree");
  }
  const rss = o.rss === "auto" ? (haveGnuTime() ? "time" : "node") : o.rss;
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const env = `Node ${process.version}, ${cpu} × ${cpus().length}, ${process.platform}; peak RSS and CPU via ${rss === "time" ? "/usr/bin/time" : "process.resourceUsage() (bench/peak-rss.cjs)"}; seed ${o.seed}`;
  console.log(`claims benchmark — ${env}\n`);
  md.push("# claims benchmark", "", `${new Date().toISOString().slice(0, 10)} — ${env}`, "");

  /** @type {{ size: number, files: number | null, claims: number | null, base: ReturnType<typeof summarise>, check: ReturnType<typeof summarise>, validation: string }[]} */
  const results = [];
  /** @type {string[]} */
  const failures = [];
  /** @type {string[]} */
  const notes = [];

  for (const size of o.sizes) {
    const { dir, manifest } = ensureLedger(size, o.seed, { log });
    const rel = relative(ROOT, dir) || ".";
    // Five runs: on a shared machine one slow run of three moves the median, and with it the ratio.
    const runs = o.runs ?? (size >= 50000 ? 1 : 5);
    // Warm the page cache so the first timed run is not penalised (untimed).
    runOnce([BASELINE, rel], { rss, timeoutS: o.timeout });
    log(`size ${fmtN(size)}: ${runs} run(s) each, baseline and check interleaved …`);
    const reportFile = join(OUT_DIR, `check-${size}-${o.seed}.json`);
    const [base, check] = measureInterleaved(
      [
        { args: [BASELINE, rel], o: { rss, timeoutS: o.timeout, label: "baseline" } },
        // Exit 1 is expected: the generated ledger holds deliberate misquotes (quote-not-found errors).
        // --no-ignore: bench/out/ is git-ignored, and a run skips what git ignores (the cost of
        // asking git, one `git ls-files` per run, is in the start-up figure of `check claims/`).
        { args: [BIN, "check", "--no-ignore", "--format", "json", rel], o: { rss, timeoutS: o.timeout, stdoutFile: reportFile, okStatus: [0, 1], label: "check" } },
      ],
      runs,
    );
    log(`  baseline ${fmtMs(base.ms)} ms [${base.all.join(", ")}], CPU ${fmtMs(base.cpuMs ?? NaN)} ms, peak ${base.peakMiB?.toFixed(0)} MiB`);
    log(`  check    ${fmtMs(check.ms)} ms [${check.all.join(", ")}], CPU ${fmtMs(check.cpuMs ?? NaN)} ms, peak ${check.peakMiB?.toFixed(0)} MiB, exit ${check.status}`);
    log(`  check/baseline by round [${check.runMs.map((ms, i) => (ms / base.runMs[i]).toFixed(2)).join(", ")}], median ${pairedRatio(check.runMs, base.runMs).toFixed(2)}`);
    const { summary, counts, validation } = check.ok ? validateReport(reportFile, manifest) : { summary: null, counts: {}, validation: "—" };
    if (summary) {
      notes.push(`${fmtN(size)}: summary ${JSON.stringify(summary)}; diagnostics ${JSON.stringify(counts)} — ${validation}`);
      log(`  report: ${validation}`);
    }
    results.push({ size, files: summary?.files ?? manifest.files, claims: summary?.claims ?? null, base, check, validation });
  }

  // --- the scaling table
  console.log("");
  md.push("## Scaling: `claims check --format json` vs parse-only baseline", "");
  /** @type {string[][]} */
  const rows = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    const ratio = r.check.ok && r.base.ok ? pairedRatio(r.check.runMs, r.base.runMs) : NaN;
    let growth = "";
    if (i > 0 && r.check.ok && results[i - 1].check.ok) {
      const p = results[i - 1];
      const g = r.check.ms / /** @type {number} */ (r.files) / (p.check.ms / /** @type {number} */ (p.files));
      const cpuG = r.check.cpuMs !== null && p.check.cpuMs !== null ? r.check.cpuMs / /** @type {number} */ (r.files) / (p.check.cpuMs / /** @type {number} */ (p.files)) : null;
      growth = `×${g.toFixed(2)}${cpuG === null ? "" : ` (CPU ×${cpuG.toFixed(2)})`} vs ${fmtN(p.size)}${g > SUPERLINEAR ? " super-linear!" : ""}`;
      if (g > SUPERLINEAR) failures.push(`super-linear: time per file at ${fmtN(r.size)} is ${g.toFixed(2)}× that at ${fmtN(p.size)} (limit ${SUPERLINEAR}×)`);
    }
    const checkMs = r.check.timedOut ? `> ${fmtN(o.timeout * 1000)} (timeout)` : r.check.ok ? fmtMs(r.check.ms) : `failed (exit ${r.check.status})`;
    rows.push([
      fmtN(r.size), fmtN(r.files), fmtMs(r.base.ms), checkMs, fmtN(r.claims),
      Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—",
      r.check.ok && r.claims ? (r.check.ms / r.claims).toFixed(3) : "—",
      r.check.peakMiB === null ? "—" : r.check.peakMiB.toFixed(0),
      r.base.peakMiB === null ? "—" : r.base.peakMiB.toFixed(0),
      r.check.cpuMs !== null && r.base.cpuMs !== null ? `${pairedRatio(r.check.runCpuMs, r.base.runCpuMs).toFixed(2)}×` : "—",
      growth || "—",
    ]);
  }
  table(["size", "files", "baseline ms", "check ms", "claims", "check/baseline", "ms/claim", "peak MiB (check)", "peak MiB (baseline)", "CPU check/baseline", "time/file growth"], rows);

  // --- targets
  /** @type {string[][]} */
  const targets = [];
  const at10k = results.find((r) => r.size === 10000);
  if (at10k) {
    const ratio = at10k.check.ok && at10k.base.ok ? pairedRatio(at10k.check.runMs, at10k.base.runMs) : NaN;
    const pass = ratio <= TARGET_RATIO_AT_10K;
    targets.push(["check ≤ 1.5× baseline at 10,000 files", Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "no result", pass ? "PASS" : "FAIL"]);
    if (!pass) failures.push(`check/baseline at 10,000 files is ${Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a"}× (target ≤ ${TARGET_RATIO_AT_10K}×)`);
  }
  const at50k = results.find((r) => r.size === 50000);
  if (at50k) {
    const peak = at50k.check.peakMiB;
    const pass = at50k.check.ok && peak !== null && peak < TARGET_PEAK_MIB_AT_50K;
    targets.push(["peak RSS < 500 MiB at 50,000 files", peak === null ? "no result" : `${peak.toFixed(0)} MiB`, pass ? "PASS" : "FAIL"]);
    if (!pass) failures.push(`peak RSS at 50,000 files is ${peak?.toFixed(0) ?? "n/a"} MiB (target < ${TARGET_PEAK_MIB_AT_50K} MiB)`);
  }
  for (let i = 1; i < results.length; i++) {
    const r = results[i], p = results[i - 1];
    if (!(r.check.ok && p.check.ok)) continue;
    const g = r.check.ms / /** @type {number} */ (r.files) / (p.check.ms / /** @type {number} */ (p.files));
    targets.push([`time per file ${fmtN(p.size)} → ${fmtN(r.size)} ≤ ${SUPERLINEAR}×`, `${g.toFixed(2)}×`, g > SUPERLINEAR ? "FAIL (super-linear!)" : "PASS"]);
  }

  // --- every command and format, at one size
  if (o.commands) {
    const size = o.commandSize ?? (o.sizes.includes(10000) ? 10000 : o.sizes[o.sizes.length - 1]);
    const rows = commandRows(size, o, rss, failures, targets);
    const peer = o.peer ? peerRows(size, o, rss) : null;
    if (peer) rows.push(peer);
    if (rows.length) {
      console.log("");
      md.push(`## Every command at ${fmtN(size)} files, against the parse-only baseline`, "", `Load average when the rows were taken: ${rows.load}.`, "");
      table(["command", "median ms", "÷ baseline (median of pairs)", "pairs", "CPU ÷ baseline", "peak MiB", "output bytes", "target ≤ 1.5×"], rows);
    }
  }

  // --- the cache, cold and warm
  if (o.cache) {
    const size = o.commandSize ?? (o.sizes.includes(10000) ? 10000 : o.sizes[o.sizes.length - 1]);
    const rows = cacheRows(size, o, rss, failures, targets);
    console.log("");
    md.push(`## The cache at ${fmtN(size)} files`, "", `Load average: ${rows.load}.`, "");
    table(["run", "median ms", "÷ baseline (median of pairs)", "pairs", "CPU ÷ baseline", "peak MiB", "output vs no cache", "target"], rows);
  }

  // --- the large-memory run (opt-in)
  if (o.memory) {
    const rows = memoryRows(o, { runOnce, readSummary, log, fmtN, fmtMs, root: ROOT, bin: BIN, rss }, failures, targets);
    console.log("");
    md.push(`## Memory: ${fmtN(o.memorySize)} files, and single claims of many statements`, "", `Load average: ${loadAverage()} (1, 5 and 15 minutes) after the runs.`, "");
    table(["run", "checked", "wall ms", "CPU ms", "peak MiB", "target MiB", "result"], rows);
  }

  // --- the archive-heavy ledger
  if (o.archiveHeavy) {
    const size = o.commandSize ?? (o.sizes.includes(10000) ? 10000 : o.sizes[o.sizes.length - 1]);
    const rows = archiveHeavyRows(size, o, rss, failures, targets);
    console.log("");
    md.push(`## Archive-heavy ledger at ${fmtN(size)} files`, "", `Load average: ${rows.load}.`, "");
    table(["run", "median ms", "÷ baseline (median of pairs)", "pairs", "CPU ÷ baseline", "peak MiB", "report", `target ≤ ${TARGET_ARCHIVE_HEAVY}×`], rows);
  }

  // --- start-up
  if (o.startup) {
    log(`start-up: ${o.startupRuns} runs each …`);
    const opts = { rss, timeoutS: 120, label: "" };
    const exampleDir = existsSync(join(ROOT, "claims")) ? "claims/" : ".";
    const [nodeE, version, checkEx] = measureInterleaved(
      [
        { args: ["-e", "0"], o: { ...opts, label: "node -e 0" } },
        { args: [BIN, "--version"], o: { ...opts, label: "claims --version" } },
        // The example ledger may legitimately exit 1 (findings); 2 means the tool broke.
        { args: [BIN, "check", exampleDir], o: { ...opts, okStatus: [0, 1], label: "claims check" } },
      ],
      o.startupRuns,
    );
    console.log("");
    md.push("## Start-up", "");
    /** @type {(m: ReturnType<typeof summarise>, target?: number) => string[]} */
    const row = (m, target) => {
      const ratio = m.ok && nodeE.ok ? pairedRatio(m.runMs, nodeE.runMs) : NaN;
      const verdict = target === undefined ? "—" : ratio <= target ? `PASS (≤ ${target}×)` : `FAIL (> ${target}×)`;
      return [m.ok ? fmtMs(m.ms) : `failed (exit ${m.status})`, m.peakMiB === null ? "—" : m.peakMiB.toFixed(0), Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—", verdict];
    };
    const rVersion = row(version, TARGET_VERSION_STARTUP);
    const rCheck = row(checkEx, TARGET_CHECK_STARTUP);
    table(["command", "median ms", "peak MiB", "vs node -e 0", "target"], [
      ["node -e 0", ...row(nodeE)],
      ["claims --version", ...rVersion],
      [`claims check ${exampleDir}`, ...rCheck],
    ]);
    targets.push([`claims --version ≤ ${TARGET_VERSION_STARTUP}× node -e 0`, rVersion[2], rVersion[3].startsWith("PASS") ? "PASS" : "FAIL"]);
    targets.push([`claims check ${exampleDir} ≤ ${TARGET_CHECK_STARTUP}× node -e 0`, rCheck[2], rCheck[3].startsWith("PASS") ? "PASS" : "FAIL"]);
    if (!rVersion[3].startsWith("PASS")) failures.push(`claims --version start-up is ${rVersion[2]} node -e 0 (target ≤ ${TARGET_VERSION_STARTUP}×)`);
    if (!rCheck[3].startsWith("PASS")) failures.push(`claims check ${exampleDir} start-up is ${rCheck[2]} node -e 0 (target ≤ ${TARGET_CHECK_STARTUP}×)`);
  }

  console.log("");
  md.push("## Targets", "");
  table(["target", "measured", "result"], targets);

  if (notes.length) {
    console.log("\nReports:");
    md.push("## Reports", "");
    for (const n of notes) { console.log(`  ${n}`); md.push(`- ${n}`); }
    md.push("");
  }

  // --- CPU profile of one check run
  if (o.profile) {
    const size = o.sizes.includes(10000) ? 10000 : o.sizes[o.sizes.length - 1];
    const { dir } = ensureLedger(size, o.seed);
    const profDir = join(OUT_DIR, "prof");
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
    log(`profiling check at ${fmtN(size)} files …`);
    runOnce(["--cpu-prof", "--cpu-prof-dir", profDir, BIN, "check", "--no-ignore", "--format", "json", relative(ROOT, dir)], { rss, timeoutS: o.timeout, stdoutFile: join(TMP, "prof-report.json") });
    const profFile = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
    if (profFile) {
      const s = summariseProfile(join(profDir, profFile));
      console.log(`\nCPU profile of check at ${fmtN(size)} files (${fmtN(s.totalMs)} ms sampled; ${relative(ROOT, join(profDir, profFile))}):\n`);
      md.push(`## CPU profile: check at ${fmtN(size)} files`, "", `${fmtN(s.totalMs)} ms sampled. Self time by source file (via dist source maps):`, "");
      table(["self ms", "%", "file / package"], s.files.map((f) => [fmtN(f.ms), f.pct, f.what]));
      console.log("");
      md.push("Top functions by self time:", "");
      table(["self ms", "%", "function  location"], s.functions.map((f) => [fmtN(f.ms), f.pct, f.what]));
    } else log("  no profile written");
  }

  console.log("");
  if (failures.length) {
    md.push("## FAIL", "", ...failures.map((f) => `- FAIL: ${f}`), "");
    for (const f of failures) console.log(`FAIL: ${f}`);
  } else console.log("All targets met.");
  writeFileSync(join(OUT_DIR, "results.md"), `${md.join("\n")}\n`);
  console.log("\n----- Markdown (also in bench/out/results.md) -----\n");
  console.log(md.join("\n"));
  console.log(`\nMarkdown written to ${relative(ROOT, join(OUT_DIR, "results.md"))}`);
  rmSync(TMP, { recursive: true, force: true });
}

await main();
