/** The types every lint formatter shares: the formatters import them from here, the registry too. */
import type { Stylist } from "../style.js";
import type { Diagnostic } from "../../core/shared/diagnostics.js";

/** A `lint --format` name. */
export type LintFormat = "stylish" | "json" | "github" | "sarif";

/** What a formatter may know besides the diagnostics; it never reads the environment itself. */
export interface LintContext {
  /** Colour to style with; a level-0 instance writes no escape codes. */
  readonly chalk: Stylist;
  /** The program's version, for SARIF's `tool.driver.version`. */
  readonly version: string;
  /** The directory diagnostic file names are relative to. */
  readonly cwd: string;
}

/** Turns diagnostics into the full text to print; pure, it never prints. */
export type LintFormatter = (diagnostics: readonly Diagnostic[], ctx: LintContext) => string;
