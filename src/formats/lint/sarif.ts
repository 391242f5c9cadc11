/** `lint --format sarif`: a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers. */
import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { DIAGNOSTIC_CODES, type Severity } from "../../core/shared/diagnostics.js";
import { fingerprints } from "../../core/shared/fingerprint.js";
import { sanitize } from "../sanitize.js";
import { FINDING_CODES } from "./findings.js";
import type { LintContext, LintItem } from "./types.js";

type SarifLevel = "error" | "warning" | "note";

const LEVEL: Record<Severity, SarifLevel> = { error: "error", warning: "warning", info: "note" };
const SRCROOT = "%SRCROOT%";

/** Every diagnostic code (SPEC §9), then the findings `check` reports (conflicts, unresolved claims). */
const RULES: readonly (readonly [string, { readonly summary: string; readonly severity: Severity }])[] = [
  ...Object.entries(DIAGNOSTIC_CODES),
  ...Object.entries(FINDING_CODES).map(([id, info]) => [id, { ...info, severity: "info" as const }] as const),
];
const RULE_INDEX = new Map<string, number>(RULES.map(([id], i) => [id, i]));
/** The key of our fingerprint in `partialFingerprints`; versioned, as SARIF asks, so a change of recipe is a new key. */
const FINGERPRINT_KEY = "claimsFinding/v1";

/** The file as a URI: relative names become a relative reference under `%SRCROOT%`, absolute ones a `file:` URL. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  // Display names already use `/`; a `\` is a separator only on Windows, elsewhere part of a name.
  const slashed = sep === "\\" ? file.replace(/\\/g, "/") : file;
  // Each segment percent-encoded: a space is not allowed in a URI, and a `:` in the first segment
  // would otherwise be read as a scheme ("a:b.yaml").
  const uri = slashed
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
  return { uri, uriBaseId: SRCROOT };
}

function directoryUrl(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** A SARIF 2.1.0 log with one run: every diagnostic code as a rule, every diagnostic as a result. */
export function formatSarif(diagnostics: readonly LintItem[], ctx: LintContext): string {
  const rules = RULES.map(([id, info]) => ({
    id,
    shortDescription: { text: info.summary },
    defaultConfiguration: { level: LEVEL[info.severity] },
  }));
  // Code scanning matches a result across runs by these, not by its line (see core/shared/fingerprint.ts).
  const prints = fingerprints(diagnostics);
  const results = diagnostics.map((d, i) => ({
    ruleId: d.code,
    ruleIndex: RULE_INDEX.get(d.code)!,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(d.file),
          region: { startLine: d.line, startColumn: d.column },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "claims", version: ctx.version, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUrl(ctx.cwd) } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  // As for `json`: sanitising the finished text keeps it valid JSON that decodes to the same strings.
  return sanitize(JSON.stringify(log, null, 2)) + "\n";
}
