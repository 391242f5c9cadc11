/** Positions, revisions, independence, conflicts and findings (SPEC §6, §8), per claim. */
import { diagnostic, type Diagnostic } from "../shared/diagnostics.js";
import type { ClaimEntry, Ledger } from "../load/ledger.js";
import { locate } from "../load/locate.js";
import type { StatementInput } from "../load/records.js";
import { parseValue, UNKNOWN, widen } from "../values/index.js";
import type { ValueContext, ValueSet } from "../values/types.js";
import { countConflictPairs } from "./conflict-count.js";
import { conflictIndexPairs } from "./conflicts.js";
import { byOrigin, type ReadStatement, type Warn } from "./origins.js";
import { agreesWithFinding, type Rule } from "./rule.js";
import { latestAsOf, rangeOf, windowOf } from "./window.js";

export { byTime, type Timed } from "./time.js";
export { conflictingPairs } from "./conflicts.js";

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
  /** (v2) The as-of date: `as-of`, else the effective date. */
  readonly asOf: string | null;
  /** (v2) Its `via`, else its source: whose view it is evidence of. */
  readonly origin: string;
  /** What puts the statement in error, if anything (see `ReportStatement.error`). */
  readonly error: StatementError | null;
  /** False when retracted or in error: it is shown but takes no part in positions. */
  readonly remains: boolean;
  readonly position: boolean;
}

/** An origin's position (SPEC §6 v2): one per origin. */
export interface Position {
  /** The speaker of the statement it comes from: the origin, or the relay whose report stands. */
  readonly source: string;
  readonly statement: AnalysedStatement;
  readonly set: ValueSet;
  readonly origin: string;
  readonly group: string;
  readonly committed: boolean;
  readonly vsFinding: "agrees" | "contradicts" | null;
  /** The other speakers whose remaining statements of this origin agree with it, sorted. */
  readonly reportedBy: readonly string[];
}

export interface ClaimAnalysis {
  readonly claim: ClaimEntry;
  readonly statements: readonly AnalysedStatement[];
  /** One per origin with a remaining statement, in order of the origin's first statement. */
  readonly positions: readonly Position[];
  /** Per origin (`source` is the origin), its values as written, in time order. */
  readonly revisions: readonly { readonly source: string; readonly values: readonly unknown[] }[];
  /** Conflicting pairs of positions (indices into `positions`, of two different origins); at most MAX_LISTED_CONFLICTS. */
  readonly conflicts: readonly (readonly [number, number])[];
  /** How many pairs conflict, listed or not (0 when only the status was asked for). */
  readonly conflictCount: number;
  readonly status: Status;
  readonly unresolved: boolean;
  readonly groups: number;
  readonly finding: ValueSet | null;
  /** (v2) Quantity only: the envelope of the committed positions as stated, and what they jointly allow (SPEC §8). */
  readonly range: ValueSet | null;
  readonly window: ValueSet | null;
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

/**
 * The most conflicting pairs a claim lists (SPEC §8 lists every pair: so it does, up to this). Two
 * thousand sources that all disagree have two million pairs, which took gigabytes to build and
 * could not be written as one JSON string; `conflictCount` counts them all.
 */
export const MAX_LISTED_CONFLICTS = 1_000;

/** What an analysis is for: `list` the conflicting pairs (the report), or only the `status` (lint, which shows no pair). */
export interface AnalysisOptions {
  readonly conflicts?: "list" | "status";
}

/** Analyses one claim; its diagnostics (invalid values, ambiguous revisions, relay warnings, a cut list of conflicts) are added to `diagnostics`. */
export function analyseClaim(ledger: Ledger, claim: ClaimEntry, diagnostics: Diagnostic[], options: AnalysisOptions = {}): ClaimAnalysis {
  const ctx = valueContext(claim);
  const data = claim.data;
  const tolerance = data.type === "quantity" ? (data.tolerance ?? 0) : 0;
  const rule: Rule = { cumulative: data.type === "quantity" && data.cumulative === true };
  const path = (index: number, ...rest: PropertyKey[]) => ["claims", claim.id, "statements", index, ...rest];

  // Read every statement's value; a statement in error (unreadable value, unknown source or
  // relay) is kept for display but takes no part in positions.
  const read: (ReadStatement & { readonly error: StatementError | null })[] = data.statements.map((written, k) => {
    // A source named as relaying itself (a `self-relay` warning) speaks for itself.
    const statement = written.via === written.source ? ownStatement(written) : written;
    const index = claim.statementIndexes[k];
    const parsed = parseValue(ctx, statement.says);
    if (!parsed.ok) diagnostics.push(diagnostic("invalid-value", parsed.message, locate(claim.file, path(index, "says"))));
    const set = parsed.ok ? parsed.set : null;
    const error = statementError(ledger, statement, set);
    const on = statement.on ?? (statement.in !== undefined ? (ledger.documents.get(statement.in)?.data.published ?? null) : null);
    return {
      index,
      order: k,
      data: statement,
      set,
      wide: set === null ? UNKNOWN : widen(set, tolerance),
      on,
      asOf: statement["as-of"] ?? on,
      origin: statement.via ?? statement.source,
      remains: error === null && statement.retracted === undefined,
      error,
    };
  });

  const warn: Warn = (code, message, at, field) => diagnostics.push(diagnostic(code, message, locate(claim.file, field ? path(at.index, field) : path(at.index))));
  const origins = byOrigin(read, rule, warn);

  let finding: ValueSet | null = null;
  const verdict = data.verdict;
  if (verdict?.finding !== undefined) {
    const parsed = parseValue(ctx, verdict.finding);
    if (parsed.ok) finding = parsed.set;
    else diagnostics.push(diagnostic("invalid-value", parsed.message, locate(claim.file, ["claims", claim.id, "verdict", "finding"])));
  }
  const widenedFinding = finding && widen(finding, tolerance);

  const standing = new Set(origins.positions.map((p) => p.statement));
  const statements: AnalysedStatement[] = read.map((s) => ({
    index: s.index,
    data: s.data,
    set: s.set,
    on: s.on,
    asOf: s.asOf,
    origin: s.origin,
    error: s.error,
    remains: s.remains,
    position: standing.has(s),
  }));
  // Conflicts, groups, the window and the finding's date concern the committed positions only.
  const committedAt = origins.positions.flatMap((p, i) => (p.statement.set!.kind !== "unknown" ? [i] : []));
  const committedStatements = committedAt.map((i) => origins.positions[i].statement);
  // The finding speaks of the latest as-of date of the committed positions (SPEC §8 v2).
  const latest = latestAsOf(committedStatements);
  const positions: Position[] = origins.positions.map(({ origin, statement: s, reportedBy }) => {
    const committed = s.set!.kind !== "unknown";
    return {
      source: s.data.source,
      statement: statements[s.order],
      set: s.set!,
      origin,
      group: ledger.sources.get(origin)?.data.side ?? origin,
      committed,
      vsFinding: !committed || !widenedFinding ? null : agreesWithFinding(s, widenedFinding, latest, rule) ? "agrees" : "contradicts",
      reportedBy,
    };
  });

  // One position per origin, so two relays of one origin never conflict. For the status alone, one
  // pair says it; for the report, the pairs are listed up to the limit and counted beyond it.
  const statusOnly = options.conflicts === "status";
  const found = conflictIndexPairs(committedStatements, rule.cumulative, statusOnly ? 1 : MAX_LISTED_CONFLICTS);
  const conflictCount = statusOnly ? 0 : found.length < MAX_LISTED_CONFLICTS ? found.length : countConflictPairs(committedStatements, rule.cumulative);
  const conflicts = statusOnly ? [] : found.map(([a, b]) => [committedAt[a], committedAt[b]] as const);
  if (conflictCount > conflicts.length) {
    const message = `claim '${claim.id}' has ${conflictCount.toLocaleString("en-US")} conflicting pairs; the report lists the first ${MAX_LISTED_CONFLICTS.toLocaleString("en-US")} (\`conflictCount\` counts them all)`;
    diagnostics.push(diagnostic("conflicts-truncated", message, locate(claim.file, ["claims", claim.id], "key")));
  }
  const groups = new Set(committedAt.map((i) => positions[i].group)).size;
  const status: Status = found.length > 0 ? "conflict" : groups >= 2 ? "corroborated" : groups === 1 ? "single-source" : "unsourced";
  const stated = committedStatements.map((s) => ({ set: s.set!, asOf: s.asOf }));
  return {
    claim,
    statements,
    positions,
    revisions: origins.revisions,
    conflicts,
    conflictCount,
    status,
    unresolved: status === "conflict" && verdict === undefined,
    groups,
    finding,
    range: data.type === "quantity" ? rangeOf(stated) : null,
    window: data.type === "quantity" ? windowOf(stated, rule.cumulative) : null,
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

/** The statement without its `via`. */
function ownStatement(statement: StatementInput): StatementInput {
  const { via: _, ...own } = statement;
  return own;
}
