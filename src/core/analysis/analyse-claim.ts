/** Positions, revisions, independence, conflicts and findings (SPEC §6, §8), per claim. */
import { diagnostic, type Diagnostic } from "../shared/diagnostics.js";
import type { ClaimEntry, Ledger } from "../load/ledger.js";
import { locate } from "../load/locate.js";
import type { StatementInput } from "../load/records.js";
import { compatible, parseValue, sameSet, widen } from "../values/index.js";
import type { ValueContext, ValueSet } from "../values/types.js";

/** A claim's finding (SPEC §8), in the order reports list them. */
export const STATUSES = ["conflict", "corroborated", "single-source", "unsourced"] as const;
export type Status = (typeof STATUSES)[number];

/**
 * What keeps a statement in error out of the positions: a value the grammar cannot read
 * (`invalid-value`), a `source` or `via` that is not declared (`unknown-source`) or that has
 * schema errors (`invalid-source`).
 */
export type StatementError = "invalid-value" | "unknown-source" | "invalid-source";

/** One statement of a claim, with what the analysis made of it. */
export interface AnalysedStatement {
  /** Index in the claim's `statements` list in the file. */
  readonly index: number;
  readonly data: StatementInput;
  /** The value's set; null when the value could not be read. */
  readonly set: ValueSet | null;
  /** The effective date: `on`, else the document's `published`. */
  readonly on: string | null;
  /** What puts the statement in error, if anything (see `ReportStatement.error`). */
  readonly error: StatementError | null;
  /** False when retracted or in error: it is shown but takes no part in positions. */
  readonly remains: boolean;
  readonly position: boolean;
}

export interface Position {
  readonly source: string;
  readonly statement: AnalysedStatement;
  readonly set: ValueSet;
  readonly origin: string;
  readonly group: string;
  readonly committed: boolean;
  readonly vsFinding: "agrees" | "contradicts" | null;
}

export interface ClaimAnalysis {
  readonly claim: ClaimEntry;
  readonly statements: readonly AnalysedStatement[];
  /** One per source with a remaining statement, in order of first appearance. */
  readonly positions: readonly Position[];
  readonly revisions: readonly { readonly source: string; readonly values: readonly unknown[] }[];
  /** Conflicting pairs of sources: each pair in id order, the list sorted. */
  readonly conflicts: readonly (readonly [string, string])[];
  readonly status: Status;
  readonly unresolved: boolean;
  readonly groups: number;
  readonly finding: ValueSet | null;
}

/** The context the value grammar needs for a claim. */
export function valueContext(claim: ClaimEntry): ValueContext {
  const data = claim.data;
  return {
    type: data.type,
    unit: data.type === "quantity" ? data.unit : undefined,
    margin: data.type === "quantity" ? (data.margin ?? 0.1) : 0.1,
    options: data.type === "choice" ? data.options : undefined,
  };
}

/** Analyses one claim; its diagnostics (invalid values, ambiguous revisions) are added to `diagnostics`. */
export function analyseClaim(ledger: Ledger, claim: ClaimEntry, diagnostics: Diagnostic[]): ClaimAnalysis {
  const ctx = valueContext(claim);
  const tolerance = claim.data.type === "quantity" ? (claim.data.tolerance ?? 0) : 0;
  const path = (index: number, ...rest: PropertyKey[]) => ["claims", claim.id, "statements", index, ...rest];

  // Read every statement's value; a statement in error (unreadable value, unknown source or
  // relay) is kept for display but takes no part in positions.
  const read = claim.data.statements.map((data, k) => {
    const index = claim.statementIndexes[k];
    const parsed = parseValue(ctx, data.says);
    if (!parsed.ok) diagnostics.push(diagnostic("invalid-value", parsed.message, locate(claim.file, path(index, "says"))));
    const set = parsed.ok ? parsed.set : null;
    const error = statementError(ledger, data, set);
    const on = data.on ?? (data.in !== undefined ? (ledger.documents.get(data.in)?.data.published ?? null) : null);
    return { index, data, set, on, error, remains: error === null && data.retracted === undefined, order: k };
  });

  // Per source, statements in time order: undated first, then by date, file order breaking ties.
  const bySource = new Map<string, typeof read>();
  for (const s of read) {
    const list = bySource.get(s.data.source);
    if (list) list.push(s);
    else bySource.set(s.data.source, [s]);
  }
  const positionOf = new Map<string, (typeof read)[number]>();
  const revisions: { source: string; values: unknown[] }[] = [];
  for (const [source, list] of bySource) {
    list.sort(byTime);
    const remaining = list.filter((s) => s.remains);
    if (remaining.length > 0) positionOf.set(source, remaining[remaining.length - 1]);
    // A revision needs two readable values that differ; it then lists every statement as written
    // (retracted and unreadable ones included), so the history is complete.
    const withSets = list.filter((s) => s.set !== null);
    if (withSets.some((s) => !sameSet(s.set!, withSets[0].set!))) {
      revisions.push({ source, values: list.map((s) => s.data.says) });
    }
    reportAmbiguous(claim, remaining, tolerance, diagnostics, path);
  }

  let finding: ValueSet | null = null;
  const verdict = claim.data.verdict;
  if (verdict?.finding !== undefined) {
    const parsed = parseValue(ctx, verdict.finding);
    if (parsed.ok) finding = parsed.set;
    else diagnostics.push(diagnostic("invalid-value", parsed.message, locate(claim.file, ["claims", claim.id, "verdict", "finding"])));
  }
  const widenedFinding = finding && widen(finding, tolerance);

  const statements: AnalysedStatement[] = read.map((s) => ({
    index: s.index,
    data: s.data,
    set: s.set,
    on: s.on,
    error: s.error,
    remains: s.remains,
    position: positionOf.get(s.data.source) === s,
  }));
  const positions: Position[] = [];
  for (const [source, s] of positionOf) {
    const origin = s.data.via ?? source;
    const committed = s.set!.kind !== "unknown";
    positions.push({
      source,
      statement: statements[s.order],
      set: s.set!,
      origin,
      group: ledger.sources.get(origin)?.data.side ?? origin,
      committed,
      vsFinding: !committed || !widenedFinding ? null : compatible(widen(s.set!, tolerance), widenedFinding) ? "agrees" : "contradicts",
    });
  }

  const committed = positions.filter((p) => p.committed);
  const conflicts = conflictingPairs(committed, tolerance);
  const groups = new Set(committed.map((p) => p.group)).size;
  const status: Status = conflicts.length > 0 ? "conflict" : groups >= 2 ? "corroborated" : groups === 1 ? "single-source" : "unsourced";
  return {
    claim,
    statements,
    positions,
    revisions,
    conflicts,
    status,
    unresolved: status === "conflict" && verdict === undefined,
    groups,
    finding,
  };
}

/** What keeps a statement out of the positions besides retraction: its value, or the sources it names. */
function statementError(ledger: Ledger, statement: StatementInput, set: ValueSet | null): StatementError | null {
  if (set === null) return "invalid-value";
  for (const id of [statement.source, statement.via]) {
    if (id === undefined || ledger.sources.has(id)) continue;
    // Declared as a source but left out for its schema errors, or not a source at all.
    return ledger.declared.get(id) === "sources" ? "invalid-source" : "unknown-source";
  }
  return null;
}

/** Something placed in time: its effective date, and its place in file order. */
export interface Timed {
  readonly on: string | null;
  readonly order: number;
}

/** SPEC §6 time order: undated before dated, then by date, file order breaking ties. */
export function byTime(a: Timed, b: Timed): number {
  if (a.on !== b.on) {
    if (a.on === null) return -1;
    if (b.on === null) return 1;
    return a.on < b.on ? -1 : 1;
  }
  return a.order - b.order;
}

/** Two remaining statements of one source that conflict on the same effective date: the tool cannot tell which is newer. */
function reportAmbiguous(
  claim: ClaimEntry,
  remaining: readonly (Timed & { set: ValueSet | null; index: number; data: StatementInput })[],
  tolerance: number,
  diagnostics: Diagnostic[],
  path: (index: number, ...rest: PropertyKey[]) => PropertyKey[],
): void {
  // `remaining` is in time order, so statements of one date are adjacent; compare within each run.
  let start = 0;
  while (start < remaining.length) {
    let end = start + 1;
    while (end < remaining.length && remaining[end].on === remaining[start].on) end++;
    const run = remaining.slice(start, end);
    for (let j = 1; j < run.length; j++) {
      const later = widen(run[j].set!, tolerance);
      const earlier = run.slice(0, j).find((s) => !compatible(widen(s.set!, tolerance), later));
      if (earlier) {
        const date = run[j].on === null ? "neither has a date" : `both dated ${run[j].on}`;
        diagnostics.push(
          diagnostic(
            "ambiguous-revision",
            `'${run[j].data.source}' says two conflicting things and ${date}; the later one in the file is taken as its position — add \`on:\` dates or \`retracted:\` to say which is newer`,
            locate(claim.file, path(run[j].index)),
          ),
        );
      }
    }
    start = end;
  }
}

/**
 * Every pair of positions of different sources whose (widened) sets do not overlap. Interval
 * positions are swept in order of their lower bounds, so the work grows with the number of
 * positions plus the number of pairs found, never with every pair tried.
 */
export function conflictingPairs(positions: readonly Pick<Position, "source" | "set">[], tolerance: number): [string, string][] {
  const pairs: [string, string][] = [];
  const add = (a: string, b: string) => pairs.push(a < b ? [a, b] : [b, a]);
  const intervals: { source: string; set: Extract<ValueSet, { kind: "interval" }> }[] = [];
  const others: { source: string; set: ValueSet; key: string }[] = [];
  for (const p of positions) {
    const set = widen(p.set, tolerance);
    if (set.kind === "interval") intervals.push({ source: p.source, set });
    else others.push({ source: p.source, set, key: JSON.stringify(set) });
  }

  // Intervals: sorted by lower bound, an interval conflicts with exactly those that start after it ends.
  intervals.sort((a, b) => a.set.lo - b.set.lo || Number(a.set.loOpen) - Number(b.set.loOpen));
  for (let i = 0; i < intervals.length; i++) {
    const a = intervals[i];
    // First index after i whose interval begins beyond a's end (binary search on sorted lows).
    let lo = i + 1;
    let hi = intervals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compatible(a.set, intervals[mid].set)) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < intervals.length; j++) add(a.source, intervals[j].source);
  }

  // Options and booleans: positions with the same set are interchangeable, so compare distinct sets.
  const classes = new Map<string, { set: ValueSet; sources: string[] }>();
  for (const o of others) {
    const c = classes.get(o.key);
    if (c) c.sources.push(o.source);
    else classes.set(o.key, { set: o.set, sources: [o.source] });
  }
  const distinct = [...classes.values()];
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      if (compatible(distinct[i].set, distinct[j].set)) continue;
      for (const a of distinct[i].sources) for (const b of distinct[j].sources) add(a, b);
    }
  }
  return pairs.sort((x, y) => (x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
}
