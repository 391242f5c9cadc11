/** The formats of `claims diff` (SPEC §10 v2), as one registry; `main.ts` offers exactly its keys as `--format` choices. */
import type { ReportDiff } from "../../core/diff/compare.js";
import { sanitize } from "../sanitize.js";
import type { Stylist } from "../style.js";
import { diffMarkdown } from "./markdown.js";
import { diffText } from "./text.js";

export type DiffFormat = "text" | "markdown" | "json";

/** A diff format: a pure function from the comparison to the text to write. */
export type DiffFormatter = (diff: ReportDiff, chalk: Stylist) => string;

/** Every diff format by its `--format` name. */
export const DIFF_FORMATTERS = {
  text: diffText,
  markdown: (diff) => diffMarkdown(diff),
  // Sanitised as a whole, as the other JSON outputs are: escapes that decode to the same strings.
  json: (diff) => `${sanitize(JSON.stringify(diff, null, 2))}\n`,
} satisfies Record<DiffFormat, DiffFormatter>;
