// The one-big-claim shape of the benchmark (issue 19's memory target): a single quantity claim
// with many statements from many sources, where the other shape has many small claims.
//
// `generateBigClaim(dir, statements, sources, seed)` writes:
//   <dir>/sources.yaml        `sources` sources; a tenth of them never speak in the claim and are
//                             only relayed (`via`), so no relay warning is intended
//   <dir>/documents.yaml      sources/10 documents (at least 10), each with an archive
//   <dir>/archive/*.txt       their texts
//   <dir>/claims/big.yaml     one claim, `statements` statements: the speakers in turn, so each
//                             speaks statements/speakers times, each time later than before (its
//                             revisions); hedged figures around one value, so that many positions
//                             conflict; a third quote their document; a tenth relay another
//                             source; some retracted, some with `as-of`
// Seeded (mulberry32, as bench/generate.mjs), so the same arguments give the same bytes, and
// cached by `ensureBigClaim` under bench/out/claim-<statements>x<sources>-<seed>/.
//
// Usage as a script: node bench/big-claim.mjs [statements=20000] [sources=2000] [seed=42] [--cumulative]

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isoDay, makeRng, MANIFEST, MARKER, OUT_DIR, pad, q, quantityValue, sentence, wrap } from "./generate.mjs";

/** Bump when the output changes, so cached ledgers are regenerated. */
export const BIG_CLAIM_VERSION = "1";

/**
 * Write the one-claim ledger into `dir` (which should be empty or absent).
 * @param {string} dir
 * @param {number} nStatements
 * @param {number} nSources
 * @param {number} seed
 * @param {{ cumulative?: boolean }} [shape] a running count (SPEC §8 v2) instead of a plain quantity
 * @returns {{ files: number, sources: number, documents: number, claims: number, statements: number, quotes: number, relays: number, retracted: number }}
 */
export function generateBigClaim(dir, nStatements, nSources, seed, shape = {}) {
  const r = makeRng(seed);
  mkdirSync(join(dir, "claims"), { recursive: true });
  mkdirSync(join(dir, "archive"), { recursive: true });

  // Speakers first; the last tenth are origins only relayed, never speaking themselves.
  const sourceIds = Array.from({ length: nSources }, (_, i) => `source-${pad(i + 1, 5)}`);
  const nSpeakers = Math.max(1, nSources - Math.floor(nSources / 10));
  const speakers = sourceIds.slice(0, nSpeakers);
  const relayed = sourceIds.slice(nSpeakers);
  let src = "# Synthetic sources for the one-big-claim benchmark.\nsources:\n";
  for (const [i, id] of sourceIds.entries()) {
    src += `  ${id}:\n    name: ${q(`Source ${i + 1}`)}\n    type: ${r.pick(["official", "media", "ngo", "eyewitness", "expert"])}\n`;
    if (r.chance(0.7)) src += `    side: ${q(`side-${r.int(1, 40)}`)}\n`;
  }
  writeFileSync(join(dir, "sources.yaml"), src);

  const nDocs = Math.max(10, Math.round(nSources / 10));
  /** @type {{ id: string, sentences: string[] }[]} */
  const docs = [];
  let docYaml = "# Synthetic documents; archives live under archive/.\ndocuments:\n";
  for (let i = 1; i <= nDocs; i++) {
    const id = `doc-${pad(i, 5)}`;
    /** @type {string[]} */
    const sentences = [];
    const paragraphs = [];
    for (let p = r.int(3, 5); p > 0; p--) {
      const ps = [];
      for (let s = r.int(2, 5); s > 0; s--) { const t = sentence(r); ps.push(t); sentences.push(t); }
      paragraphs.push(wrap(ps.join(" ")));
    }
    writeFileSync(join(dir, "archive", `${id}.txt`), `Archived copy ${i}.\n\n${paragraphs.join("\n\n")}\n`);
    docs.push({ id, sentences });
    docYaml += `  ${id}:\n    title: ${q(`Report ${i}`)}\n    publisher: ${q(`Publisher ${1 + (i % 25)}`)}\n    published: ${isoDay(300 + (i % 400))}\n    archive: archive/${id}.txt\n`;
  }
  writeFileSync(join(dir, "documents.yaml"), docYaml);

  const stats = { files: 3, sources: nSources, documents: nDocs, claims: 1, statements: nStatements, quotes: 0, relays: 0, retracted: 0 };
  let y = `claims:\n  big:\n    question: ${q(`How many people were counted (${nStatements} statements from ${nSources} sources)?`)}\n    type: quantity\n    unit: people\n`;
  if (shape.cumulative) y += "    cumulative: true\n";
  y += "    statements:\n";
  const value = 5000;
  for (let k = 0; k < nStatements; k++) {
    const source = speakers[k % nSpeakers];
    // Each speaker's n-th statement is on day 300 + 3n (+0..2): later than its previous one.
    const day = 300 + 3 * Math.floor(k / nSpeakers) + r.int(0, 2);
    y += `      - source: ${source}\n        says: ${quantityValue(value, r, "people")}\n        on: ${isoDay(day)}\n`;
    if (r.chance(0.35)) {
      const doc = r.pick(docs);
      stats.quotes++;
      y += `        quote: ${q(r.pick(doc.sentences).replace(/’/g, "'"))}\n        in: ${doc.id}\n`;
    }
    if (relayed.length > 0 && r.chance(0.1)) {
      stats.relays++;
      y += `        via: ${r.pick(relayed)}\n`;
    }
    if (r.chance(0.1)) y += `        as-of: ${isoDay(day - r.int(0, 3))}\n`;
    if (r.chance(0.05)) {
      stats.retracted++;
      y += "        retracted: true\n";
    }
  }
  y += `    verdict:\n      finding: ${value}\n      rating: "mostly-true"\n`;
  writeFileSync(join(dir, "claims", "big.yaml"), y);
  return stats;
}

/**
 * The folder name of a one-claim ledger.
 * @param {number} nStatements @param {number} nSources @param {number} seed @param {{ cumulative?: boolean }} [shape]
 */
export function bigClaimName(nStatements, nSources, seed, shape = {}) {
  return `claim-${nStatements}x${nSources}-${seed}${shape.cumulative ? "-cumulative" : ""}`;
}

/**
 * Return the directory of the cached one-claim ledger, generating it if needed.
 * @param {number} nStatements @param {number} nSources @param {number} seed
 * @param {{ log?: (msg: string) => void, cumulative?: boolean }} [opts]
 * @returns {{ dir: string, manifest: ReturnType<typeof generateBigClaim> & { version: string, seed: number }, cached: boolean }}
 */
export function ensureBigClaim(nStatements, nSources, seed, opts = {}) {
  const shape = { cumulative: opts.cumulative === true };
  const dir = join(OUT_DIR, bigClaimName(nStatements, nSources, seed, shape));
  const marker = join(dir, MARKER);
  if (existsSync(marker) && readFileSync(marker, "utf8").trim() === BIG_CLAIM_VERSION) {
    return { dir, manifest: JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")), cached: true };
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  opts.log?.(`generating one claim of ${nStatements} statements from ${nSources} sources (seed ${seed}) in ${dir} …`);
  const manifest = { version: BIG_CLAIM_VERSION, seed, ...shape, ...generateBigClaim(tmp, nStatements, nSources, seed, shape) };
  writeFileSync(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(tmp, MARKER), `${BIG_CLAIM_VERSION}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, manifest, cached: false };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).filter((a) => a !== "--cumulative");
  const [statements, sources, seed] = [args[0] ?? 20000, args[1] ?? 2000, args[2] ?? 42].map(Number);
  if (![statements, sources, seed].every(Number.isInteger) || statements < 1 || sources < 1) {
    console.error("usage: node bench/big-claim.mjs [statements=20000] [sources=2000] [seed=42] [--cumulative]");
    process.exit(2);
  }
  const { dir, manifest, cached } = ensureBigClaim(statements, sources, seed, { log: (m) => console.error(m), cumulative: process.argv.includes("--cumulative") });
  console.log(`${dir} (${cached ? "cached" : "generated"}): ${JSON.stringify(manifest)}`);
}
