/**
 * A ledger written from other reports of the same events (tests/fixtures/wider) is analysed
 * exactly as SPEC §5–§8 say, and reported as §11 says. Every expected value below was worked out
 * by hand from the SPEC and the fixture files, not copied from the tool's output.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { checkLedgerSync as checkLedger } from "./helpers/check.js";
import type { Report, ReportClaim, ReportInterval, ReportPosition, ReportStatement } from "../src/core/report/types.js";
import { describeBuilt, ROOT, runBin } from "./helpers/run.js";

const DIR = "tests/fixtures/wider";
// Built before each test, not at collection time, so that the mutation run (`npm run mutate`)
// knows which tests reach which code.
let report: Report;
beforeEach(() => { report = checkLedger([DIR], ROOT).report; });

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
    origin: extra.via ?? source,
    asOf: on,
    url: null,
    interval: null,
    ...extra,
  };
}

const point = (n: number): ReportInterval => ({ min: n, max: n, minOpen: false, maxOpen: false });
const closed = (min: number, max: number): ReportInterval => ({ min, max, minOpen: false, maxOpen: false });
const atLeast = (n: number): ReportInterval => ({ min: n, max: null, minOpen: false, maxOpen: true });
const pair = (a: string, b: string) => ({ sources: [a, b], origins: [a, b] });

function position(
  source: string,
  says: unknown,
  group: string,
  vsFinding: ReportPosition["vsFinding"],
  interval: ReportInterval | null,
  asOf: string | null,
  extra: Partial<ReportPosition> = {},
): ReportPosition {
  return { source, says, group, origin: source, committed: says !== "unknown" && says !== "Unknown", vsFinding, interval, asOf, reportedBy: [], ...extra };
}

/** A day number (days since 1970-01-01 UTC), computed independently of the date grammar. */
function day(year: number, month: number, d: number): number {
  return Date.UTC(year, month - 1, d) / 86_400_000;
}

describe("the wider ledger: summary and diagnostics", () => {
  it("counts files, records, statements, severities and statuses", () => {
    // 7 YAML files (the archive is no ledger file); 10 sources; 2 documents; 6 claims;
    // 15 + 2 + 3 + 2 + 3 + 5 statements.
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({
      files: 7,
      sources: 10,
      documents: 2,
      claims: 6,
      statements: 30,
      errors: 0,
      warnings: 3,
      status: { conflict: 2, corroborated: 2, "single-source": 1, unsourced: 1 },
      // death-toll has a verdict; who-fired-first has none.
      unresolved: 1,
    });
  });

  it("has three diagnostics: a stale relay and a relay mismatch of the prosecutor, and the interior ministry's ambiguous revision", () => {
    // death-toll: wire-agency-a reports the prosecutor's "eleven" on the 21st, after the prosecutor
    // said 16 on the 20th (stale); regional-paper reports 70 for the 16th, which none of the
    // prosecutor's own 10, eleven and 16 allows (mismatch). Both at the relay's `says`.
    // who-fired-first: the interior ministry's first statement is dated by its document (published
    // 2011-12-16), its third by `on: 2011-12-16`: the same effective date, and protesters vs
    // provocateurs conflict. The warning stands at the later one, the statement at line 15, column 9.
    expect(report.diagnostics.map(({ code, severity, file, line, column }) => ({ code, severity, file, line, column }))).toEqual([
      { code: "stale-relay", severity: "warning", file: `${DIR}/death-toll.yaml`, line: 54, column: 15 },
      { code: "relay-mismatch", severity: "warning", file: `${DIR}/death-toll.yaml`, line: 59, column: 15 },
      { code: "ambiguous-revision", severity: "warning", file: `${DIR}/who-fired-first.yaml`, line: 15, column: 9 },
    ]);
    expect(report.diagnostics.map((d) => d.message)).toEqual([
      "'wire-agency-a' reports 'prosecutor-general' as saying \"eleven dead\" (on 2011-12-21), but 'prosecutor-general' said 16 (on 2011-12-20); the relay repeats a figure 'prosecutor-general' has since revised, so it is not taken as its position",
      "'regional-paper' reports 'prosecutor-general' as saying \"70 killed\" (on 2011-12-21, as of 2011-12-16), which agrees with none of what 'prosecutor-general' itself said: 16 (on 2011-12-20), \"eleven\" (on 2011-12-17), 10 (on 2011-12-16); record what 'prosecutor-general' said, or correct the relay",
      "'interior-ministry' says two conflicting things and both dated 2011-12-16; the later one in the file is taken as its position; add `on:` dates or `retracted:` to say which is newer",
    ]);
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

describe("death-toll: a running count — a prosecutor raising the toll, relays under their origin, a retracted toll, one side agreeing", () => {
  let claim: ReportClaim;
  beforeEach(() => { claim = claimOf("death-toll"); });
  const PG_CONFLICTS = ["morgue-witnesses", "odak-union", "opposition-outlet"];

  it("statements: effective and as-of dates, origins, retraction echoed, position flags, quote checks", () => {
    expect(claim.cumulative).toBe(true);
    expect(claim.unit).toBe("people"); // the first of [people, dead, killed]
    expect(claim.statements).toEqual([
      statement(9, "prosecutor-general", 10, "2011-12-16", false, {
        interval: point(10),
        in: "wire-bulletin-2011-12-16",
        quote: "ten people had died in the unrest",
        quoteCheck: "verified",
      }),
      statement(13, "interior-ministry", "at least 10", "2011-12-16", false, {
        interval: atLeast(10),
        in: "wire-bulletin-2011-12-16",
        quote: "“at least ten” people had been killed",
        quoteCheck: "verified",
      }),
      statement(17, "opposition-outlet", 70, "2011-12-17", false, { retracted: "2011-12-19", interval: point(70) }),
      statement(21, "prosecutor-general", 16, "2011-12-20", true, { conflictsWith: PG_CONFLICTS, interval: point(16) }),
      statement(25, "prosecutor-general", "eleven", "2011-12-17", false, { interval: point(11) }),
      statement(28, "morgue-witnesses", 64, "2011-12-18", true, { conflictsWith: ["prosecutor-general"], interval: point(64) }),
      statement(31, "odak-union", "about 60", "2011-12-18", true, { conflictsWith: ["prosecutor-general"], interval: closed(54, 66) }),
      // Relays are evidence of their origin's position, never positions of their own here (§6 v2).
      statement(34, "wire-agency-a", 64, "2011-12-19", false, { in: "wire-report-2011-12-19", via: "morgue-witnesses", interval: point(64) }),
      statement(38, "regional-paper", "64 people", null, false, { via: "morgue-witnesses", interval: point(64) }),
      statement(41, "opposition-outlet", "dozens", "2011-12-20", true, { conflictsWith: ["prosecutor-general"], interval: closed(24, 99) }),
      statement(44, "oil-company", "unknown", "2011-12-17", true),
      statement(47, "interior-ministry", "no fewer than ten people", "2011-12-18", true, { asOf: "2011-12-16", interval: atLeast(10) }),
      statement(52, "wire-agency-a", "eleven dead", "2011-12-21", false, { via: "prosecutor-general", interval: point(11) }),
      statement(57, "regional-paper", "70 killed", "2011-12-21", false, {
        via: "prosecutor-general",
        asOf: "2011-12-16",
        interval: point(70),
        url: "https://regional-paper.example/zhanaozen/2011-12-21#toll",
      }),
      statement(64, "health-ministry", 12, "2011-12-17", true, { interval: point(12) }),
    ]);
  });

  it("positions: one per origin, the latest remaining statement, its group, the relays that report it, against the finding", () => {
    // Finding "at least 16" speaks of the latest as-of date, 2011-12-20: the prosecutor's 16 and
    // the opposition's dozens of that date lie in it; every earlier count can grow into it.
    expect(claim.positions).toEqual([
      position("prosecutor-general", 16, "government", "agrees", point(16), "2011-12-20"),
      position("interior-ministry", "no fewer than ten people", "government", "agrees", atLeast(10), "2011-12-16"),
      position("opposition-outlet", "dozens", "opposition", "agrees", closed(24, 99), "2011-12-20"),
      position("morgue-witnesses", 64, "workers", "agrees", point(64), "2011-12-18", { reportedBy: ["regional-paper", "wire-agency-a"] }),
      position("odak-union", "about 60", "workers", "agrees", closed(54, 66), "2011-12-18"),
      position("oil-company", "unknown", "oil-company", null, null, "2011-12-17"),
      position("health-ministry", 12, "government", "agrees", point(12), "2011-12-17"),
    ]);
  });

  it("revisions: per origin, values as written, in time order, the retracted one included; a respelling is none", () => {
    expect(claim.revisions).toEqual([
      { source: "prosecutor-general", values: [10, "eleven", 16] },
      { source: "opposition-outlet", values: [70, "dozens"] },
    ]);
  });

  it("conflicts: the prosecutor's 16 of the 20th against higher counts of earlier days and the same day; once per origin", () => {
    // Running count: 64 (18th) and [54, 66] (18th) are above 16 (20th); [24, 99] (20th) does not
    // hold 16. The health ministry's 12 (17th) and the interior ministry's [10, ∞) (16th) can grow
    // into anything later. The morgue's relays add no pair.
    expect(claim.conflicts).toEqual([pair("morgue-witnesses", "prosecutor-general"), pair("odak-union", "prosecutor-general"), pair("opposition-outlet", "prosecutor-general")]);
  });

  it("status, range, window, groups and verdict", () => {
    expect(claim.status).toBe("conflict");
    expect(claim.unresolved).toBe(false); // it has a verdict
    // Lowest lower bound 10 (at least 10), no upper bound (at least 10); the retracted 70 is out.
    expect(claim.range).toEqual(atLeast(10));
    // Every lower bound applies (64 is the highest); only the upper bounds of the 20th (16, 99).
    expect(claim.window).toBeNull();
    // government (prosecutor, interior and health ministries), opposition, workers (morgue, union).
    expect(claim.groups).toBe(3);
    expect(claim.verdict).toEqual({
      finding: "at least 16",
      rating: "mostly-false",
      note: "Synthetic verdict for the test suite.",
      by: "claims test suite",
      on: "2012-01-26",
      interval: atLeast(16),
      claim: "Sixteen people were killed in Zhanaozen",
      claimant: "prosecutor-general",
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
  let claim: ReportClaim;
  beforeEach(() => { claim = claimOf("injured"); });

  it("is analysed with every set widened by 10%, and reports the range unwidened", () => {
    // 86 → [77.4, 94.6] and 100 → [90, 110] overlap: no conflict; two groups.
    // Finding fewer than 80 → (−∞, 88): 86 agrees, 100 contradicts.
    expect(claim.statements).toEqual([statement(8, "health-ministry", 86, "2011-12-17", true, { interval: point(86) }), statement(11, "regional-paper", 100, "2011-12-18", true, { interval: point(100) })]);
    expect(claim.positions).toEqual([
      position("health-ministry", 86, "government", "agrees", point(86), "2011-12-17"),
      position("regional-paper", 100, "regional-paper", "contradicts", point(100), "2011-12-18"),
    ]);
    expect(claim.status).toBe("corroborated");
    expect(claim.conflicts).toEqual([]);
    expect(claim.revisions).toEqual([]);
    expect(claim.unresolved).toBe(false);
    expect(claim.range).toEqual(closed(86, 100));
    // 86 and 100 agree only within the tolerance: nothing lies in both as stated (§8 v2).
    expect(claim.window).toBeNull();
    expect(claim.groups).toBe(2);
    expect(claim.verdict).toMatchObject({ finding: "fewer than 80", rating: "mixed", interval: { min: null, max: 80, minOpen: true, maxOpen: true } });
  });
});

describe("live-fire: sources of one side agree — single-source", () => {
  let claim: ReportClaim;
  beforeEach(() => { claim = claimOf("live-fire"); });

  it("counts the union, the strike committee and a relay of the union as one group", () => {
    expect(claim.statements).toEqual([
      statement(7, "odak-union", "yes", "2011-12-17", true),
      statement(10, "strike-committee", true, "2011-12-16", true),
      statement(13, "regional-paper", "Yes", null, false, { via: "odak-union" }),
    ]);
    expect(claim.positions).toEqual([
      // (v2) The regional paper's relay is evidence of the union's position, not one of its own.
      position("odak-union", "yes", "workers", null, null, "2011-12-17", { reportedBy: ["regional-paper"] }),
      position("strike-committee", true, "workers", null, null, "2011-12-16"),
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
  let claim: ReportClaim;
  beforeEach(() => { claim = claimOf("police-injured"); });

  it("has uncommitted positions, no range and no groups", () => {
    expect(claim.statements).toEqual([
      statement(7, "interior-ministry", "unknown", "2011-12-17", true),
      statement(10, "wire-agency-a", "Unknown", "2011-12-19", true, { in: "wire-report-2011-12-19" }),
    ]);
    expect(claim.positions).toEqual([
      position("interior-ministry", "unknown", "government", null, null, "2011-12-17"),
      position("wire-agency-a", "Unknown", "wire-agency-a", null, null, "2011-12-19"),
    ]);
    expect(claim.status).toBe("unsourced");
    expect(claim.range).toBeNull();
    expect(claim.groups).toBe(0);
    expect(claim.unresolved).toBe(false);
    expect(claim.conflicts).toEqual([]);
  });
});

describe("strike-began: a date claim corroborated by three groups", () => {
  let claim: ReportClaim;
  beforeEach(() => { claim = claimOf("strike-began"); });

  it("month, after-a-day and an EDTF interval overlap pairwise", () => {
    expect(claim.statements).toEqual([
      statement(7, "odak-union", "2011-05", null, true, { interval: closed(day(2011, 5, 1), day(2011, 5, 31)) }),
      statement(9, "oil-company", "after 2011-05-15", "2011-06-01", true, { interval: atLeast(day(2011, 5, 16)) }),
      statement(12, "wire-agency-a", "2011-05-16/2011-05-26", "2011-12-19", true, { in: "wire-report-2011-12-19", interval: closed(day(2011, 5, 16), day(2011, 5, 26)) }),
    ]);
    expect(claim.positions).toEqual([
      position("odak-union", "2011-05", "workers", null, closed(day(2011, 5, 1), day(2011, 5, 31)), null),
      position("oil-company", "after 2011-05-15", "oil-company", null, atLeast(day(2011, 5, 16)), "2011-06-01"),
      position("wire-agency-a", "2011-05-16/2011-05-26", "wire-agency-a", null, closed(day(2011, 5, 16), day(2011, 5, 26)), "2011-12-19"),
    ]);
    expect(claim.status).toBe("corroborated");
    expect(claim.groups).toBe(3);
    expect(claim.conflicts).toEqual([]);
    expect("range" in claim).toBe(false);
  });
});

describe("who-fired-first: a choice claim with an ambiguous revision, unresolved", () => {
  let claim: ReportClaim;
  beforeEach(() => { claim = claimOf("who-fired-first"); });
  const IM_CONFLICTS = ["strike-committee", "wire-agency-a"];

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
      statement(22, "opposition-outlet", "police", "2011-12-18", false, { via: "strike-committee" }),
    ]);
    expect(claim.revisions).toEqual([{ source: "interior-ministry", values: ["protesters", "provocateurs"] }]);
  });

  it("positions, groups (a relay of the strike committee is workers), conflicts", () => {
    expect(claim.positions).toEqual([
      position("interior-ministry", "provocateurs", "government", null, null, "2011-12-16"),
      // (v2) The opposition outlet relays the strike committee: evidence of its position.
      position("strike-committee", "police", "workers", null, null, "2011-12-16", { reportedBy: ["opposition-outlet"] }),
      position("wire-agency-a", ["police", "protesters"], "wire-agency-a", null, null, "2011-12-17"),
    ]);
    // {provocateurs} shares no option with {police} or {police, protesters}; the rest overlap.
    expect(claim.conflicts).toEqual([
      pair("interior-ministry", "strike-committee"),
      pair("interior-ministry", "wire-agency-a"),
    ]);
    expect(claim.status).toBe("conflict");
    expect(claim.unresolved).toBe(true); // no verdict at all
    expect(claim.verdict).toBeNull();
    expect(claim.groups).toBe(3);
    expect(claim.options).toEqual(["police", "protesters", "provocateurs"]);
    expect("range" in claim).toBe(false);
  });
});

describeBuilt("the CLI prints the same report", () => {
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
