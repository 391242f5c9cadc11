// Synthetic ledger generator for `npm run bench`.
//
// `generate(dir, nFiles, seed)` writes a ledger that is valid per shared/SPEC.md §1–§5:
//   <dir>/sources.yaml      ~nFiles/20 sources (at least 20), varied types and sides
//   <dir>/documents.yaml    ~nFiles/10 documents, each with an archive, some with sha256
//   <dir>/archive/*.txt     the archived texts (a few paragraphs each)
//   <dir>/claims/c-NNNNN.yaml  nFiles claim files, one claim each, 2–8 statements
// Everything is derived from a seeded PRNG (mulberry32), so the same (nFiles, seed) gives the
// same bytes. `ensureLedger(nFiles, seed)` caches the result under bench/out/<n>-<seed>/ and
// reuses it when the marker file carries the current GENERATOR_VERSION.
//
// Intended diagnostics (written to the hidden `.bench-manifest.json` next to the ledger):
// `quote-not-found` errors for the deliberate misquotes and `quote-unchecked` infos for quotes
// without `in`. Nothing else should be reported; conflicts between sources are expected.
//
// Usage as a script: node bench/generate.mjs <nFiles> [seed] [dir] [--misquotes SHARE] [--archive-scale N]
//   SHARE: the share of quotes made misquotes, 0.03 by default (`--misquotes 0.3`, or `30%`).
//   N: each archive N times as long (N times the paragraphs), 1 by default. Other shapes than the
//   default are cached beside it, as bench/out/<n>-<seed>-m30/ or <n>-<seed>-m30-a20/.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Bump when the output changes, so cached ledgers are regenerated. */
export const GENERATOR_VERSION = "7";
/** Hidden (skipped by the §1 walk) marker written last; its presence means the ledger is complete. */
export const MARKER = ".bench-complete";
export const MANIFEST = ".bench-manifest.json";

const here = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(here, "out");

/**
 * mulberry32: a tiny, fast 32-bit PRNG.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @typedef {{ rnd: () => number, int: (lo: number, hi: number) => number, pick: <T>(xs: readonly T[]) => T, chance: (p: number) => boolean }} Rng */

/** @param {number} seed @returns {Rng} */
export function makeRng(seed) {
  const rnd = mulberry32(seed);
  return {
    rnd,
    int: (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(rnd() * xs.length)],
    chance: (p) => rnd() < p,
  };
}

/** YAML double-quoted scalar; JSON strings are valid YAML double-quoted scalars. @param {string} s */
export const q = (s) => JSON.stringify(s);
export const pad = (/** @type {number} */ n, /** @type {number} */ w) => String(n).padStart(w, "0");

/** @param {number} dayOffset days after 2011-01-01 @returns {string} YYYY-MM-DD */
export function isoDay(dayOffset) {
  return new Date(Date.UTC(2011, 0, 1) + dayOffset * 86400000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const SOURCE_TYPES = ["official", "company", "union", "eyewitness", "media", "journalist", "ngo", "expert", "other"];
const SIDES = ["government", "workers", "company", "opposition", "international", "church", "army", "regional-council"];
const ORG_WORDS = ["Ministry", "Office", "Union", "Committee", "Council", "Agency", "Bureau", "Network", "Institute", "Gazette", "Herald", "Observer", "Watch", "Foundation"];
const ORG_OF = ["Interior", "Labour", "Oil Workers", "Health", "Justice", "Energy", "Human Rights", "Press Freedom", "Mangystau", "Aktau", "Almaty", "Astana", "the Caspian", "Steppe"];
const PUBLISHERS = ["Al Jazeera", "Reuters", "Associated Press", "BBC News", "The Guardian", "RFE/RL", "Interfax", "Tengrinews", "Eurasianet", "Vremya", "Kazinform", "Le Monde", "Der Spiegel"];
const SUBJECTS = ["The regional governor", "A spokesman for the ministry", "Witnesses", "The union leader", "Local residents", "The prosecutor", "Hospital staff", "The company", "An opposition deputy", "Human rights monitors", "The police chief", "Several strikers", "The town’s mayor", "A doctor at the clinic"];
const VERBS = ["said", "told reporters", "claimed", "confirmed", "denied", "reported", "insisted", "wrote", "stated", "estimated"];
const NOUNS = ["people", "workers", "protesters", "police officers", "families", "residents", "strikers", "vehicles", "buildings", "shops"];
const EVENTS = ["were injured in the clashes", "gathered on the central square", "were detained overnight", "were dismissed by the company", "were killed in the violence", "joined the strike", "were treated in hospital", "lost their homes", "were evacuated from the district", "signed the petition"];
const PLACES = ["Zhanaozen", "Aktau", "Shetpe", "the oil field", "the central square", "the bus station", "the hospital", "the town hall", "the workers’ camp", "the railway depot"];
const TIMES = ["on Friday", "on Saturday morning", "late on Sunday", "during the night", "before the ceremony", "after the curfew began", "in the early summer", "on the anniversary", "last week", "within hours"];
const FILLER = [
  "The situation could not be independently verified.",
  "Telephone and internet connections remained out of service for several days.",
  "Officials declined to give further details.",
  "The figures were disputed by the strikers’ lawyers.",
  "A curfew was imposed on the town and access roads were closed.",
  "Journalists were not allowed to enter the area.",
  "The dispute over pay had lasted for months.",
  "The government promised an inquiry into the events.",
];
const QUESTIONS_Q = [
  "How many {noun} {event} in {place}?",
  "How many {noun} {event} {time}?",
  "What was the number of {noun} that {event} in {place}?",
];
const CHOICE_POOLS = [
  ["police", "protesters", "provocateurs", "strikers", "security-forces"],
  ["company", "government", "union", "regional-council"],
  ["shooting", "stampede", "fire", "beating", "explosion"],
  ["aktau", "zhanaozen", "shetpe", "almaty", "astana"],
];
const TAGS = ["casualties", "strike", "violence", "security", "information", "economy", "detentions", "health"];
const RATINGS = ["true", "mostly-true", "mixed", "mostly-false", "false", "unproven"];
const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** @param {number} n integer 0..99 */
function words99(n) {
  if (n < 20) return ONES[n];
  const t = TENS[Math.floor(n / 10)];
  return n % 10 ? `${t}-${ONES[n % 10]}` : t;
}

/** "1,200"-style thousands separators. @param {number} n */
const sep = (n) => n.toLocaleString("en-US");

/** Fill a template like "{noun} {event}". @param {string} t @param {Rng} r */
function fill(t, r) {
  return t
    .replace("{noun}", r.pick(NOUNS))
    .replace("{event}", r.pick(EVENTS))
    .replace("{place}", r.pick(PLACES))
    .replace("{time}", r.pick(TIMES));
}

/** One archive sentence (ASCII plus typographic apostrophes, so quotes exercise NFKC/quote folding). @param {Rng} r */
export function sentence(r) {
  const n = r.chance(0.5) ? String(r.int(2, 90)) : sep(r.int(100, 20000));
  switch (r.int(0, 4)) {
    case 0: return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} that ${n} ${r.pick(NOUNS)} ${r.pick(EVENTS)} in ${r.pick(PLACES)} ${r.pick(TIMES)}.`;
    case 1: return `According to ${r.pick(SUBJECTS).toLowerCase()}, at least ${n} ${r.pick(NOUNS)} ${r.pick(EVENTS)} ${r.pick(TIMES)}.`;
    case 2: return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} that the ${r.pick(NOUNS)} in ${r.pick(PLACES)} had been ${r.pick(["attacked", "warned", "paid", "dismissed", "surrounded", "released"])} ${r.pick(TIMES)}.`;
    case 3: return `Nearly ${n} ${r.pick(NOUNS)} ${r.pick(EVENTS)}, ${r.pick(SUBJECTS).toLowerCase()} ${r.pick(VERBS)}.`;
    default: return r.pick(FILLER);
  }
}

/** Wrap a paragraph at ~78 columns (quote checks fold white space, so the breaks must not matter). @param {string} text */
export function wrap(text) {
  const out = [];
  let line = "";
  for (const w of text.split(" ")) {
    if (line && line.length + w.length + 1 > 78) { out.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Values (§5)

/**
 * A hedged quantity around `v`, as YAML source text.
 * @param {number} v the "true" value @param {Rng} r @param {string | undefined} unit
 */
export function quantityValue(v, r, unit) {
  if (r.chance(0.05)) return "unknown";
  const noisy = Math.max(1, Math.round(v * (0.75 + r.rnd() * 0.5)));
  const n = r.chance(0.4) ? v : noisy;
  const u = unit && r.chance(0.25) ? ` ${unit}` : "";
  const k = r.int(0, 23);
  switch (k) {
    case 0: case 1: case 2: return String(n); // a YAML number
    case 3: return q(n >= 1000 ? sep(n) : String(n));
    case 4: return q(`at least ${sep(n)}${u}`);
    case 5: return q(`about ${sep(n)}${u}`);
    case 6: return q(`almost ${sep(n)}`);
    case 7: {
      const lo = Math.max(0, Math.round(n * 0.8)), hi = Math.round(n * 1.2) + 1;
      return q(`between ${lo} and ${hi}`);
    }
    case 8: {
      const lo = Math.round(n * 0.9), hi = Math.round(n * 1.1) + 1;
      return q(`${lo}-${hi}`);
    }
    case 9: return `{min: ${Math.round(n * 0.9)}, max: ${Math.round(n * 1.1) + 1}}`;
    case 10: return `{min: ${n}}`;
    case 11: return q(`${sep(n)} or more`);
    case 12: return q(`more than ${sep(n)}`);
    case 13: return q(`up to ${sep(n)}`);
    case 14: return q(`fewer than ${sep(n)}`);
    case 15: return q(`nearly ${sep(n)}`);
    case 16: return q(`~${n}`);
    case 17: return q(`around ${sep(n)}${u}`);
    case 18: return q(`${n}+`);
    case 19: {
      // a vague word when the value allows it
      if (n >= 3 && n <= 9) return q("several");
      if (n >= 24 && n <= 99) return q(unit && r.chance(0.5) ? `dozens of ${unit}` : "dozens");
      if (n >= 200 && n <= 999) return q("hundreds");
      if (n >= 2000 && n <= 9999) return q("thousands");
      if (n >= 20000 && n <= 99999) return q("tens of thousands");
      return String(n);
    }
    case 20: {
      // numbers in words
      if (n === 12) return q("a dozen");
      if (n < 100) return q(words99(n));
      if (n < 1000) return q(`${ONES[Math.min(9, Math.max(1, Math.round(n / 100)))]} hundred`);
      if (n < 20000) return q(`${words99(Math.max(1, Math.round(n / 1000)))} thousand`);
      return String(n);
    }
    case 21: return q(`${Math.round(n * 0.9)} to ${Math.round(n * 1.1) + 1}`);
    case 22: return q(`no more than ${sep(n)}`);
    default: return q(`over ${sep(n)}`);
  }
}

/** @param {number} day offset of the "true" date @param {Rng} r */
function dateValue(day, r) {
  if (r.chance(0.05)) return "unknown";
  const d = day + r.int(-3, 3);
  const iso = isoDay(d);
  switch (r.int(0, 8)) {
    case 0: case 1: case 2: return iso; // plain scalar: a string under the core schema
    case 3: return q(iso.slice(0, 7));
    case 4: return iso.slice(0, 4); // a bare YAML integer is a year
    case 5: return q(`before ${isoDay(d + r.int(1, 10))}`);
    case 6: return q(`after ${isoDay(d - r.int(1, 10))}`);
    case 7: return q(`between ${isoDay(d - r.int(1, 5))} and ${isoDay(d + r.int(0, 5))}`);
    default: return r.chance(0.5) ? q(`${isoDay(d - 2)}/${isoDay(d + 2)}`) : q(`${isoDay(d - 2)}/..`);
  }
}

/** @param {string[]} options @param {Rng} r */
function choiceValue(options, r) {
  if (r.chance(0.05)) return "unknown";
  if (r.chance(0.2)) {
    const a = r.pick(options);
    let b = r.pick(options);
    if (b === a) b = options[(options.indexOf(a) + 1) % options.length];
    return `[${a}, ${b}]`;
  }
  return r.pick(options);
}

/** @param {boolean} truth @param {Rng} r */
function booleanValue(truth, r) {
  if (r.chance(0.05)) return "unknown";
  const v = r.chance(0.75) ? truth : !truth;
  return r.pick(v ? ["true", "yes", "Yes", "true"] : ["false", "no", "No", "false"]);
}

// ---------------------------------------------------------------------------------------------
// The ledger

/** The share of quotes that are deliberate misquotes, unless asked otherwise. */
export const DEFAULT_MISQUOTES = 0.03;

/** @typedef {{ misquotes?: number, archiveScale?: number }} Shape */

/**
 * Sources or documents per file at most: 5,000 documents are about 200,000 YAML tokens, and a file
 * may hold 300,000 (a ledger of 200,000 claim files, with 10,000 sources and 20,000 documents in
 * one file each, had both refused, and every statement was reported for an unknown source).
 */
const RECORDS_PER_FILE = 5000;

/**
 * Writes the records gathered so far as the `number`-th file of their kind (`sources.yaml`, then
 * `sources-2.yaml`, …), and returns the start of the next one.
 * @param {string} dir @param {"sources" | "documents"} kind @param {string} text @param {number} number
 */
function flush(dir, kind, text, number) {
  writeFileSync(join(dir, number === 1 ? `${kind}.yaml` : `${kind}-${number}.yaml`), text);
  return `${kind}:\n`;
}

/**
 * Write a synthetic ledger into `dir` (which should be empty or absent).
 * @param {string} dir
 * @param {number} nFiles number of claim files
 * @param {number} seed
 * @param {Shape} [shape] `misquotes`: the share of quotes (of those with `in`) made deliberate
 *   misquotes, 0.03 by default; `archiveScale`: each archive that many times as long, 1 by default.
 *   The defaults give the same bytes as before these options existed (another shape draws
 *   differently from the first place it changes).
 * @returns {{ files: number, sources: number, documents: number, claims: number, statements: number, quotes: number, misquotes: number, unchecked: number, retracted: number }}
 */
export function generate(dir, nFiles, seed, shape = {}) {
  const misquoteShare = shape.misquotes ?? DEFAULT_MISQUOTES;
  const archiveScale = shape.archiveScale ?? 1;
  const r = makeRng(seed);
  mkdirSync(join(dir, "claims"), { recursive: true });
  mkdirSync(join(dir, "archive"), { recursive: true });

  // --- sources
  const nSources = Math.max(20, Math.round(nFiles / 20));
  /** @type {string[]} */
  const sourceIds = [];
  let src = "# Synthetic sources for the claims benchmark.\nsources:\n";
  for (let i = 1; i <= nSources; i++) {
    const type = SOURCE_TYPES[i % SOURCE_TYPES.length];
    const id = `${type}-${pad(i, 5)}`;
    sourceIds.push(id);
    if (i > 1 && (i - 1) % RECORDS_PER_FILE === 0) src = flush(dir, "sources", src, (i - 1) / RECORDS_PER_FILE);
    src += `  ${id}:\n    name: ${q(`${r.pick(ORG_WORDS)} of ${r.pick(ORG_OF)} ${i}`)}\n    type: ${type}\n`;
    // about a third have no side, so they are their own independence group (§6)
    if (r.chance(0.65)) src += `    side: ${r.pick(SIDES)}\n`;
    if (r.chance(0.4)) src += `    reliability: ${r.pick(["A", "B", "C", "D", "E", "F"])}\n`;
    if (r.chance(0.3)) src += `    url: ${q(`https://example.org/sources/${id}`)}\n`;
    if (r.chance(0.1)) src += `    note: ${q("Synthetic source; speaks through press releases.")}\n`;
  }
  const sourceFiles = Math.ceil(nSources / RECORDS_PER_FILE);
  flush(dir, "sources", src, sourceFiles);

  // --- documents and their archives
  const nDocs = Math.max(10, Math.round(nFiles / 10));
  /** @type {{ id: string, sentences: string[], published: number }[]} */
  const docs = [];
  let docYaml = "# Synthetic documents; archives live under archive/.\ndocuments:\n";
  for (let i = 1; i <= nDocs; i++) {
    const id = `doc-${pad(i, 5)}`;
    const published = r.int(300, 1100); // 2011-10-28 … 2014-01-05
    const paragraphs = [];
    /** @type {string[]} */
    const sentences = [];
    const nPara = r.int(3, 6) * archiveScale;
    for (let p = 0; p < nPara; p++) {
      const ps = [];
      for (let s = r.int(2, 5); s > 0; s--) { const t = sentence(r); ps.push(t); sentences.push(t); }
      paragraphs.push(wrap(ps.join(" ")));
    }
    const publisher = r.pick(PUBLISHERS);
    const text = `${publisher}, ${isoDay(published)}. Archived copy.\n\n${paragraphs.join("\n\n")}\n`;
    const rel = `archive/${id}.txt`;
    writeFileSync(join(dir, rel), text);
    docs.push({ id, sentences, published });
    if (i > 1 && (i - 1) % RECORDS_PER_FILE === 0) docYaml = flush(dir, "documents", docYaml, (i - 1) / RECORDS_PER_FILE);
    docYaml += `  ${id}:\n    title: ${q(fill("Report on {noun} in {place}", r))}\n    publisher: ${q(publisher)}\n`;
    if (r.chance(0.5)) docYaml += `    url: ${q(`https://news.example.com/${id}`)}\n`;
    if (r.chance(0.85)) docYaml += `    published: ${isoDay(published)}\n`;
    docYaml += `    archive: ${rel}\n`;
    if (r.chance(0.4)) docYaml += `    sha256: ${createHash("sha256").update(text).digest("hex")}\n`;
  }
  const documentFiles = Math.ceil(nDocs / RECORDS_PER_FILE);
  flush(dir, "documents", docYaml, documentFiles);

  // --- claims
  const stats = { files: nFiles + sourceFiles + documentFiles, sources: nSources, documents: nDocs, claims: nFiles, statements: 0, quotes: 0, misquotes: 0, unchecked: 0, retracted: 0 };
  let rrSource = 0; // round-robin pointers: every source and document gets used at least once
  let rrDoc = 0;
  for (let i = 1; i <= nFiles; i++) {
    const id = `c-${pad(i, 5)}`;
    const roll = r.rnd();
    const type = roll < 0.7 ? "quantity" : roll < 0.82 ? "choice" : roll < 0.92 ? "boolean" : "date";
    let y = `claims:\n  ${id}:\n`;
    /** @type {() => string} */
    let value;
    /** @type {string | undefined} */
    let unit;
    if (type === "quantity") {
      const noun = r.pick(NOUNS);
      y += `    question: ${q(fill(r.pick(QUESTIONS_Q), r).replace(/people|workers|protesters|police officers|families|residents|strikers|vehicles|buildings|shops/, noun))}\n    type: quantity\n`;
      if (r.chance(0.6)) { unit = noun.includes(" ") ? "people" : noun; y += `    unit: ${unit}\n`; }
      if (r.chance(0.15)) y += `    margin: ${r.pick([0.05, 0.2, 0.25])}\n`;
      // A running count (SPEC §8 v2): its conflicts go by the as-of order of its positions.
      if (r.chance(0.25)) y += `    cumulative: true\n`;
      if (r.chance(0.1)) y += `    tolerance: ${r.pick([0, 0.05, 0.1])}\n`;
      const mag = r.rnd();
      const v = mag < 0.4 ? r.int(3, 99) : mag < 0.8 ? r.int(100, 9999) : r.int(10000, 90000);
      value = () => quantityValue(v, r, unit);
    } else if (type === "choice") {
      const pool = r.pick(CHOICE_POOLS);
      const options = pool.slice(0, r.int(3, pool.length));
      y += `    question: ${q(`Who or what was responsible for the events in ${r.pick(PLACES)} (${i})?`)}\n    type: choice\n    options: [${options.join(", ")}]\n`;
      value = () => choiceValue(options, r);
    } else if (type === "boolean") {
      const truth = r.chance(0.5);
      y += `    question: ${q(`Is it true that ${r.pick(NOUNS)} ${r.pick(EVENTS)} in ${r.pick(PLACES)} (${i})?`)}\n    type: boolean\n`;
      value = () => booleanValue(truth, r);
    } else {
      const day = r.int(300, 800);
      y += `    question: ${q(`When did the ${r.pick(["strike", "curfew", "clash", "inquiry", "trial"])} in ${r.pick(PLACES)} begin (${i})?`)}\n    type: date\n`;
      value = () => dateValue(day, r);
    }
    if (r.chance(0.5)) {
      const t1 = r.pick(TAGS), t2 = r.pick(TAGS);
      y += `    tags: [${t1 === t2 ? t1 : `${t1}, ${t2}`}]\n`;
    }
    y += "    statements:\n";

    const nStatements = r.int(2, 8);
    /** @type {string[]} speakers of this claim, in order; repeats are revisions */
    const speakers = [];
    for (let s = 0; s < nStatements; s++) {
      if (s === 0) speakers.push(sourceIds[rrSource++ % nSources]);
      else if (r.chance(0.25)) speakers.push(r.pick(speakers)); // a revision by an earlier speaker
      else {
        let c = r.pick(sourceIds);
        for (let tries = 0; speakers.includes(c) && tries < 5; tries++) c = r.pick(sourceIds);
        speakers.push(c);
      }
    }
    const counts = new Map();
    for (const s of speakers) counts.set(s, (counts.get(s) ?? 0) + 1);
    const baseDay = r.int(300, 700);
    let day = baseDay;

    for (let s = 0; s < nStatements; s++) {
      const source = speakers[s];
      stats.statements++;
      y += `      - source: ${source}\n        says: ${value()}\n`;
      // the first statement of each claim walks the documents round-robin, so all are cited
      const doc = s === 0 ? docs[rrDoc++ % nDocs] : r.chance(0.65) ? r.pick(docs) : undefined;
      if (doc && r.chance(0.6)) {
        stats.quotes++;
        const sentence = r.pick(doc.sentences);
        let quote;
        if (r.chance(misquoteShare)) {
          // a deliberate misquote: a word the archives never contain
          quote = sentence.replace(/ /, " allegedly ");
          stats.misquotes++;
        } else {
          quote = sentence.replace(/’/g, "'");
          const words = quote.split(" ");
          const g = r.rnd();
          if (g < 0.1 && words.length > 6) quote = `${words.slice(0, 3).join(" ")} ... ${words.slice(-3).join(" ")}`; // a gap
          else if (g < 0.2) quote = `“${quote}”`; // typographic quotation marks around the whole quote
          else if (g < 0.3) quote = quote.toUpperCase();
        }
        y += `        quote: ${q(quote)}\n`;
      } else if (!doc && r.chance(0.03)) {
        stats.quotes++;
        stats.unchecked++;
        y += `        quote: ${q(sentence(r))}\n`; // no `in`: quote-unchecked (info)
      }
      if (doc) y += `        in: ${doc.id}\n`;
      // Repeated speakers always get distinct explicit dates: no ambiguous-revision warnings.
      // A relay does too, and relays an origin that does not speak in this claim itself, so it
      // is its origin's evidence and draws no relay warning (SPEC §6 v2).
      const repeated = counts.get(source) > 1;
      const relay = r.chance(0.1);
      day += r.int(1, 9); // strictly increasing within the claim
      if (repeated || relay || r.chance(0.35)) y += `        on: ${isoDay(day)}\n`;
      if (relay) {
        let via = r.pick(sourceIds);
        while (speakers.includes(via)) via = sourceIds[(sourceIds.indexOf(via) + 1) % nSources];
        y += `        via: ${via}\n`;
      }
      // The date a figure refers to, a few days before it was said (SPEC §8 v2).
      if (r.chance(0.1)) y += `        as-of: ${isoDay(day - r.int(0, 3))}\n`;
      if (r.chance(0.06)) {
        stats.retracted++;
        y += `        retracted: ${r.chance(0.5) ? "true" : isoDay(day + r.int(1, 30))}\n`;
      }
      if (r.chance(0.08)) y += `        note: ${q("Relayed by a spokesperson; figure as quoted in the report.")}\n`;
    }

    if (r.chance(0.25)) {
      y += "    verdict:\n";
      if (r.chance(0.85)) y += `      finding: ${value()}\n`;
      y += `      rating: ${q(r.pick(RATINGS))}\n`; // quoted: a plain `true`/`false` would be a YAML boolean
      if (r.chance(0.5)) y += `      note: ${q("Checked against the archived reports.")}\n`;
      if (r.chance(0.5)) y += `      by: ${q("bench desk")}\n`;
      if (r.chance(0.5)) y += `      on: ${isoDay(day + 60)}\n`;
    }
    writeFileSync(join(dir, "claims", `${id}.yaml`), y);
  }
  return stats;
}

/**
 * The folder name of a ledger: `<n>-<seed>`, then `-m<percent>` for a misquote share other than
 * the default and `-a<scale>` for longer archives (`10000-42-m30`), so that each shape is cached
 * beside the others.
 * @param {number} nFiles @param {number} seed @param {Shape} [shape]
 */
export function ledgerName(nFiles, seed, shape = {}) {
  const m = shape.misquotes ?? DEFAULT_MISQUOTES;
  const a = shape.archiveScale ?? 1;
  return `${nFiles}-${seed}${m === DEFAULT_MISQUOTES ? "" : `-m${Number((m * 100).toFixed(2))}`}${a === 1 ? "" : `-a${a}`}`;
}

/**
 * Return the directory of the cached ledger for (nFiles, seed, shape), generating it if needed.
 * @param {number} nFiles @param {number} seed
 * @param {{ log?: (msg: string) => void } & Shape} [opts]
 * @returns {{ dir: string, manifest: ReturnType<typeof generate> & { generatorVersion: string, seed: number, misquoteShare: number, archiveScale: number, ms?: number }, cached: boolean }}
 */
export function ensureLedger(nFiles, seed, opts = {}) {
  const shape = { misquotes: opts.misquotes ?? DEFAULT_MISQUOTES, archiveScale: opts.archiveScale ?? 1 };
  const dir = join(OUT_DIR, ledgerName(nFiles, seed, shape));
  const marker = join(dir, MARKER);
  if (existsSync(marker) && readFileSync(marker, "utf8").trim() === GENERATOR_VERSION) {
    return { dir, manifest: JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")), cached: true };
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  opts.log?.(`generating ${nFiles} claim files (seed ${seed}, ${shape.misquotes * 100} % misquotes, archives ×${shape.archiveScale}) in ${dir} …`);
  const t0 = performance.now();
  const stats = generate(tmp, nFiles, seed, shape);
  const manifest = { generatorVersion: GENERATOR_VERSION, seed, misquoteShare: shape.misquotes, archiveScale: shape.archiveScale, ...stats, ms: Math.round(performance.now() - t0) };
  writeFileSync(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(tmp, MARKER), `${GENERATOR_VERSION}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  opts.log?.(`  done in ${manifest.ms} ms`);
  return { dir, manifest, cached: false };
}

/**
 * A misquote share as given on the command line: a fraction in [0, 1] (`0.3`) or a percentage (`30%`).
 * @param {string} text
 */
export function parseShare(text) {
  const pct = text.endsWith("%");
  const n = Number(pct ? text.slice(0, -1) : text) / (pct ? 100 : 1);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new Error(`--misquotes takes a share of the quotes between 0 and 1 (0.3) or a percentage (30%), not '${text}'`);
  return n;
}

/**
 * An archive scale as given on the command line: a whole number from 1.
 * @param {string} text
 */
export function parseScale(text) {
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`--archive-scale takes a whole number from 1 to 1000 (how many times as long each archive is), not '${text}'`);
  return n;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  /** @type {string[]} */
  const args = [];
  /** @type {Shape} */
  const shape = {};
  try {
    const argv = process.argv.slice(2);
    for (let i = 0; i < argv.length; i++) {
      const [name, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)] : [argv[i], undefined];
      const value = () => inline ?? argv[++i] ?? "";
      if (name === "--misquotes") shape.misquotes = parseShare(value());
      else if (name === "--archive-scale") shape.archiveScale = parseScale(value());
      else if (name.startsWith("--")) throw new Error(`unknown option ${name}`);
      else args.push(name);
    }
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    process.exit(2);
  }
  const n = Number(args[0] ?? 1000);
  const seed = Number(args[1] ?? 42);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
    console.error("usage: node bench/generate.mjs <nFiles> [seed] [dir] [--misquotes SHARE] [--archive-scale N]");
    process.exit(2);
  }
  if (args[2]) {
    const dir = resolve(args[2]);
    console.log(JSON.stringify(generate(dir, n, seed, shape)));
  } else {
    const { dir, manifest, cached } = ensureLedger(n, seed, { log: (m) => console.error(m), ...shape });
    console.log(`${dir} (${cached ? "cached" : "generated"}): ${JSON.stringify(manifest)}`);
  }
}
