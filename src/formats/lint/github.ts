/** `lint --format github`: GitHub Actions workflow commands, which the runner turns into annotations. */
import type { Severity } from "../../core/shared/diagnostics.js";
import type { LintItem } from "./types.js";
import { sanitizeLine } from "../sanitize.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Escapes a workflow command's message: `%`, CR and LF, as the Actions toolkit does. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value: as `escapeData`, plus `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One `::error|warning|notice file=…,line=…,col=…,title=claims CODE::message` line per diagnostic. */
export function formatGithub(diagnostics: readonly LintItem[]): string {
  // Sanitised first, as the one line each field is (a line break shows as `\n`, a CR as
  // `\u000d`), then escaped for the runner; the sanitiser writes no `%`, `:` or `,`. So every line
  // of this output is one of these commands: nothing of the ledger can start another.
  const lines = diagnostics.map((d) => {
    const props = `file=${escapeProperty(sanitizeLine(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(`claims ${d.code}`)}`;
    return `::${COMMAND[d.severity]} ${props}::${escapeData(sanitizeLine(d.message))}`;
  });
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}
