/** The JSON report (SPEC §11): the one data shape every output of `check` and `export` is built from. */
import type { Diagnostic } from "../shared/diagnostics.js";
import type { ClaimType } from "../values/types.js";
import type { StatementError, Status } from "../analysis/analyse-claim.js";
import type { QuoteCheck } from "../quotes/check-quotes.js";

export const REPORT_VERSION = 1;

export { STATUSES, type Status, type StatementError } from "../analysis/analyse-claim.js";
export type { QuoteCheck } from "../quotes/check-quotes.js";

export interface ReportStatement {
  readonly source: string;
  /** Echoed as YAML read it. */
  readonly says: unknown;
  /** The effective date: `on`, else the document's `published`. */
  readonly on: string | null;
  readonly in: string | null;
  readonly via: string | null;
  readonly retracted: boolean | string;
  readonly quote: string | null;
  readonly quoteCheck: QuoteCheck | null;
  /** True on the statement that is its origin's position (SPEC §6 v2). */
  readonly position: boolean;
  /** Added to §11: the source's side (null without one), so exports need no second lookup. */
  readonly side: string | null;
  /** Added to §11: the origins whose positions conflict with this one (empty unless it is a position). */
  readonly conflictsWith: readonly string[];
  /**
   * Added to §11: what keeps a statement in error out of the positions: a value the grammar cannot
   * read (`invalid-value`), a `source` or `via` that is not declared (`unknown-source`) or that
   * has schema errors (`invalid-source`). Null for a statement not in error (a retracted one too).
   */
  readonly error: StatementError | null;
  /** SPEC §11 v2: where its list item starts (1-based, UTF-16 columns). */
  readonly line: number;
  readonly column: number;
  /** (v2) Its `via`, else its source: the origin whose view it is evidence of. */
  readonly origin: string;
  /** (v2) The date the value refers to: `as-of`, else the effective date. */
  readonly asOf: string | null;
  /** (v2) A link to the exact place it was said. */
  readonly url: string | null;
  /**
   * Added to §11: the statement's set as stated (quantities and dates; null for other types, for
   * `unknown` and for a value that could not be read), so a timeline can place every statement.
   */
  readonly interval: ReportInterval | null;
}

export interface ReportPosition {
  readonly source: string;
  readonly says: unknown;
  /** Independence group: the origin's side, else the origin's id. */
  readonly group: string;
  /** Added to §11: the origin (`via`, else the source). */
  readonly origin: string;
  readonly committed: boolean;
  readonly vsFinding: "agrees" | "contradicts" | null;
  /** Added to §11: the position's set as stated, for charts (quantities and dates; null otherwise). */
  readonly interval: ReportInterval | null;
  /** (v2) The as-of date of the statement it comes from. */
  readonly asOf: string | null;
  /** (v2) The other speakers whose remaining statements of this origin agree with it, sorted. */
  readonly reportedBy: readonly string[];
}

/** A numeric interval; a null bound is unbounded, and then its flag is true (SPEC §11 v2). */
export interface ReportInterval {
  readonly min: number | null;
  readonly max: number | null;
  readonly minOpen: boolean;
  readonly maxOpen: boolean;
}

export interface ReportVerdict {
  readonly finding: unknown;
  readonly rating: string | null;
  readonly note: string | null;
  readonly by: string | null;
  readonly on: string | null;
  /** Added to §11: the finding's set as an interval (quantities and dates; null otherwise). */
  readonly interval: ReportInterval | null;
  /** (v2) The assertion the rating is about, as published. */
  readonly claim: string | null;
  /** (v2) The source id of who made that assertion. */
  readonly claimant: string | null;
}

/** A conflicting pair (SPEC §11 v2): the two origins, and the speakers whose statements stand; each pair sorted. */
export interface ReportConflict {
  readonly sources: readonly [string, string];
  readonly origins: readonly [string, string];
}

export interface ReportClaim {
  readonly id: string;
  readonly file: string;
  /** SPEC §11 v2: where its id key stands (1-based, UTF-16 columns). */
  readonly line: number;
  readonly column: number;
  readonly question: string;
  readonly type: ClaimType;
  readonly status: Status;
  readonly unresolved: boolean;
  /** Quantity only: the envelope of committed positions; null without one. */
  readonly range?: ReportInterval | null;
  /** (v2) Quantity only: what every committed position allows (SPEC §8); null when nothing or no position. */
  readonly window?: ReportInterval | null;
  readonly statements: readonly ReportStatement[];
  readonly positions: readonly ReportPosition[];
  readonly revisions: readonly { readonly source: string; readonly values: readonly unknown[] }[];
  /** Every conflicting pair (SPEC §8), up to 1,000 per claim. */
  readonly conflicts: readonly ReportConflict[];
  /** Added to §11 (issue 18): how many pairs conflict, listed or not; more than `conflicts` holds when the list was cut. */
  readonly conflictCount: number;
  readonly verdict: ReportVerdict | null;
  /** Added to §11. */
  readonly unit: string | null;
  readonly options: readonly string[] | null;
  readonly tags: readonly string[];
  /** Added to §11: independence groups among committed positions. */
  readonly groups: number;
  /** (v2) A running count (SPEC §4); false for every claim that is not a cumulative quantity. */
  readonly cumulative: boolean;
}

export interface ReportSource {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly side: string | null;
  readonly url: string | null;
}

export interface ReportDocument {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly url: string | null;
  readonly published: string | null;
}

export interface Report {
  readonly version: typeof REPORT_VERSION;
  readonly summary: {
    readonly files: number;
    readonly sources: number;
    readonly documents: number;
    readonly claims: number;
    readonly statements: number;
    readonly errors: number;
    readonly warnings: number;
    readonly status: Record<Status, number>;
    /** Added to §11: claims in conflict with no verdict. */
    readonly unresolved: number;
  };
  readonly diagnostics: readonly Diagnostic[];
  readonly claims: readonly ReportClaim[];
  /** Added to §11: the sources and documents, so exports can name and link them. */
  readonly sources: readonly ReportSource[];
  readonly documents: readonly ReportDocument[];
  /** Added to §11: the ledger's settings (publisher, url), null where not given. */
  readonly settings: { readonly publisher: string | null; readonly url: string | null };
  /** Added to §11: claims left out of `claims` for an error of their own, at their id key, so outputs can say why they are missing. */
  readonly omittedClaims: readonly ReportOmittedClaim[];
}

/** A claim not analysed: its id is not a slug, was declared before, or it has schema errors outside its statements. */
export interface ReportOmittedClaim {
  readonly id: string;
  readonly reason: "id" | "duplicate-id" | "schema";
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * A report whose claims are produced on demand, one at a time, in ledger order: a large ledger can
 * then be written out without holding every claim's entry at once. `materialize` gives a `Report`.
 */
export interface ClaimStream extends Omit<Report, "claims"> {
  readonly claims: () => Iterable<ReportClaim>;
}

/** The whole report, every claim built; the keys keep their §11 order. */
export function materialize(report: ClaimStream): Report {
  return { ...report, claims: [...report.claims()] };
}
