/**
 * The analysis as lint results, for `claims check --format github|sarif|junit|gitlab`: each
 * conflicting position at its statement, each unresolved claim at its id. An error when the run's
 * `--fail-on` makes it fail the run, a notice otherwise, so annotations say what blocks a merge.
 */
import type { Position, Severity } from "../../core/shared/diagnostics.js";
import type { Report } from "../../core/report/types.js";
import { displayValue, positionOf } from "../exports/display.js";

/** What `check --fail-on` fails on. */
export type FailOn = "error" | "conflict" | "unresolved";

/** The codes of findings, beside the diagnostic codes (SPEC §9), with the summary their rules show. */
export const FINDING_CODES = {
  conflict: { summary: "A position conflicts with another origin's position on the same claim (SPEC §6, §8)." },
  unresolved: { summary: "A claim in conflict has no verdict yet (SPEC §8)." },
} as const;

export type FindingCode = keyof typeof FINDING_CODES;

/** A finding of the analysis, shaped as a diagnostic. */
export interface Finding extends Position {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
}

/** The report's conflicts and unresolved claims as results, in claim order; `failOn` decides their severity. */
export function findingsOf(report: Pick<Report, "claims">, failOn: FailOn): Finding[] {
  const out: Finding[] = [];
  for (const claim of report.claims) {
    if (claim.status !== "conflict") continue;
    const positionsFail = failOn === "conflict" || (failOn === "unresolved" && claim.unresolved);
    for (const statement of claim.statements) {
      if (!statement.position || statement.conflictsWith.length === 0) continue;
      // Positions belong to origins (SPEC §6 v2): `conflictsWith` names them, and a position that
      // stands on a relay's report says whose it is.
      const others = statement.conflictsWith.map((origin) => `${origin} (${displayValue(positionOf(claim, origin)?.says)})`).join(", ");
      const who = statement.via === null ? statement.source : `${statement.source}, reporting ${statement.origin},`;
      out.push({
        code: "conflict",
        severity: positionsFail ? "error" : "info",
        message: `${claim.id}: ${who} says ${displayValue(statement.says)}, which conflicts with ${others}`,
        file: claim.file,
        line: statement.line,
        column: statement.column,
      });
    }
    if (claim.unresolved) {
      out.push({
        code: "unresolved",
        severity: failOn === "error" ? "info" : "error",
        message: `${claim.id} is in conflict and has no verdict: weigh the sources and add a \`verdict\` ("${claim.question}")`,
        file: claim.file,
        line: claim.line,
        column: claim.column,
      });
    }
  }
  return out;
}

