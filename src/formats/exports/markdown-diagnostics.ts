/**
 * `check --format markdown`'s diagnostics: every diagnostic, and the claims left out of the
 * tables because of an error of their own, each with why, so no claim silently goes missing.
 */
import type { RootContent } from "mdast";
import type { Report, ReportOmittedClaim } from "../../core/report/types.js";
import { count } from "../count.js";
import { heading, paragraph, table } from "./mdast.js";

const WHY: Record<ReportOmittedClaim["reason"], string> = {
  id: "its id is not a slug",
  "duplicate-id": "its id is declared before",
  schema: "it has schema errors outside its statements",
};

/** The section's nodes; none when there is nothing to say. */
export function diagnosticsSection(report: Pick<Report, "diagnostics" | "omittedClaims">): RootContent[] {
  const { diagnostics, omittedClaims } = report;
  if (diagnostics.length === 0 && omittedClaims.length === 0) return [];
  const nodes: RootContent[] = [heading(2, "Diagnostics")];
  if (diagnostics.length > 0) {
    nodes.push(table(["where", "severity", "code", "message"], diagnostics.map((d) => [`${d.file}:${d.line}:${d.column}`, d.severity, d.code, d.message])));
  }
  if (omittedClaims.length > 0) {
    nodes.push(paragraph(`${count(omittedClaims.length, "claim")} left out of the tables: fix the errors above and ${omittedClaims.length === 1 ? "it is" : "they are"} analysed.`));
    nodes.push(table(["claim", "where", "why"], omittedClaims.map((o) => [o.id, `${o.file}:${o.line}:${o.column}`, WHY[o.reason]])));
  }
  return nodes;
}
