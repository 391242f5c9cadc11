/**
 * `lint --format gitlab`: a GitLab Code Quality report (the subset of the Code Climate issue format
 * GitLab reads): description, check_name, fingerprint, severity, location.path (from the top of the
 * repository) and location.lines.begin. The fingerprint is what GitLab compares between the base
 * and the head of a merge request, so it must not change when only the line does.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Severity } from "../../core/shared/diagnostics.js";
import { fingerprints } from "../../core/shared/fingerprint.js";
import { sanitize } from "../sanitize.js";
import type { LintContext, LintItem } from "./types.js";

/** Code Climate's severities: an error blocks as a major issue would, a warning is minor, an info is info. */
const SEVERITY: Record<Severity, "major" | "minor" | "info"> = { error: "major", warning: "minor", info: "info" };

/** The report as a JSON array, two-space indented. */
export function formatGitlab(items: readonly LintItem[], ctx: Pick<LintContext, "cwd" | "root">): string {
  const root = ctx.root ?? ctx.cwd;
  const pathOf = (file: string) => {
    const rel = relative(root, resolve(ctx.cwd, file));
    // A file outside the repository keeps the name the run gave it.
    return rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? file : rel.split(sep).join("/");
  };
  const prints = fingerprints(items, pathOf);
  const issues = items.map((item, i) => ({
    description: item.message,
    check_name: item.code,
    fingerprint: prints[i],
    severity: SEVERITY[item.severity],
    location: { path: pathOf(item.file), lines: { begin: item.line } },
  }));
  // Sanitised as a whole, like the json format: escapes that decode to the same strings.
  return sanitize(JSON.stringify(issues, null, 2)) + "\n";
}
