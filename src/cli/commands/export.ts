/** `claims export`: the report in a publishable format, to stdout or atomically to `-o FILE`. */
import pkg from "../../../package.json" with { type: "json" };
import type { Io } from "../io.js";
import { sanitize } from "../../formats/sanitize.js";
import { checkPaths, type LedgerFlags, ledgerErrors, writeJson, writeResult } from "./common.js";
import { materialize, type Report } from "../../core/report/types.js";
import { UsageError } from "../../core/load/workspace.js";
import type { ExportFormat } from "../../formats/exports/index.js";

export interface ExportCommandOptions extends LedgerFlags {
  readonly format: ExportFormat;
  readonly all?: true;
  readonly outputFile?: string;
  readonly publisher?: string;
  /** claimreview only: write `<script type="application/ld+json">` blocks. */
  readonly html?: true;
}

/**
 * When the page is made: SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC) when set, as
 * reproducible-build tools give it, so the same ledger gives the same bytes; else now. A value
 * that is not a whole number of seconds stops the run, as the reproducible-builds specification
 * asks, rather than stamping a wrong date.
 */
export function generationTime(io: Io): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  let date: Date;
  if (epoch === undefined || epoch === "") {
    date = io.now?.() ?? new Date();
  } else {
    date = new Date(Number(epoch) * 1000);
    if (!/^\d{1,15}$/.test(epoch) || Number.isNaN(date.getTime())) {
      throw new UsageError(`SOURCE_DATE_EPOCH is '${epoch}', not a whole number of seconds since 1970-01-01 UTC; set it to one, such as 1767225600, or unset it to stamp the page with the current time`);
    }
  }
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The settings the claimreview export needs, named as the user adds them; refused (exit 2) when one is missing. */
async function claimReviewChecks(io: Io, report: Report, options: ExportCommandOptions): Promise<void> {
  const { planClaimReview } = await import("../../formats/exports/claimreview.js");
  const plan = planClaimReview(report, { publisher: options.publisher ?? null });
  if (plan.missing.length > 0) {
    const lines = [
      "claimreview is refused, nothing written: a review needs an absolute address and a publisher, and this ledger has",
      plan.missing.includes("settings.url")
        ? `  - no ${report.settings.url === null ? "`settings.url`" : `web address in \`settings.url\` ('${report.settings.url}')`}: the https:// page the reviews are published on (each review's url is it with #claim-<id>)`
        : null,
      plan.missing.includes("publisher") ? "  - no publisher: `settings.publisher`, or --publisher NAME" : null,
      "Add to one ledger file:",
      "  settings:",
      ...(plan.missing.includes("settings.url") ? ["    url: https://factcheck.example/zhanaozen"] : []),
      ...(plan.missing.includes("publisher") ? ["    publisher: Example Fact Check"] : []),
    ];
    const shown = lines.filter((line) => line !== null);
    throw new UsageError(shown.join("\n"), shown);
  }
  for (const claim of plan.leftOut) {
    io.stderr(sanitize(`claimreview: left out '${claim.id}' (${claim.file}:${claim.line}:${claim.column}): its verdict has no \`claim\`, the assertion as published that the rating is about; add \`verdict.claim\` to publish it\n`));
  }
  for (const claim of plan.noClaimant) {
    io.stderr(sanitize(`claimreview: '${claim.id}' (${claim.file}:${claim.line}:${claim.column}) names no \`verdict.claimant\`: its Claim has no author and no appearance, which Google recommends; add the source who made the claim\n`));
  }
}

/** Exports the checked ledger; exit 1 when the ledger has errors (the export is still written). */
export async function runExport(io: Io, paths: readonly string[], options: ExportCommandOptions): Promise<number> {
  if (options.html && options.format !== "claimreview") throw new UsageError(`--html applies to --format claimreview only (the html format is a whole page already)`);
  // Read before the ledger is checked, so a malformed value stops the run before any work.
  const generated = options.format === "html" ? generationTime(io) : undefined;
  const run = await checkPaths(io, paths, options);
  const { EXPORT_FORMATTERS } = await import("../../formats/exports/index.js");
  if (options.outputFile === undefined && options.format === "json") {
    writeJson(io, run.report); // the same text as the json formatter, claims built as they are written
    return ledgerErrors(io, run.report); // the export is still written
  }
  const report = materialize(run.report);
  if (options.format === "claimreview") await claimReviewChecks(io, report, options);
  const text = EXPORT_FORMATTERS[options.format](report, {
    all: options.all === true,
    publisher: options.publisher ?? null,
    ...(generated === undefined ? {} : { generated, version: pkg.version }),
    ...(options.html ? { html: true } : {}),
  });
  await writeResult(io, run, text, options.outputFile); // which sanitises it, to stdout or to the file
  return ledgerErrors(io, report);
}
