/**
 * A ledger written from other reports of the same events (tests/fixtures/wider) is analysed
 * exactly as SPEC §5–§8 say, and reported as §11 says. Every expected value below was worked out
 * by hand from the SPEC and the fixture files, not copied from the tool's output.
 */
import { describe, expect, it } from "vitest";
import { checkLedgerSync as checkLedger } from "./helpers/check.js";
import type { ReportClaim, ReportInterval, ReportPosition, ReportStatement } from "../src/core/report/types.js";
import { ROOT, runBin } from "./helpers/run.js";

const DIR = "tests/fixtures/wider";
const { report } = checkLedger([DIR], ROOT);

function claimOf(id: string): ReportClaim {
  const claim = report.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim '${id}' in the report`);
  return claim;
}

/** The side of each source, as declared in sources.yaml. */
const SIDE: Record<string, string | null> = {
  "prosecutor-general": "government",
  "interior-ministry": "government",
  "health-ministry": "government",
  "opposition-outlet": "opposition",
  "morgue-witnesses": "workers",
  "odak-union": "workers",
  "strike-committee": "workers",
  "wire-agency-a": null,
  "regional-paper": null,
  "oil-company": null,
};

/** A statement as the report should show it (the first argument is the line of its list item; every item in these files is at column 9); fields not given take their "absent" value. */
function statement(
  line: number,
  source: string,
  says: unknown,
  on: string | null,
  position: boolean,
  extra: Partial<ReportStatement> = {},
): ReportStatement {
  return {
    source,
    says,
    on,
    in: null,
    via: null,
    retracted: false,
    quote: null,
    quoteCheck: null,
    position,
    side: SIDE[source],
    conflictsWith: [],
    error: null,
    line,
    column: 9,
    ...extra,
  };
}

const point = (n: number): ReportInterval => ({ min: n, max: n, minOpen: false, maxOpen: false });
const closed = (min: number, max: number): ReportInterval => ({ min, max, minOpen: false, maxOpen: false });
const atLeast = (n: number): ReportInterval => ({ min: n, max: null, minOpen: false, maxOpen: true });

function position(
  source: string,
  says: unknown,
  group: string,
  vsFinding: ReportPosition["vsFinding"],
  interval: ReportInterval | null,
  origin = source,
): ReportPosition {
  return { source, says, group, origin, committed: says !== "unknown" && says !== "Unknown", vsFinding, interval };
}

/** A day number (days since 1970-01-01 UTC), computed independently of the date grammar. */
function day(year: number, month: number, d: number): number {
  return Date.UTC(year, month - 1, d) / 86_400_000;
}

describe("the wider ledger: summary and diagnostics", () => {
  it("counts files, records, statements, severities and statuses", () => {
    // 7 YAML files (the archive is no ledger file); 10 sources; 2 documents; 6 claims;
    // 12 + 2 + 3 + 2 + 3 + 5 statements.
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({
      files: 7,
      sources: 10,
      documents: 2,
      claims: 6,
      statements: 27,
      errors: 0,
      warnings: 1,
      status: { conflict: 2, corroborated: 2, "single-source": 1, unsourced: 1 },
      // death-toll has a verdict; who-fired-first has none.
      unresolved: 1,
    });
  });

  it("has one diagnostic: the ambiguous revision of the interior ministry on who fired first", () => {
    // Its first statement is dated by its document (published 2011-12-16), its third by `on:
    // 2011-12-16`: the same effective date, and protesters vs provocateurs conflict. The warning
    // stands at the later one, the statement at line 15, column 9 (the `source` key).
    expect(report.diagnostics.map(({ code, severity, file, line, column }) => ({ code, severity, file, line, column }))).toEqual([
      { code: "ambiguous-revision", severity: "warning", file: `${DIR}/who-fired-first.yaml`, line: 15, column: 9 },
    ]);
    expect(report.diagnostics[0].message).toContain("interior-ministry");
  });

  it("lists claims in file order, and every source and document", () => {
    expect(report.claims.map((c) => c.id)).toEqual(["death-toll", "injured", "live-fire", "police-injured", "strike-began", "who-fired-first"]);
    expect(report.sources.map((s) => [s.id, s.side])).toEqual(Object.entries(SIDE));
    expect(report.documents.map((d) => [d.id, d.published])).toEqual([
      ["wire-bulletin-2011-12-16", "2011-12-16"],
      ["wire-report-2011-12-19", "2011-12-19"],
    ]);
  });
});

describe("death-toll: a prosecutor revising a toll, a retracted toll, relayed figures, one side agreeing", () => {
  const claim = claimOf("death-toll");
  const PG_CONFLICTS = ["morgue-witnesses", "odak-union", "opposition-outlet", "regional-paper", "wire-agency-a"];

  it("statements: effective dates, retraction echoed, position flags, quote checks", () => {
    expect(claim.statements).toEqual([
      statement(8, "prosecutor-general", 10, "2011-12-16", false, {
        in: "wire-bulletin-2011-12-16",
        quote: "ten people had died in the unrest",
        quoteCheck: "verified",
      }),
      statement(12, "interior-ministry", "at least 10", "2011-12-16", false, {
        in: "wire-bulletin-2011-12-16",
        quote: "“at least ten” people had been killed",
        quoteCheck: "verified",
      }),
      statement(16, "opposition-outlet", 70, "2011-12-17", false, { retracted: "2011-12-19" }),
      statement(20, "prosecutor-general", 16, "2011-12-20", true, { conflictsWith: PG_CONFLICTS }),
      statement(24, "prosecutor-general", "eleven", "2011-12-17", false),
      statement(27, "morgue-witnesses", 64, "2011-12-18", true, { conflictsWith: ["prosecutor-general"] }),
      statement(30, "odak-union", "about 60", "2011-12-18", true, { conflictsWith: ["prosecutor-general"] }),
      statement(33, "wire-agency-a", 64, "2011-12-19", true, {
        in: "wire-report-2011-12-19",
        via: "morgue-witnesses",
        conflictsWith: ["prosecutor-general"],
      }),
      statement(37, "regional-paper", "64 people", null, true, { via: "morgue-witnesses", conflictsWith: ["prosecutor-general"] }),
      statement(40, "opposition-outlet", "dozens", "2011-12-20", true, { conflictsWith: ["prosecutor-general"] }),
      statement(43, "oil-company", "unknown", "2011-12-17", true),
      statement(46, "interior-ministry", "no fewer than ten people", "2011-12-18", true),
    ]);
  });

  it("positions: the latest remaining statement of each source, its origin and group, against the finding", () => {
    // Finding "at least 16" = [16, ∞): every committed position reaches 16 or more.
    expect(claim.positions).toEqual([
      position("prosecutor-general", 16, "government", "agrees", point(16)),
      position("interior-ministry", "no fewer than ten people", "government", "agrees", atLeast(10)),
      position("opposition-outlet", "dozens", "opposition", "agrees", closed(24, 99)),
      position("morgue-witnesses", 64, "workers", "agrees", point(64)),
      position("odak-union", "about 60", "workers", "agrees", closed(54, 66)),
      position("wire-agency-a", 64, "workers", "agrees", point(64), "morgue-witnesses"),
      position("regional-paper", "64 people", "workers", "agrees", point(64), "morgue-witnesses"),
      position("oil-company", "unknown", "oil-company", null, null),
    ]);
  });

  it("revisions: values as written, in time order, the retracted one included; a respelling is none", () => {
    expect(claim.revisions).toEqual([
      { source: "prosecutor-general", values: [10, "eleven", 16] },
      { source: "opposition-outlet", values: [70, "dozens"] },
    ]);
  });

  it("conflicts: the prosecutor's 16 against every figure of the other sides", () => {
    // 16 ∈ [10, ∞) (interior ministry); 16 ∉ [24, 99], [54, 66], {64}.
    expect(claim.conflicts).toEqual([
      { sources: ["morgue-witnesses", "prosecutor-general"] },
      { sources: ["odak-union", "prosecutor-general"] },
      { sources: ["opposition-outlet", "prosecutor-general"] },
      { sources: ["prosecutor-general", "regional-paper"] },
      { sources: ["prosecutor-general", "wire-agency-a"] },
    ]);
  });

  it("status, range, groups and verdict", () => {
    expect(claim.status).toBe("conflict");
    expect(claim.unresolved).toBe(false); // it has a verdict
    // Lowest lower bound 10 (at least 10), no upper bound (at least 10); the retracted 70 is out.
    expect(claim.range).toEqual({ min: 10, max: null });
    // government (prosecutor, interior ministry), opposition, workers (morgue, union, two relays).
    expect(claim.groups).toBe(3);
    expect(claim.verdict).toEqual({
      finding: "at least 16",
      rating: "mostly-false",
      note: "Synthetic verdict for the test suite.",
      by: "claims test suite",
      on: "2012-01-26",
      interval: atLeast(16),
    });
    expect(claim).toMatchObject({
      id: "death-toll",
      file: `${DIR}/death-toll.yaml`,
      type: "quantity",
      unit: "people",
      options: null,
      tags: ["casualties"],
    });
  });
});

describe("injured: tolerance turns a would-be conflict into agreement", () => {
  const claim = claimOf("injured");

  it("is analysed with every set widened by 10%, and reports the range unwidened", () => {
    // 86 → [77.4, 94.6] and 100 → [90, 110] overlap: no conflict; two groups.
    // Finding fewer than 80 → (−∞, 88): 86 agrees, 100 contradicts.
    expect(claim.statements).toEqual([statement(8, "health-ministry", 86, "2011-12-17", true), statement(11, "regional-paper", 100, "2011-12-18", true)]);
    expect(claim.positions).toEqual([
      position("health-ministry", 86, "government", "agrees", point(86)),
      position("regional-paper", 100, "regional-paper", "contradicts", point(100)),
    ]);
    expect(claim.status).toBe("corroborated");
    expect(claim.conflicts).toEqual([]);
    expect(claim.revisions).toEqual([]);
    expect(claim.unresolved).toBe(false);
    expect(claim.range).toEqual({ min: 86, max: 100 });
    expect(claim.groups).toBe(2);
    expect(claim.verdict).toMatchObject({ finding: "fewer than 80", rating: "mixed", interval: { min: null, max: 80, minOpen: true, maxOpen: true } });
  });
});

describe("live-fire: sources of one side agree — single-source", () => {
  const claim = claimOf("live-fire");

  it("counts the union, the strike committee and a relay of the union as one group", () => {
    expect(claim.statements).toEqual([
      statement(7, "odak-union", "yes", "2011-12-17", true),
      statement(10, "strike-committee", true, "2011-12-16", true),
      statement(13, "regional-paper", "Yes", null, true, { via: "odak-union" }),
    ]);
    expect(claim.positions).toEqual([
      position("odak-union", "yes", "workers", null, null),
      position("strike-committee", true, "workers", null, null),
      position("regional-paper", "Yes", "workers", null, null, "odak-union"),
    ]);
    expect(claim.status).toBe("single-source");
    expect(claim.groups).toBe(1);
    expect(claim.conflicts).toEqual([]);
    expect(claim.revisions).toEqual([]);
    expect(claim.unresolved).toBe(false);
    expect(claim.verdict).toBeNull();
    expect("range" in claim).toBe(false);
  });
});

describe("police-injured: only `unknown` — unsourced", () => {
  const claim = claimOf("police-injured");

  it("has uncommitted positions, no range and no groups", () => {
    expect(claim.statements).toEqual([
      statement(7, "interior-ministry", "unknown", "2011-12-17", true),
      statement(10, "wire-agency-a", "Unknown", "2011-12-19", true, { in: "wire-report-2011-12-19" }),
    ]);
    expect(claim.positions).toEqual([
      position("interior-ministry", "unknown", "government", null, null),
      position("wire-agency-a", "Unknown", "wire-agency-a", null, null),
    ]);
    expect(claim.status).toBe("unsourced");
    expect(claim.range).toBeNull();
    expect(claim.groups).toBe(0);
    expect(claim.unresolved).toBe(false);
    expect(claim.conflicts).toEqual([]);
  });
});

describe("strike-began: a date claim corroborated by three groups", () => {
  const claim = claimOf("strike-began");

  it("month, after-a-day and an EDTF interval overlap pairwise", () => {
    expect(claim.statements).toEqual([
      statement(7, "odak-union", "2011-05", null, true),
      statement(9, "oil-company", "after 2011-05-15", "2011-06-01", true),
      statement(12, "wire-agency-a", "2011-05-16/2011-05-26", "2011-12-19", true, { in: "wire-report-2011-12-19" }),
    ]);
    expect(claim.positions).toEqual([
      position("odak-union", "2011-05", "workers", null, closed(day(2011, 5, 1), day(2011, 5, 31))),
      position("oil-company", "after 2011-05-15", "oil-company", null, atLeast(day(2011, 5, 16))),
      position("wire-agency-a", "2011-05-16/2011-05-26", "wire-agency-a", null, closed(day(2011, 5, 16), day(2011, 5, 26))),
    ]);
    expect(claim.status).toBe("corroborated");
    expect(claim.groups).toBe(3);
    expect(claim.conflicts).toEqual([]);
    expect("range" in claim).toBe(false);
  });
});

describe("who-fired-first: a choice claim with an ambiguous revision, unresolved", () => {
  const claim = claimOf("who-fired-first");
  const IM_CONFLICTS = ["opposition-outlet", "strike-committee", "wire-agency-a"];

  it("takes the later of two same-day statements as the position, and keeps both in the revision", () => {
    expect(claim.statements).toEqual([
      statement(8, "interior-ministry", "protesters", "2011-12-16", false, {
        in: "wire-bulletin-2011-12-16",
        quote: "the disorder was started by protesters armed with firearms",
        quoteCheck: "verified",
      }),
      statement(12, "strike-committee", "police", "2011-12-16", true, { conflictsWith: ["interior-ministry"] }),
      statement(15, "interior-ministry", "provocateurs", "2011-12-16", true, { conflictsWith: IM_CONFLICTS }),
      statement(19, "wire-agency-a", ["police", "protesters"], "2011-12-17", true, { conflictsWith: ["interior-ministry"] }),
      statement(22, "opposition-outlet", "police", "2011-12-18", true, { via: "strike-committee", conflictsWith: ["interior-ministry"] }),
    ]);
    expect(claim.revisions).toEqual([{ source: "interior-ministry", values: ["protesters", "provocateurs"] }]);
  });

  it("positions, groups (a relay of the strike committee is workers), conflicts", () => {
    expect(claim.positions).toEqual([
      position("interior-ministry", "provocateurs", "government", null, null),
      position("strike-committee", "police", "workers", null, null),
      position("wire-agency-a", ["police", "protesters"], "wire-agency-a", null, null),
      position("opposition-outlet", "police", "workers", null, null, "strike-committee"),
    ]);
    // {provocateurs} shares no option with {police} or {police, protesters}; the rest overlap.
    expect(claim.conflicts).toEqual([
      { sources: ["interior-ministry", "opposition-outlet"] },
      { sources: ["interior-ministry", "strike-committee"] },
      { sources: ["interior-ministry", "wire-agency-a"] },
    ]);
    expect(claim.status).toBe("conflict");
    expect(claim.unresolved).toBe(true); // no verdict at all
    expect(claim.verdict).toBeNull();
    expect(claim.groups).toBe(3);
    expect(claim.options).toEqual(["police", "protesters", "provocateurs"]);
    expect("range" in claim).toBe(false);
  });
});

describe("the CLI prints the same report", () => {
  it("`claims check --format json` is the in-process report, byte for byte", () => {
    const result = runBin(["check", "--format", "json", DIR]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0); // one warning, no error
    expect(result.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it("`--fail-on conflict` and `--fail-on unresolved` fail on it", () => {
    expect(runBin(["check", "--format", "json", "--fail-on", "conflict", DIR]).code).toBe(1);
    expect(runBin(["check", "--format", "json", "--fail-on", "unresolved", DIR]).code).toBe(1);
  });
});
