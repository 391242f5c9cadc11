/**
 * The pipeline's own options (core/pipeline.ts), in-process on the wider fixture: a focus on some
 * files (SPEC §10's file lists, an editor's open file) reports only their claims and diagnostics
 * while the rest of the ledger stays context, and severities set by the configuration (SPEC §13)
 * are applied once, to what is reported and counted.
 */
import { describe, expect, it } from "vitest";
import { checkLedger, type LedgerOptions } from "../src/core/pipeline.js";
import { materialize } from "../src/core/report/types.js";
import { ROOT } from "./helpers/run.js";

async function check(options: LedgerOptions = {}) {
  return materialize((await checkLedger(["tests/fixtures/wider"], ROOT, { threads: 0, ...options })).report);
}

const where = (d: { file: string; line: number; severity: string; code: string }) => `${d.file}:${d.line} ${d.severity} ${d.code}`;

describe("checkLedger", () => {
  it("reports every claim and diagnostic without options", async () => {
    const report = await check();
    // tests/wider.test.ts pins the whole summary; here, what a focus and severities change.
    expect([report.summary.claims, report.summary.statements, report.summary.errors, report.summary.warnings]).toEqual([6, 30, 0, 3]);
    expect(report.claims.map((c) => c.id)).toEqual(["death-toll", "injured", "live-fire", "police-injured", "strike-began", "who-fired-first"]);
    expect(report.diagnostics.map(where)).toEqual([
      "tests/fixtures/wider/death-toll.yaml:54 warning stale-relay",
      "tests/fixtures/wider/death-toll.yaml:59 warning relay-mismatch",
      "tests/fixtures/wider/who-fired-first.yaml:15 warning ambiguous-revision",
    ]);
  });

  it("with a focus, reports only the focused files' claims and diagnostics; the rest of the ledger is still read", async () => {
    const report = await check({ focus: (abs) => abs.endsWith("/who-fired-first.yaml") || abs.endsWith("/injured.yaml") });
    // Sources declared in other files resolve: no unknown-source.
    expect(report.summary).toEqual({
      files: 7,
      sources: 10,
      documents: 2,
      claims: 2,
      statements: 7,
      errors: 0,
      warnings: 1,
      status: { conflict: 1, corroborated: 1, "single-source": 0, unsourced: 0 },
      unresolved: 1,
    });
    expect(report.claims.map((c) => [c.id, c.status])).toEqual([
      ["injured", "corroborated"],
      ["who-fired-first", "conflict"],
    ]);
    expect(report.diagnostics.map(where)).toEqual(["tests/fixtures/wider/who-fired-first.yaml:15 warning ambiguous-revision"]);
  });

  it("applies the configured severities: a level changed, a code turned off, the counts from what is left", async () => {
    const report = await check({ severity: { "stale-relay": "error", "relay-mismatch": "off" } });
    expect(report.diagnostics.map(where)).toEqual([
      "tests/fixtures/wider/death-toll.yaml:54 error stale-relay",
      "tests/fixtures/wider/who-fired-first.yaml:15 warning ambiguous-revision",
    ]);
    expect([report.summary.errors, report.summary.warnings]).toEqual([1, 1]);
  });
});
