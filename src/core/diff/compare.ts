/**
 * Two reports of one ledger compared (`claims diff`): claims added and removed, and per claim kept
 * its status, conflicts new and resolved, positions changed, verdict; diagnostics new and fixed.
 * Claims are matched by id, so a file renamed or a claim moved to another file is not "removed and
 * added"; diagnostics by what makes a finding the same (core/shared/fingerprint.ts), with renamed
 * files followed.
 */
import type { Diagnostic } from "../shared/diagnostics.js";
import { findingKey } from "../shared/fingerprint.js";
import type { Report, ReportClaim, ReportPosition, Status } from "../report/types.js";

export const DIFF_VERSION = 1;

/** A pair of conflicting parties, sorted: the origins when the report gives them, else the sources. */
export type Pair = readonly [string, string];

/** A claim added or removed, as it stands on its side. */
export interface DiffClaim {
  readonly id: string;
  readonly file: string;
  readonly question: string;
  readonly status: Status;
  readonly unresolved: boolean;
  readonly conflicts: readonly Pair[];
}

/** A position as the diff shows it: what it says, who said it, when. */
export interface DiffPosition {
  readonly says: unknown;
  /** The speaker whose statement stands (the origin itself, or a relay). */
  readonly source: string;
  /** The statement's effective date. */
  readonly on: string | null;
}

export interface PositionChange {
  readonly origin: string;
  /** Null when the origin had no position then (added), or has none now (removed). */
  readonly from: DiffPosition | null;
  readonly to: DiffPosition | null;
}

export interface DiffVerdict {
  readonly rating: string | null;
  readonly finding: unknown;
  readonly by: string | null;
  readonly on: string | null;
}

export interface Change<T> {
  readonly from: T;
  readonly to: T;
}

export interface ClaimChange {
  readonly id: string;
  readonly file: string;
  readonly question: string;
  /** Set when the claim now stands in another file. */
  readonly moved: Change<string> | null;
  readonly status: Change<Status> | null;
  readonly unresolved: Change<boolean> | null;
  readonly conflicts: { readonly new: readonly Pair[]; readonly resolved: readonly Pair[] };
  readonly positions: readonly PositionChange[];
  readonly verdict: Change<DiffVerdict | null> | null;
}

export interface ReportDiff {
  readonly version: typeof DIFF_VERSION;
  /** The revision compared with, as given, and its commit. */
  readonly from: { readonly revision: string; readonly commit: string };
  readonly summary: {
    readonly claimsAdded: number;
    readonly claimsRemoved: number;
    readonly claimsChanged: number;
    /** Conflicting pairs that are new, counting those of added claims. */
    readonly conflictsNew: number;
    /** Conflicting pairs of kept claims that are gone. */
    readonly conflictsResolved: number;
    readonly errorsNew: number;
    readonly errorsFixed: number;
    readonly warningsNew: number;
    readonly warningsFixed: number;
  };
  readonly added: readonly DiffClaim[];
  readonly removed: readonly DiffClaim[];
  readonly changed: readonly ClaimChange[];
  /** Errors and warnings that are new, and those fixed (infos are left out); each as its own side reports it. */
  readonly diagnostics: { readonly new: readonly Diagnostic[]; readonly fixed: readonly Diagnostic[] };
}

/** Compares the report at a revision (`before`) with today's (`after`); `renames` maps old display paths to new ones. */
export function compareReports(before: Pick<Report, "claims" | "diagnostics">, after: Pick<Report, "claims" | "diagnostics">, from: ReportDiff["from"], renames: ReadonlyMap<string, string> = new Map()): ReportDiff {
  const old = new Map(before.claims.map((c) => [c.id, c]));
  const now = new Map(after.claims.map((c) => [c.id, c]));
  const added = after.claims.filter((c) => !old.has(c.id)).map(summarise);
  const removed = before.claims.filter((c) => !now.has(c.id)).map(summarise);
  const changed: ClaimChange[] = [];
  for (const claim of after.claims) {
    const previous = old.get(claim.id);
    if (previous === undefined) continue;
    const change = compareClaim(previous, claim);
    if (change !== null) changed.push(change);
  }
  const diagnostics = compareDiagnostics(before.diagnostics, after.diagnostics, renames);
  const count = (list: readonly Diagnostic[], severity: Diagnostic["severity"]) => list.filter((d) => d.severity === severity).length;
  return {
    version: DIFF_VERSION,
    from,
    summary: {
      claimsAdded: added.length,
      claimsRemoved: removed.length,
      claimsChanged: changed.length,
      conflictsNew: added.reduce((n, c) => n + c.conflicts.length, 0) + changed.reduce((n, c) => n + c.conflicts.new.length, 0),
      conflictsResolved: changed.reduce((n, c) => n + c.conflicts.resolved.length, 0),
      errorsNew: count(diagnostics.new, "error"),
      errorsFixed: count(diagnostics.fixed, "error"),
      warningsNew: count(diagnostics.new, "warning"),
      warningsFixed: count(diagnostics.fixed, "warning"),
    },
    added,
    removed,
    changed,
    diagnostics,
  };
}

/** The pairs of a claim's conflicts: by origins when the report gives them (SPEC §11 v2), else by sources. */
export function conflictPairs(claim: Pick<ReportClaim, "conflicts">): Pair[] {
  return claim.conflicts.map((c) => (c as { readonly origins?: Pair }).origins ?? c.sources);
}

function summarise(claim: ReportClaim): DiffClaim {
  return { id: claim.id, file: claim.file, question: claim.question, status: claim.status, unresolved: claim.unresolved, conflicts: conflictPairs(claim) };
}

function compareClaim(before: ReportClaim, after: ReportClaim): ClaimChange | null {
  const pairKey = (pair: Pair) => pair.join("\0");
  const oldPairs = new Map(conflictPairs(before).map((p) => [pairKey(p), p]));
  const newPairs = new Map(conflictPairs(after).map((p) => [pairKey(p), p]));
  const conflicts = { new: [...newPairs].filter(([k]) => !oldPairs.has(k)).map(([, p]) => p), resolved: [...oldPairs].filter(([k]) => !newPairs.has(k)).map(([, p]) => p) };
  const positions = comparePositions(before, after);
  const verdictBefore = verdictOf(before);
  const verdictAfter = verdictOf(after);
  const change: ClaimChange = {
    id: after.id,
    file: after.file,
    question: after.question,
    // A file renamed moves its claims too: said, though nothing else changed.
    moved: before.file === after.file ? null : { from: before.file, to: after.file },
    status: before.status === after.status ? null : { from: before.status, to: after.status },
    unresolved: before.unresolved === after.unresolved ? null : { from: before.unresolved, to: after.unresolved },
    conflicts,
    positions,
    verdict: same(verdictBefore, verdictAfter) ? null : { from: verdictBefore, to: verdictAfter },
  };
  const nothing = !change.moved && !change.status && !change.unresolved && conflicts.new.length === 0 && conflicts.resolved.length === 0 && positions.length === 0 && !change.verdict;
  return nothing ? null : change;
}

/**
 * Positions keyed by origin (SPEC §6 v2: each origin has one). A report of the first release can
 * hold two positions of one origin (two relays of it); those are keyed by origin and speaker.
 */
function positionsByKey(claim: ReportClaim): Map<string, { origin: string; position: DiffPosition }> {
  const origins = claim.positions.map((p) => p.origin);
  const out = new Map<string, { origin: string; position: DiffPosition }>();
  for (const p of claim.positions) {
    const key = origins.indexOf(p.origin) === origins.lastIndexOf(p.origin) ? p.origin : `${p.origin}\0${p.source}`;
    out.set(key, { origin: p.origin, position: { says: p.says, source: p.source, on: positionDate(claim, p) } });
  }
  return out;
}

/** The effective date of the statement a position stands on. */
function positionDate(claim: ReportClaim, position: ReportPosition): string | null {
  return claim.statements.find((s) => s.position && s.source === position.source && (s.via ?? s.source) === position.origin)?.on ?? null;
}

function comparePositions(before: ReportClaim, after: ReportClaim): PositionChange[] {
  const old = positionsByKey(before);
  const now = positionsByKey(after);
  const out: PositionChange[] = [];
  for (const [key, { origin, position }] of now) {
    const previous = old.get(key)?.position ?? null;
    if (previous === null || !same(previous, position)) out.push({ origin, from: previous, to: position });
  }
  for (const [key, { origin, position }] of old) if (!now.has(key)) out.push({ origin, from: position, to: null });
  return out;
}

function verdictOf(claim: ReportClaim): DiffVerdict | null {
  const v = claim.verdict;
  return v === null ? null : { rating: v.rating, finding: v.finding, by: v.by, on: v.on };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Errors and warnings new and fixed, matched as a multiset by their finding key; old files renamed to their new names. */
function compareDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[], renames: ReadonlyMap<string, string>): ReportDiff["diagnostics"] {
  const counted = (list: readonly Diagnostic[], file: (d: Diagnostic) => string) => {
    const keys = new Map<string, number>();
    for (const d of list) {
      if (d.severity === "info") continue;
      const key = findingKey({ ...d, file: file(d) });
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    return keys;
  };
  const oldName = (d: Diagnostic) => renames.get(d.file) ?? d.file;
  const oldKeys = counted(before, oldName);
  const newKeys = counted(after, (d) => d.file);
  const unmatched = (list: readonly Diagnostic[], file: (d: Diagnostic) => string, other: Map<string, number>) =>
    list.filter((d) => {
      if (d.severity === "info") return false;
      const key = findingKey({ ...d, file: file(d) });
      const left = other.get(key) ?? 0;
      if (left === 0) return true;
      other.set(key, left - 1);
      return false;
    });
  return { new: unmatched(after, (d) => d.file, oldKeys), fixed: unmatched(before, oldName, newKeys) };
}
