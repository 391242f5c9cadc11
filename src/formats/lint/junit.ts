/**
 * `lint --format junit`: JUnit XML as Jenkins (its xUnit plugin's junit-10.xsd) and GitLab read
 * it. One test suite per file read, one test case per result: errors and warnings are failures,
 * infos pass with their message as output, and a clean file is one passing case, so a dashboard
 * counts the files that are fine too.
 */
import { compareDiagnostics } from "../../core/shared/diagnostics.js";
import { sanitize } from "../sanitize.js";
import type { LintContext, LintItem } from "./types.js";

/**
 * Text as XML 1.0 character data or attribute value. The sanitiser has already made every
 * control character visible; what XML still refuses is a lone surrogate and U+FFFE/U+FFFF,
 * which become U+FFFD. In attributes a tab or line break is written as a character reference,
 * since a parser turns a raw one into a space.
 */
function xml(text: string, attribute = false): string {
  const safe = sanitize(text)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  return attribute ? safe.replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;") : safe;
}

function testCase(item: LintItem): string {
  const open = `    <testcase name="${xml(`${item.code} at ${item.line}:${item.column}`, true)}" classname="${xml(item.file, true)}">`;
  const where = `${item.file}:${item.line}:${item.column}: ${item.severity}: ${item.message} (${item.code})`;
  if (item.severity === "info") return `${open}\n      <system-out>${xml(where)}</system-out>\n    </testcase>`;
  return `${open}\n      <failure type="${xml(item.code, true)}" message="${xml(item.message, true)}">${xml(where)}</failure>\n    </testcase>`;
}

/** A `<testsuites>` document: a suite per file (every file read, clean ones as one passing case), a case per result. */
export function formatJunit(items: readonly LintItem[], ctx: Pick<LintContext, "files">): string {
  const byFile = new Map<string, LintItem[]>();
  for (const file of ctx.files ?? []) byFile.set(file, []);
  for (const item of [...items].sort(compareDiagnostics)) {
    const list = byFile.get(item.file);
    if (list) list.push(item);
    else byFile.set(item.file, [item]);
  }
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const failed = list.filter((item) => item.severity !== "info").length;
    const cases = list.length === 0 ? [`    <testcase name="no problems" classname="${xml(file, true)}"/>`] : list.map(testCase);
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${xml(file, true)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  const head = `<testsuites name="claims" tests="${tests}" failures="${failures}" errors="0"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${suites.length === 0 ? `${head}/>` : `${head}>\n${suites.join("\n")}\n</testsuites>`}\n`;
}
