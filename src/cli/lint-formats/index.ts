/** `claims lint --format …` (SPEC §10): one pure formatter per format, keyed by its name. */
import type { ChalkInstance } from "chalk";
import type { Diagnostic } from "../../core/diagnostics.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

/** A `lint --format` name. */
export type LintFormat = "stylish" | "json" | "github" | "sarif";

/** What a formatter may know besides the diagnostics; it never reads the environment itself. */
export interface LintContext {
  /** Colour to style with; a level-0 instance writes no escape codes. */
  readonly chalk: ChalkInstance;
  /** The program's version, for SARIF's `tool.driver.version`. */
  readonly version: string;
  /** The directory diagnostic file names are relative to. */
  readonly cwd: string;
}

/** Turns diagnostics into the full text to print; pure, it never prints. */
export type LintFormatter = (diagnostics: readonly Diagnostic[], ctx: LintContext) => string;

/** Every lint formatter; `main.ts` offers exactly these keys as `--format` choices (the compiler checks). */
export const LINT_FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
} satisfies Record<LintFormat, LintFormatter>;
