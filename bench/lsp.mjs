// `npm run bench:lsp`: how soon `claims lsp` answers an edit, on the benchmark's ledgers.
//
//   node bench/lsp.mjs [--sizes 1000,10000] [--seed 42] [--edits N] [--quick] [--profile]
//
// For each size: generate (or reuse) bench/out/<n>-<seed>/ (bench/generate.mjs), start the built
// server (`node bin/claims.js lsp --stdio .` in that folder) and drive it through a real client
// (vscode-languageserver-protocol over stdio), as an editor does:
//   - start-up: from `initialized` to the first diagnostics of an opened claim file (the whole
//     ledger loaded, parsed on workers, checked and its diagnostics sent); the server runs with
//     --no-ignore, since bench/out/ is git-ignored;
//   - a claim file edited: each change alternates a figure that puts the claim in an invalid value
//     and back; the time from sending `didChange` to the diagnostics of that version;
//   - sources.yaml edited inside a record: the name of a source the claim file cites, changed
//     and back; the time until sources.yaml's diagnostics of that version (the sources file
//     re-parsed, the ledger patched, and only the claims citing the source re-checked);
//   - sources.yaml edited so that an id changes: that source renamed and back; the time until
//     the claim file citing it receives its new diagnostics (the ledger built again whole);
//   - the server's own account of each pass ($/logTrace: files parsed, claims checked, ms);
//   - the server's peak memory (VmHWM) at the end.
// Medians (and the spread) are printed, with PASS/FAIL against the targets (100 ms at 1,000
// files, 300 ms at 10,000), and written as Markdown to bench/out/lsp-results.md. Exits 0: it
// is a measurement.

import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as lsp from "vscode-languageserver-protocol/node";
import { ensureLedger, OUT_DIR } from "./generate.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "claims.js");
const TARGETS = { 1000: 100, 10000: 300 };

function parseArgs(argv) {
  const o = { sizes: [1000, 10000], seed: 42, edits: 30, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--sizes") o.sizes = argv[++i].split(",").map(Number);
    else if (a === "--seed") o.seed = Number(argv[++i]);
    else if (a === "--edits") o.edits = Number(argv[++i]);
    else if (a === "--quick") Object.assign(o, { sizes: [300], edits: 6 });
    else if (a === "--profile") o.profile = true;
    else if (a === "-h" || a === "--help") {
      console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).map((l) => l.slice(3)).join("\n"));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

/** Starts the server in `dir` with a client; resolves once initialized. */
async function startClient(dir, profile) {
  const cpuProf = profile ? ["--cpu-prof", `--cpu-prof-dir=${join(OUT_DIR, "lsp-profile")}`] : [];
  // --no-ignore: bench/out/ is git-ignored, and the server skips what git ignores, as `check` does.
  const child = spawn(process.execPath, [...cpuProf, BIN, "lsp", "--stdio", "--no-ignore", "."], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  const waiters = [];
  const traces = [];
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    const now = performance.now();
    for (const w of [...waiters]) if (w.test(params)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(now));
  });
  connection.onNotification(lsp.LogTraceNotification.type, (params) => traces.push(params.message));
  connection.onRequest(lsp.RegistrationRequest.type, () => undefined);
  connection.listen();
  const rootUri = pathToFileURL(dir).href;
  await connection.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: "bench" }], capabilities: {}, trace: "messages" });
  // A wait that never ends would hang the benchmark: ten minutes is far beyond any pass.
  const waitFor = (test) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no diagnostics from the server within 10 minutes")), 600_000);
      waiters.push({ test, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  return { child, connection, waitFor, traces };
}

function peakMiB(pid) {
  try {
    const kib = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]);
    return Math.round(kib / 1024);
  } catch {
    return null;
  }
}

/** Sends a change and resolves with the ms until `test` passes on a diagnostics notification. */
async function timed(client, uri, version, text, test) {
  const arrived = client.waitFor(test);
  const sent = performance.now();
  await client.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  return (await arrived) - sent;
}

async function measure(size, o) {
  const { dir, manifest } = ensureLedger(size, o.seed, { log: (m) => console.error(m) });
  const claimPath = join(dir, "claims", "c-00001.yaml");
  const claimUri = pathToFileURL(claimPath).href;
  const claimText = readFileSync(claimPath, "utf8");
  const sourcesPath = join(dir, "sources.yaml");
  const sourcesUri = pathToFileURL(sourcesPath).href;
  const sourcesText = readFileSync(sourcesPath, "utf8");
  const cited = /source: (\S+)/.exec(claimText)[1];

  const client = await startClient(dir, o.profile);
  const t0 = performance.now();
  const first = client.waitFor((p) => p.uri === claimUri && p.version === 1);
  await client.connection.sendNotification(lsp.InitializedNotification.type, {});
  await client.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: claimUri, languageId: "yaml", version: 1, text: claimText } });
  const startup = (await first) - t0;

  // A claim file: a figure made unreadable, then restored, alternately.
  const broken = claimText.replace(/says: .*/, "says: not a figure at all");
  const claimEdits = [];
  let version = 1;
  for (let i = 0; i < o.edits; i++) {
    version++;
    const v = version;
    claimEdits.push(await timed(client, claimUri, v, i % 2 === 0 ? broken : claimText, (p) => p.uri === claimUri && p.version === v));
  }
  const claimTraces = client.traces.slice(-o.edits);

  // sources.yaml, inside a record: the name of the claim file's first source, changed and back.
  await client.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: sourcesUri, languageId: "yaml", version: 1, text: sourcesText } });
  await client.waitFor((p) => p.uri === sourcesUri && p.version === 1);
  let sourcesVersion = 1;
  const edited = sourcesText.replace(new RegExp(`(\n  ${cited}:\n    name: "[^"\n]*)"`), '$1 (edited)"');
  const recordEdits = [];
  for (let i = 0; i < o.edits; i++) {
    const v = ++sourcesVersion;
    recordEdits.push(await timed(client, sourcesUri, v, i % 2 === 0 ? edited : sourcesText, (p) => p.uri === sourcesUri && p.version === v));
  }
  const recordTraces = client.traces.slice(-o.edits);

  // sources.yaml, an id changed: the claim file's first source renamed (it gets unknown-source), and back.
  const renamed = sourcesText.replace(`\n  ${cited}:\n`, `\n  ${cited}-renamed:\n`);
  const sourceEdits = [];
  for (let i = 0; i < o.edits; i++) {
    sourcesVersion++;
    const rename = i % 2 === 0;
    const test = (p) => p.uri === claimUri && p.diagnostics.some((d) => d.code === "unknown-source") === rename;
    sourceEdits.push(await timed(client, sourcesUri, sourcesVersion, rename ? renamed : sourcesText, test));
  }
  const sourceTraces = client.traces.slice(-o.edits);
  const peak = peakMiB(client.child.pid);
  await client.connection.sendRequest(lsp.ShutdownRequest.type);
  await client.connection.sendNotification(lsp.ExitNotification.type);
  client.connection.dispose();
  return { size, files: manifest.files, startup, claimEdits, claimTraces, recordEdits, recordTraces, sourceEdits, sourceTraces, peak };
}

const o = parseArgs(process.argv.slice(2));
if (!existsSync(join(ROOT, "dist", "cli.cjs"))) throw new Error("build first: npm run build");
const rows = [];
for (const size of o.sizes) {
  console.error(`measuring ${size} files …`);
  const r = await measure(size, o);
  rows.push(r);
  console.error(`  start-up ${Math.round(r.startup)} ms; medians: claim edit ${median(r.claimEdits).toFixed(1)} ms, source record ${median(r.recordEdits).toFixed(1)} ms, source renamed ${median(r.sourceEdits).toFixed(1)} ms; peak ${r.peak} MiB`);
  console.error(`  last passes: ${r.claimTraces.at(-1)} / ${r.recordTraces.at(-1)} / ${r.sourceTraces.at(-1)}`);
}

const checked = (traces) => median(traces.map((t) => Number(/(\d+) claim\(s\) checked/.exec(t)?.[1] ?? NaN)));
const cell = (xs) => `${median(xs).toFixed(1)} (${spread(xs)})`;
const table = [
  "| ledger files | start-up ms | claim file edited, ms | a source's record edited, ms | a source renamed, ms | target (median of each) | claims re-checked per edit | peak MiB |",
  "|---:|---:|---:|---:|---:|---|---|---:|",
  ...rows.map((r) => {
    const target = TARGETS[r.size];
    const medians = [r.claimEdits, r.recordEdits, r.sourceEdits].map(median);
    const verdict = target === undefined ? "—" : `≤ ${target}: ${medians.map((m) => (m <= target ? "PASS" : "FAIL")).join(" / ")}`;
    return `| ${r.files.toLocaleString("en")} | ${Math.round(r.startup).toLocaleString("en")} | ${cell(r.claimEdits)} | ${cell(r.recordEdits)} | ${cell(r.sourceEdits)} | ${verdict} | ${checked(r.claimTraces)} / ${checked(r.recordTraces)} / ${checked(r.sourceTraces)} | ${r.peak ?? "?"} |`;
  }),
].join("\n");
console.log(`\n${table}\n\nMedian (min–max) ms from sending the change to its diagnostics, ${o.edits} edits of each kind per size, seed ${o.seed}.`);
writeFileSync(join(OUT_DIR, "lsp-results.md"), `${table}\n`);
