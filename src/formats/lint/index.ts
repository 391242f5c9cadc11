/** `claims lint --format …` (SPEC §10): one pure formatter per format, keyed by its name. */
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import type { LintFormat, LintFormatter } from "./types.js";

export type { LintContext, LintFormat, LintFormatter } from "./types.js";

/** Every lint formatter; `main.ts` offers exactly these keys as `--format` choices (the compiler checks). */
export const LINT_FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
} satisfies Record<LintFormat, LintFormatter>;
