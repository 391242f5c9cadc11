/** `claims lint --format …` (SPEC §10): one pure formatter per format, keyed by its name. */
import { formatGithub } from "./github.js";
import { formatGitlab } from "./gitlab.js";
import { formatJunit } from "./junit.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import type { LintFormat, LintFormatter } from "./types.js";

export type { LintContext, LintFormat, LintFormatter, LintItem } from "./types.js";
export { FINDING_CODES, findingsOf, type FailOn, type Finding, type FindingCode } from "./findings.js";

/** Every lint formatter; `main.ts` offers exactly these keys as `--format` choices (the compiler checks). */
export const LINT_FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
  junit: formatJunit,
  gitlab: formatGitlab,
} satisfies Record<LintFormat, LintFormatter>;
