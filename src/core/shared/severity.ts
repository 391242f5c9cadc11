/** Severity per diagnostic code, as `.claims.yaml` sets it (SPEC §13): applied once, so every output and exit code agrees. */
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Severity } from "./diagnostics.js";

/** What a configuration may set a code to; `off` drops its diagnostics. */
export const SEVERITY_LEVELS = ["error", "warning", "info", "off"] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** The codes that keep a ledger readable: they stay errors whatever the configuration says. */
export const LOCKED_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(["yaml-syntax", "unreadable-file", "schema", "duplicate-id"]);

/** The level set for each code the configuration names; codes not named keep the table's severity. */
export type SeverityOverrides = Readonly<Partial<Record<DiagnosticCode, SeverityLevel>>>;

/** The diagnostics with the configured severities: codes set to `off` are dropped, the rest take their level. */
export function applySeverity(diagnostics: readonly Diagnostic[], overrides: SeverityOverrides): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = LOCKED_CODES.has(d.code) ? undefined : overrides[d.code];
    if (level === "off") continue;
    out.push(level === undefined || level === d.severity ? d : { ...d, severity: level as Severity });
  }
  return out;
}

/** The severity a code is reported with under `overrides`, or "off". */
export function effectiveSeverity(code: DiagnosticCode, overrides: SeverityOverrides): SeverityLevel {
  return (LOCKED_CODES.has(code) ? undefined : overrides[code]) ?? DIAGNOSTIC_CODES[code].severity;
}
