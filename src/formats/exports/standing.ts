/**
 * Which statement stands (SPEC §12 v2): each statement is its origin's position, agrees with it,
 * is superseded, retracted, in error, or a relay the analysis warned about. Read from the report —
 * the statement's own fields, its origin's position, and the `stale-relay` / `relay-mismatch`
 * diagnostics — never by comparing values again.
 */
import type { Report, ReportClaim, ReportStatement } from "../../core/report/types.js";
import { STATEMENT_ERRORS } from "./display.js";

/** How a statement stands, from strongest to weakest claim on the reader's attention. */
export type Standing = "position" | "agrees" | "superseded" | "retracted" | "error" | "stale-relay" | "relay-mismatch";

/** The words each export shows for a standing (a retraction's date and an error's kind are added). */
export const STANDING_WORDS: Record<Standing, string> = {
  position: "position",
  agrees: "agrees with position",
  superseded: "superseded",
  retracted: "retracted",
  error: "in error",
  "stale-relay": "stale relay",
  "relay-mismatch": "relay mismatch",
};

type RelayWarning = "stale-relay" | "relay-mismatch";

/** What standings are read from: the report's diagnostics, and its claims (to tell whose statement a warning is in). */
export type Sources = Pick<Report, "diagnostics" | "claims">;

interface Placed {
  readonly line: number;
  readonly column: number;
}

interface RelayWarnings {
  /** The relay warnings by file, each at the line and column of the relay's `says`. */
  readonly warnings: Map<string, (Placed & { readonly code: RelayWarning })[]>;
  /** Every statement of the report by file, built on first need. */
  statements?: Map<string, ReportStatement[]>;
}

// Built once per report: a formatter asks for every claim.
const RELAY_WARNINGS = new WeakMap<Sources, RelayWarnings>();

function relayWarnings(report: Sources): RelayWarnings {
  let found = RELAY_WARNINGS.get(report);
  if (found === undefined) {
    const warnings: RelayWarnings["warnings"] = new Map();
    for (const d of report.diagnostics) {
      if (d.code !== "stale-relay" && d.code !== "relay-mismatch") continue;
      (warnings.get(d.file) ?? warnings.set(d.file, []).get(d.file)!).push({ line: d.line, column: d.column, code: d.code });
    }
    RELAY_WARNINGS.set(report, (found = { warnings }));
  }
  return found;
}

function statementsByFile(report: Sources, found: RelayWarnings): Map<string, ReportStatement[]> {
  if (found.statements === undefined) {
    found.statements = new Map();
    for (const claim of report.claims) {
      const list = found.statements.get(claim.file) ?? found.statements.set(claim.file, []).get(claim.file)!;
      for (const s of claim.statements) list.push(s);
    }
  }
  return found.statements;
}

const before = (a: Placed, b: Placed): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);

/**
 * The relay warning of each statement of a claim, if any. A warning stands at the relay's `says`,
 * inside the relay's list item: the statement that starts last at or before it, among every
 * statement of the claim's file (another claim's statements in the same file included, so a
 * warning in the next claim is never taken for one in this claim's last statement).
 */
function warningsOf(report: Sources, claim: ReportClaim): Map<ReportStatement, RelayWarning> {
  const found = new Map<ReportStatement, RelayWarning>();
  const relay = relayWarnings(report);
  const warnings = relay.warnings.get(claim.file);
  if (warnings === undefined) return found;
  const starts = statementsByFile(report, relay).get(claim.file) ?? [];
  const own = new Set(claim.statements);
  for (const warning of warnings) {
    let owner: ReportStatement | undefined;
    for (const s of starts) if (before(s, warning) && (owner === undefined || before(owner, s))) owner = s;
    if (owner !== undefined && own.has(owner)) found.set(owner, warning.code);
  }
  return found;
}

/**
 * How each statement of a claim stands, in the order of `claim.statements`. A statement that is
 * neither its origin's position nor retracted nor in error is `superseded`, except a relay the
 * analysis warned about, and a relay whose speaker is listed in its origin's `reportedBy` (its
 * report agrees with the position by the claim's rule): that one `agrees`.
 */
export function standings(report: Sources, claim: ReportClaim): Standing[] {
  const warned = warningsOf(report, claim);
  const reportedBy = new Map(claim.positions.map((p) => [p.origin, new Set(p.reportedBy)]));
  return claim.statements.map((s) => {
    if (s.error !== null) return "error";
    if (s.retracted !== false) return "retracted";
    if (s.position) return "position";
    const warning = warned.get(s);
    if (warning !== undefined) return warning;
    if (s.via !== null && reportedBy.get(s.origin)?.has(s.source)) return "agrees";
    return "superseded";
  });
}

/** A standing in words, with a retraction's date and an error's kind ("retracted 2011-12-20", "in error: value not read"). */
export function standingText(statement: ReportStatement, standing: Standing): string {
  if (standing === "retracted" && typeof statement.retracted === "string") return `retracted ${statement.retracted}`;
  if (standing === "error" && statement.error !== null) return `in error: ${STATEMENT_ERRORS[statement.error]}`;
  return STANDING_WORDS[standing];
}

/** A quote's check result in words; "" for a statement without a quote. */
export function quoteCheckText(statement: ReportStatement): string {
  switch (statement.quoteCheck) {
    case "verified":
      return "verified";
    case "not-found":
      return "not found in the archive";
    case "unchecked":
      return "unchecked";
    default:
      return "";
  }
}
