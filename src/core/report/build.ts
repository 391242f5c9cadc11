/** Analysis → the §11 report. */
import type { ClaimAnalysis } from "../analysis/analyse-claim.js";
import { compareDiagnostics, countSeverities, type Diagnostic } from "../shared/diagnostics.js";
import type { Ledger } from "../load/ledger.js";
import type { QuoteChecks } from "../quotes/check-quotes.js";
import { type ClaimStream, REPORT_VERSION, type ReportClaim, type ReportInterval, STATUSES, type Status } from "./types.js";
import { toInterval } from "../values/index.js";
import type { ValueSet } from "../values/types.js";
import { claimKeyPlace, locate } from "../load/locate.js";
import type { Position } from "../shared/diagnostics.js";

function lineAndColumn(at: Position): { line: number; column: number } {
  return { line: at.line, column: at.column };
}

/** What the summary needs to know of the claims, counted before they are built for output. */
export interface ClaimTally {
  readonly status: Record<Status, number>;
  readonly statements: number;
  readonly unresolved: number;
}

/** An empty tally, to count claims into. */
export function emptyTally(): { status: Record<Status, number>; statements: number; unresolved: number } {
  return { status: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, statements: 0, unresolved: 0 };
}

/** Builds the report from a ledger, the tally of its claims, every diagnostic, and the claims on demand. */
export function buildReport(ledger: Ledger, tally: ClaimTally, diagnostics: readonly Diagnostic[], claims: () => Iterable<ReportClaim>): ClaimStream {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const counts = countSeverities(sorted);
  return {
    version: REPORT_VERSION,
    summary: {
      files: ledger.files.length,
      sources: ledger.sources.size,
      documents: ledger.documents.size,
      // The claims reported: with a file list (SPEC §10), those of the named files.
      claims: STATUSES.reduce((n, status) => n + tally.status[status], 0),
      statements: tally.statements,
      errors: counts.error,
      warnings: counts.warning,
      status: tally.status,
      unresolved: tally.unresolved,
    },
    diagnostics: sorted,
    claims,
    sources: [...ledger.sources.values()].map(({ id, data }) => ({ id, name: data.name, type: data.type, side: data.side ?? null, url: data.url ?? null })),
    documents: [...ledger.documents.values()].map(({ id, data }) => ({
      id,
      title: data.title,
      publisher: data.publisher,
      url: data.url ?? null,
      published: data.published ?? null,
    })),
    settings: { publisher: ledger.settings.publisher ?? null, url: ledger.settings.url ?? null },
    omittedClaims: ledger.omittedClaims.map(({ id, reason, at }) => ({ id, reason, file: at.file, line: at.line, column: at.column })),
  };
}

/** One claim of the report, from its analysis and quote results. */
export function reportClaim(ledger: Ledger, analysis: ClaimAnalysis, quotes: QuoteChecks): ReportClaim {
  const { claim, positions } = analysis;
  const data = claim.data;
  const checks = quotes.byClaim.get(claim.id) ?? [];
  // Per position, the origins its position conflicts with (SPEC §6 v2: one disagreement once).
  const conflictsOf = new Map<number, string[]>();
  for (const [a, b] of analysis.conflicts) {
    (conflictsOf.get(a) ?? conflictsOf.set(a, []).get(a)!).push(positions[b].origin);
    (conflictsOf.get(b) ?? conflictsOf.set(b, []).get(b)!).push(positions[a].origin);
  }
  const positionAt = new Map(positions.map((p, i) => [p.statement, i]));
  const verdict = data.verdict;
  const bounds = (set: ValueSet | null): ReportInterval | null => (set === null ? null : toInterval(set));
  const at = claimKeyPlace(claim.file, claim.id);
  return {
    id: claim.id,
    file: claim.file.display,
    line: at.line,
    column: at.column,
    question: data.question,
    type: data.type,
    status: analysis.status,
    unresolved: analysis.unresolved,
    ...(data.type === "quantity" ? { range: bounds(analysis.range), window: bounds(analysis.window) } : {}),
    statements: analysis.statements.map((s, k) => {
      const standing = positionAt.get(s);
      return {
        source: s.data.source,
        says: s.data.says,
        on: s.on,
        in: s.data.in ?? null,
        via: s.data.via ?? null,
        retracted: s.data.retracted ?? false,
        quote: s.data.quote ?? null,
        quoteCheck: checks[k] ?? null,
        position: s.position,
        side: ledger.sources.get(s.data.source)?.data.side ?? null,
        conflictsWith: standing === undefined ? [] : [...(conflictsOf.get(standing) ?? [])].sort(),
        error: s.error,
        ...lineAndColumn(locate(claim.file, ["claims", claim.id, "statements", s.index])),
        origin: s.origin,
        asOf: s.asOf,
        url: s.data.url ?? null,
        interval: s.set === null ? null : toInterval(s.set),
      };
    }),
    positions: positions.map((p) => ({
      source: p.source,
      says: p.statement.data.says,
      group: p.group,
      origin: p.origin,
      committed: p.committed,
      vsFinding: p.vsFinding,
      interval: toInterval(p.set),
      asOf: p.statement.asOf,
      reportedBy: p.reportedBy,
    })),
    revisions: analysis.revisions,
    conflicts: analysis.conflicts
      .map(([a, b]) => ({ sources: sorted(positions[a].source, positions[b].source), origins: sorted(positions[a].origin, positions[b].origin) }))
      .sort((x, y) => compareText(x.origins[0], y.origins[0]) || compareText(x.origins[1], y.origins[1])),
    conflictCount: analysis.conflictCount,
    verdict: verdict
      ? {
          finding: verdict.finding ?? null,
          rating: verdict.rating ?? null,
          note: verdict.note ?? null,
          by: verdict.by ?? null,
          on: verdict.on ?? null,
          interval: analysis.finding ? toInterval(analysis.finding) : null,
          claim: verdict.claim ?? null,
          claimant: verdict.claimant ?? null,
        }
      : null,
    // The first word of a unit list is the one shown (SPEC §4 v2).
    unit: data.type === "quantity" ? ((typeof data.unit === "string" ? data.unit : data.unit?.[0]) ?? null) : null,
    options: data.type === "choice" ? data.options : null,
    tags: data.tags ?? [],
    groups: analysis.groups,
    cumulative: data.type === "quantity" && data.cumulative === true,
  };
}

function sorted(a: string, b: string): readonly [string, string] {
  return a <= b ? [a, b] : [b, a];
}

/** Plain code-unit order, as ids are sorted everywhere in the report. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
