/** The types every lint formatter shares: the formatters import them from here, the registry too. */
import type { Stylist } from "../style.js";
import type { Diagnostic } from "../../core/shared/diagnostics.js";
import type { Finding } from "./findings.js";

/** A `lint --format` name. */
export type LintFormat = "stylish" | "json" | "github" | "sarif" | "junit" | "gitlab";

/** What a lint format shows: diagnostics, and for `check`, the analysis's findings (conflicts, unresolved claims). */
export type LintItem = Diagnostic | Finding;

/** What a formatter may know besides the diagnostics; it never reads the environment itself. */
export interface LintContext {
  /** Colour to style with; a level-0 instance writes no escape codes. */
  readonly chalk: Stylist;
  /** The program's version, for SARIF's `tool.driver.version`. */
  readonly version: string;
  /** The directory diagnostic file names are relative to. */
  readonly cwd: string;
  /** Every file read (display paths), so a report can count the clean ones too (junit). */
  readonly files?: readonly string[];
  /** The folder CI tools name files from (the top of the git work tree, else `cwd`): GitLab's `location.path` is relative to it. */
  readonly root?: string;
}

/** Turns diagnostics into the full text to print; pure, it never prints. */
export type LintFormatter = (diagnostics: readonly LintItem[], ctx: LintContext) => string;
