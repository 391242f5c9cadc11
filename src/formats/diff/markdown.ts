/**
 * `claims diff --format markdown`: what a pull request changes in the ledger, for a PR comment or
 * `$GITHUB_STEP_SUMMARY`. Conflicts come first (what a reviewer weighs), then claims, positions,
 * verdicts and diagnostics; every cell goes through the Markdown serialiser, never escaped by hand.
 */
import type { Root, RootContent } from "mdast";
import type { ReportDiff } from "../../core/diff/compare.js";
import { heading, paragraph, serialise, table } from "../exports/mdast.js";
import { isEmpty, pairText, positionText, revisionLabel, summaryText, verdictText } from "./words.js";

/** The diff as GitHub-Flavored Markdown. */
export function diffMarkdown(diff: ReportDiff): string {
  const children: RootContent[] = [heading(2, `Ledger changes since ${revisionLabel(diff)}`)];
  if (isEmpty(diff)) {
    children.push(paragraph("No changes to the ledger."));
    return serialise({ type: "root", children });
  }
  children.push(paragraph(summaryText(diff)));
  const section = (title: string, header: readonly string[], rows: readonly (readonly string[])[]) => {
    if (rows.length > 0) children.push(heading(3, title), table(header, rows));
  };
  section("Conflicts", ["claim", "between", "change"], [
    ...diff.added.flatMap((c) => c.conflicts.map((pair) => [c.id, pairText(pair), "new (claim added)"])),
    ...diff.changed.flatMap((c) => [...c.conflicts.new.map((pair) => [c.id, pairText(pair), "new"]), ...c.conflicts.resolved.map((pair) => [c.id, pairText(pair), "resolved"])]),
  ]);
  section("Claims added and removed", ["claim", "change", "status", "question", "file"], [
    ...diff.added.map((c) => [c.id, "added", c.status + (c.unresolved ? " (unresolved)" : ""), c.question, c.file]),
    ...diff.removed.map((c) => [c.id, "removed", c.status + (c.unresolved ? " (unresolved)" : ""), c.question, c.file]),
  ]);
  section("Status", ["claim", "before", "after"], diff.changed.flatMap((c) => (c.status || c.unresolved ? [[c.id, statusOf(c, "from"), statusOf(c, "to")]] : [])));
  section("Positions", ["claim", "origin", "before", "after"], diff.changed.flatMap((c) => c.positions.map((p) => [c.id, p.origin, positionText(p.from), positionText(p.to)])));
  section("Verdicts", ["claim", "before", "after"], diff.changed.flatMap((c) => (c.verdict ? [[c.id, verdictText(c.verdict.from), verdictText(c.verdict.to)]] : [])));
  section("Files moved", ["claim", "before", "after"], diff.changed.flatMap((c) => (c.moved ? [[c.id, c.moved.from, c.moved.to]] : [])));
  section("Errors and warnings", ["change", "where", "severity", "code", "message"], [
    ...diff.diagnostics.new.map((d) => ["new", `${d.file}:${d.line}:${d.column}`, d.severity, d.code, d.message]),
    ...diff.diagnostics.fixed.map((d) => ["fixed", `${d.file}:${d.line}:${d.column}`, d.severity, d.code, d.message]),
  ]);
  const tree: Root = { type: "root", children };
  return serialise(tree);
}

/** A kept claim's status on one side, with "(unresolved)" when it was or is. */
function statusOf(change: ReportDiff["changed"][number], side: "from" | "to"): string {
  const unresolved = change.unresolved ? change.unresolved[side] : false;
  // The status did not change when only unresolved did: a verdict added or removed on a conflict.
  const status = change.status ? change.status[side] : "conflict";
  return status + (unresolved ? " (unresolved)" : "");
}
