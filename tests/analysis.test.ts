/**
 * Positions, revisions, independence, conflicts and findings (SPEC §5–§8), one small fixture per
 * rule under tests/fixtures/analysis/. Every expected value was worked out by hand from the SPEC
 * before the code was run; none was copied from the code's output.
 *
 * Each block builds its report before each test, not once while the tests are collected: the
 * mutation run (`npm run mutate`) reruns for a mutant only the tests that reached it, and code run
 * at collection time belongs to no test.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { analyseFixture, checkLedgerSync, claimOf } from "./helpers/check.js";
import { analyseClaim, valueContext } from "../src/core/analysis/analyse-claim.js";
import type { ClaimEntry } from "../src/core/load/ledger.js";
import type { Report, ReportClaim } from "../src/core/report/types.js";
import { ROOT } from "./helpers/run.js";

function analyse(name: string): Report {
  return analyseFixture(name, ROOT);
}

/** Diagnostics as `code line:column`, in report order. */
function codes(report: Report): string[] {
  return report.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
}

/** Positions as [source, says, group], in report order. */
function positions(claim: ReportClaim): [string, unknown, string][] {
  return claim.positions.map((p) => [p.source, p.says, p.group]);
}

function pairs(claim: ReportClaim): [string, string][] {
  return claim.conflicts.map(({ sources: [a, b] }) => [a, b]);
}

/** A day number (days since 1970-01-01 UTC), computed independently of the date grammar. */
function day(year: number, month: number, d: number): number {
  return Date.UTC(year, month - 1, d) / 86_400_000;
}

describe("revisions are changes of value set, not of spelling (§6)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("spelling"); });

  it("reports no diagnostics", () => {
    expect(codes(report)).toEqual([]);
  });

  it("quantities: 10 / ten / 10 people / \"10\" and at least 10 / 10 or more / 10+ / no less than ten people are one set each", () => {
    const toll = claimOf(report, "toll");
    expect(toll.revisions).toEqual([
      { source: "d", values: [10, "about 10"] },
      { source: "h", values: ["unknown", 10] },
    ]);
    expect(positions(toll)).toEqual([
      ["a", "10", "a"],
      ["b", "no less than ten people", "b"],
      ["c", "twelve people", "c"],
      ["d", "about 10", "d"],
      ["h", 10, "h"],
    ]);
    // c's 12 (a dozen) is outside a's and h's 10 and d's [9, 11], inside b's [10, ∞).
    expect(pairs(toll)).toEqual([
      ["a", "c"],
      ["c", "d"],
      ["c", "h"],
    ]);
  });

  it("choices: a list in another order, or with a repeat, is the same set", () => {
    expect(claimOf(report, "fired").revisions).toEqual([]);
  });

  it("dates: 2011-12, 2011-12-01/2011-12-31 and between 2011-12-01 and 2011-12-31 are the same days", () => {
    expect(claimOf(report, "began").revisions).toEqual([]);
  });

  it("booleans: yes, true and \"TRUE\" are the same value", () => {
    const shot = claimOf(report, "shot");
    expect(shot.revisions).toEqual([]);
    expect(shot.statements.map((s) => s.says)).toEqual(["yes", true, "TRUE"]);
  });
});

describe("retractions (§6)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("retraction"); });

  it("reports no diagnostics", () => {
    expect(codes(report)).toEqual([]);
  });

  it("are shown with their retraction, listed in revisions, excluded from positions and conflicts", () => {
    const toll = claimOf(report, "toll");
    expect(toll.statements.map((s) => [s.source, s.says, s.retracted, s.position])).toEqual([
      ["a", 70, "2011-12-19", false],
      ["a", 16, false, true],
      ["b", 64, true, false],
      ["c", 10, false, true],
      ["c", 20, "2011-12-19", false],
    ]);
    expect(positions(toll)).toEqual([
      ["a", 16, "a"],
      ["c", 10, "c"],
    ]);
    expect(toll.revisions).toEqual([
      { source: "a", values: [70, 16] },
      { source: "c", values: [10, 20] },
    ]);
    // b's 64 would conflict with both; retracted, it takes no part.
    expect(pairs(toll)).toEqual([["a", "c"]]);
    expect(toll.status).toBe("conflict");
    expect(toll.range).toEqual({ min: 10, max: 16, minOpen: false, maxOpen: false });
  });

  it("a claim whose only statement is retracted is unsourced", () => {
    const withdrawn = claimOf(report, "withdrawn");
    expect(withdrawn.status).toBe("unsourced");
    expect(withdrawn.positions).toEqual([]);
    expect(withdrawn.range).toBeNull();
    expect(withdrawn.revisions).toEqual([]);
    expect(withdrawn.statements.map((s) => s.position)).toEqual([false]);
  });

  it("a retracted statement is no ambiguous revision, even on the same day", () => {
    const sameDay = claimOf(report, "same-day");
    expect(positions(sameDay)).toEqual([["e", 1, "e"]]);
    expect(sameDay.revisions).toEqual([{ source: "e", values: [1, 2] }]);
    expect(sameDay.status).toBe("single-source");
  });
});

describe("statements in error (§6)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("excluded"); });
  let toll: ReportClaim;
  beforeEach(() => { toll = claimOf(report, "toll"); });

  it("are reported: unknown source, invalid value, unknown relay", () => {
    expect(report.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["unknown-source", 13],
      ["invalid-value", 15],
      ["unknown-source", 16],
    ]);
  });

  it("are kept and shown, but are no position", () => {
    expect(toll.statements.map((s) => [s.source, s.says, s.on, s.position])).toEqual([
      ["a", 10, "2011-12-16", true],
      ["ghost", 99, "2011-12-16", false],
      ["b", 10, "2011-12-16", true],
      ["b", "a great many", "2011-12-18", false],
      ["c", 50, "2011-12-20", false],
      ["c", 12, "2011-12-15", true],
    ]);
    expect(positions(toll)).toEqual([
      ["a", 10, "a"],
      ["b", 10, "b"],
      ["c", 12, "c"],
    ]);
  });

  it("take no part in conflicts or the range", () => {
    // ghost's 99 and c's relayed 50 would conflict with everything.
    expect(pairs(toll)).toEqual([
      ["a", "c"],
      ["b", "c"],
    ]);
    expect(toll.range).toEqual({ min: 10, max: 12, minOpen: false, maxOpen: false });
    expect(toll.status).toBe("conflict");
  });

  it("revisions need two readable values that differ", () => {
    // A statement whose value cannot be read has no set, so it cannot "differ": b's unreadable
    // statement makes no revision. Once there is one, every statement is listed (see below).
    // (v2) c's 50 relays `nobody`: it is evidence of what nobody said, not a revision of c's own
    // 12 (SPEC §6 v2), so c has no revision either.
    expect(toll.revisions).toEqual([]);
  });
});

describe("time order (§6)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("ordering"); });
  let toll: ReportClaim;
  beforeEach(() => { toll = claimOf(report, "toll"); });

  it("the effective date is `on`, else the document's `published`", () => {
    expect(toll.statements.map((s) => s.on)).toEqual([
      "2011-12-17",
      null,
      "2011-12-16",
      "2011-12-16",
      null,
      null,
      "2011-12-18",
      "2011-12-17",
      "2011-12-15",
      "2011-12-16",
      "2011-12-16",
      "2011-12-16",
    ]);
  });

  it("undated statements come before dated ones; file order breaks ties", () => {
    expect(positions(toll)).toEqual([
      ["a", 20, "a"],
      ["b", "at most 9", "b"],
      ["c", 2, "c"],
      ["d", 30, "d"],
      ["e", 2, "e"],
    ]);
    expect(toll.statements.map((s) => s.position)).toEqual([true, false, false, true, false, true, true, false, false, false, false, true]);
    expect(toll.revisions).toEqual([
      { source: "a", values: [10, 20] },
      { source: "b", values: ["at least 5", "at most 9"] },
      { source: "c", values: [1, 2] },
      { source: "d", values: [35, 40, 30] },
      { source: "e", values: [1, "one", 2] },
    ]);
  });

  it("ambiguous-revision only for conflicting statements on the same date (or both undated), at the later one", () => {
    // b's two same-day statements overlap ([5, ∞) and (−∞, 9]): no warning. c: both undated, 1 vs 2.
    // e: 1, one, 2 on one day: the third conflicts with the first, one warning at the third.
    expect(codes(report)).toEqual(["ambiguous-revision 23:9", "ambiguous-revision 29:9"]);
    expect(report.diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(report.summary.warnings).toBe(2);
  });

  it("conflicts are between positions only", () => {
    // a 20, b (−∞, 9], c 2, d 30, e 2.
    expect(pairs(toll)).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["a", "d"],
      ["a", "e"],
      ["b", "d"],
      ["c", "d"],
      ["d", "e"],
    ]);
  });
});

describe("origins and independence groups (§6, §8)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("via-sides"); });

  it("reports no diagnostics", () => {
    expect(codes(report)).toEqual([]);
  });

  it("two bodies of one side and a relay of one of them are one group: single-source", () => {
    const claim = claimOf(report, "one-side");
    // (v2) One position per origin: outlet-x's relay is evidence of gov-a's position, not its own.
    expect(claim.positions.map((p) => [p.source, p.origin, p.group, p.reportedBy])).toEqual([
      ["gov-a", "gov-a", "government", ["outlet-x"]],
      ["gov-b", "gov-b", "government", []],
    ]);
    expect(claim.status).toBe("single-source");
    expect(claim.groups).toBe(1);
  });

  it("a side and a source without one are two groups: corroborated", () => {
    const claim = claimOf(report, "two-sides");
    expect(positions(claim)).toEqual([
      ["gov-a", 10, "government"],
      ["ngo", 10, "ngo"],
    ]);
    expect(claim.status).toBe("corroborated");
    expect(claim.groups).toBe(2);
  });

  it("a relay's group is its origin's, not its own side", () => {
    const claim = claimOf(report, "relays-only");
    // (v2) The NGO has no statement of its own: its position is the later relay in file order
    // (both are undated), and the other relay reports it.
    expect(claim.positions.map((p) => [p.source, p.origin, p.group, p.reportedBy])).toEqual([["outlet-z", "ngo", "ngo", ["outlet-y"]]]);
    expect(claim.status).toBe("single-source");
  });

  it("two sources of one side speaking for themselves are one group", () => {
    const claim = claimOf(report, "press-side");
    expect(positions(claim)).toEqual([
      ["outlet-y", 10, "press"],
      ["outlet-z", 10, "press"],
    ]);
    expect(claim.status).toBe("single-source");
    expect(claim.groups).toBe(1);
  });

  it("an uncommitted position counts for no group", () => {
    const claim = claimOf(report, "uncommitted");
    expect(claim.positions.map((p) => [p.source, p.committed])).toEqual([
      ["gov-a", true],
      ["ngo", false],
    ]);
    expect(claim.status).toBe("single-source");
    expect(claim.groups).toBe(1);
  });
});

describe("conflicting pairs (§8)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("pairs"); });

  it("one source's revision is not a conflict", () => {
    const claim = claimOf(report, "revision-only");
    expect(claim.status).toBe("single-source");
    expect(claim.conflicts).toEqual([]);
    expect(claim.unresolved).toBe(false);
    expect(claim.revisions).toEqual([{ source: "a", values: [10, 16] }]);
    expect(claim.range).toEqual({ min: 16, max: 16, minOpen: false, maxOpen: false });
  });

  it("every pair is listed, each sorted, the list sorted; open bounds count", () => {
    // x 10, y 20, z [10, 20], v (20, ∞): z meets y at 20; v's open 20 meets nobody.
    const claim = claimOf(report, "pairs");
    expect(pairs(claim)).toEqual([
      ["v", "x"],
      ["v", "y"],
      ["v", "z"],
      ["x", "y"],
    ]);
    expect(claim.status).toBe("conflict");
    expect(claim.unresolved).toBe(true);
    expect(claim.range).toEqual({ min: 10, max: null, minOpen: false, maxOpen: true });
    expect(claim.statements.map((s) => [s.source, s.conflictsWith])).toEqual([
      ["x", ["v", "y"]],
      ["y", ["v", "x"]],
      ["z", ["v"]],
      ["v", ["x", "y", "z"]],
    ]);
  });
});

describe("findings and unresolved claims (§8)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("verdicts"); });
  const vs = (claim: ReportClaim) => claim.positions.map((p) => [p.source, p.vsFinding]);

  it("reports no diagnostics", () => {
    expect(codes(report)).toEqual([]);
  });

  it("each committed position agrees or contradicts; an uncommitted one is null", () => {
    const claim = claimOf(report, "agrees-contradicts");
    expect(vs(claim)).toEqual([
      ["a", "contradicts"],
      ["b", "agrees"],
      ["c", null],
    ]);
    expect(claim.status).toBe("conflict");
    expect(claim.unresolved).toBe(false);
    expect(claim.verdict).toEqual({
      finding: "at least 16",
      rating: "mostly-false",
      note: null,
      by: null,
      on: null,
      interval: { min: 16, max: null, minOpen: false, maxOpen: true },
      claim: null,
      claimant: null,
    });
  });

  it("a finding of unknown agrees with everything", () => {
    const claim = claimOf(report, "finding-unknown");
    expect(vs(claim)).toEqual([
      ["a", "agrees"],
      ["b", "agrees"],
    ]);
    expect(claim.unresolved).toBe(false);
  });

  it("a verdict with only a note, or only a rating, resolves a conflict; no finding, no vsFinding", () => {
    for (const id of ["note-only", "rating-only"]) {
      const claim = claimOf(report, id);
      expect(claim.status).toBe("conflict");
      expect(claim.unresolved).toBe(false);
      expect(vs(claim)).toEqual([
        ["a", null],
        ["b", null],
      ]);
    }
    expect(claimOf(report, "note-only").verdict).toEqual({
      finding: null,
      rating: null,
      note: "Still being checked.",
      by: null,
      on: null,
      interval: null,
      claim: null,
      claimant: null,
    });
  });

  it("a conflict with no verdict at all is unresolved; agreement without one is not", () => {
    const open = claimOf(report, "no-verdict");
    expect(open.status).toBe("conflict");
    expect(open.unresolved).toBe(true);
    expect(open.verdict).toBeNull();
    expect(vs(open)).toEqual([
      ["a", null],
      ["b", null],
    ]);
    const agreement = claimOf(report, "agreement");
    expect(agreement.status).toBe("corroborated");
    expect(agreement.unresolved).toBe(false);
  });

  it("choice findings: a list agrees when it holds the found option", () => {
    const claim = claimOf(report, "choice-finding");
    expect(vs(claim)).toEqual([
      ["a", "agrees"],
      ["b", "agrees"],
      ["c", "contradicts"],
    ]);
    expect(pairs(claim)).toEqual([["a", "c"]]);
  });

  it("summary counts statuses", () => {
    expect(report.summary.status).toEqual({ conflict: 6, corroborated: 1, "single-source": 0, unsourced: 0 });
  });
});

describe("tolerance and margin (§5)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("tolerance"); });

  it("tolerance turns a would-be conflict into agreement, and changes findings", () => {
    // 86 → [77.4, 94.6], 100 → [90, 110]: they overlap. Finding (−∞, 80) → (−∞, 88).
    const tolerant = claimOf(report, "with-tolerance");
    expect(tolerant.status).toBe("corroborated");
    expect(tolerant.conflicts).toEqual([]);
    expect(tolerant.positions.map((p) => [p.source, p.vsFinding])).toEqual([
      ["a", "agrees"],
      ["b", "contradicts"],
    ]);
    const strict = claimOf(report, "without-tolerance");
    expect(strict.status).toBe("conflict");
    expect(pairs(strict)).toEqual([["a", "b"]]);
    expect(strict.positions.map((p) => [p.source, p.vsFinding])).toEqual([
      ["a", "contradicts"],
      ["b", "contradicts"],
    ]);
  });

  it("the range and the position intervals are as stated, unwidened", () => {
    expect(claimOf(report, "with-tolerance").range).toEqual({ min: 86, max: 100, minOpen: false, maxOpen: false });
    expect(claimOf(report, "with-tolerance").positions.map((p) => p.interval)).toEqual([
      { min: 86, max: 86, minOpen: false, maxOpen: false },
      { min: 100, max: 100, minOpen: false, maxOpen: false },
    ]);
    expect(claimOf(report, "without-tolerance").range).toEqual({ min: 86, max: 100, minOpen: false, maxOpen: false });
  });

  it("tolerance applies to ambiguous revisions", () => {
    // One warning only: strict-revision's second statement (line 35).
    expect(codes(report)).toEqual(["ambiguous-revision 35:9"]);
    for (const id of ["tolerant-revision", "strict-revision"]) {
      const claim = claimOf(report, id);
      expect(positions(claim)).toEqual([["c", 100, "c"]]);
      expect(claim.revisions).toEqual([{ source: "c", values: [86, 100] }]);
    }
  });

  it("infinite bounds stay put; the range shows null for them", () => {
    // [10, ∞) → [5, ∞); (−∞, 6) → (−∞, 9): they overlap.
    const claim = claimOf(report, "unbounded");
    expect(claim.status).toBe("corroborated");
    expect(claim.range).toEqual({ min: null, max: null, minOpen: true, maxOpen: true });
  });

  it("widening keeps an open bound open", () => {
    // (−∞, 10) → (−∞, 15); [30, ∞) → [15, ∞): they touch at an open 15, so they conflict.
    expect(pairs(claimOf(report, "openness"))).toEqual([["a", "b"]]);
  });

  it("margin sets the width of about", () => {
    // about 60 with margin 0.2 is [48, 72]; 45 is outside.
    const claim = claimOf(report, "margin");
    expect(claim.positions[0].interval).toEqual({ min: 48, max: 72, minOpen: false, maxOpen: false });
    expect(pairs(claim)).toEqual([["a", "b"]]);
    expect(claim.range).toEqual({ min: 45, max: 72, minOpen: false, maxOpen: false });
  });
});

describe("choices (§5)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("choice"); });

  it("a list allows any of its options; conflict only when two sets share none", () => {
    // a {police, protesters}, b {protesters}, c {provocateurs}, d {police, provocateurs}
    const claim = claimOf(report, "who");
    expect(pairs(claim)).toEqual([
      ["a", "c"],
      ["b", "c"],
      ["b", "d"],
    ]);
    expect(claim.status).toBe("conflict");
    expect("range" in claim).toBe(false);
    expect(claim.positions.map((p) => [p.source, p.says, p.interval])).toEqual([
      ["a", ["police", "protesters"], null],
      ["b", "protesters", null],
      ["c", "provocateurs", null],
      ["d", ["provocateurs", "police"], null],
    ]);
  });

  it("the order of a list does not make a revision", () => {
    const claim = claimOf(report, "order-free");
    expect(claim.revisions).toEqual([]);
    expect(claim.status).toBe("single-source");
  });
});

describe("booleans (§5)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("boolean"); });

  it("yes/true/TRUE against No/false: every cross pair conflicts", () => {
    const claim = claimOf(report, "fired");
    expect(pairs(claim)).toEqual([
      ["a", "c"],
      ["a", "d"],
      ["b", "c"],
      ["b", "d"],
      ["c", "e"],
      ["d", "e"],
    ]);
    expect("range" in claim).toBe(false);
  });

  it("yes then true is no revision", () => {
    const claim = claimOf(report, "agree");
    expect(claim.revisions).toEqual([]);
    expect(claim.statements.map((s) => s.says)).toEqual(["yes", true]);
    expect(claim.status).toBe("single-source");
  });
});

describe("dates (§5)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("dates"); });

  it("reports no diagnostics", () => {
    expect(codes(report)).toEqual([]);
  });

  it("sets of whole days compared like quantities", () => {
    const claim = claimOf(report, "when");
    expect(pairs(claim)).toEqual([
      ["b", "c"],
      ["b", "d"],
      ["b", "e"],
      ["b", "h"],
      ["c", "d"],
      ["c", "h"],
      ["d", "e"],
      ["e", "h"],
    ]);
    expect("range" in claim).toBe(false);
    expect(claim.positions.map((p) => [p.source, p.interval])).toEqual([
      ["a", { min: day(2011, 12, 1), max: day(2011, 12, 31), minOpen: false, maxOpen: false }],
      ["b", { min: day(2011, 12, 16), max: day(2011, 12, 16), minOpen: false, maxOpen: false }],
      ["c", { min: null, max: day(2011, 12, 15), minOpen: true, maxOpen: false }],
      ["d", { min: day(2011, 12, 17), max: null, minOpen: false, maxOpen: true }],
      ["e", { min: day(2011, 12, 10), max: day(2011, 12, 15), minOpen: false, maxOpen: false }],
      ["f", { min: day(2011, 1, 1), max: null, minOpen: false, maxOpen: true }],
      ["g", { min: day(2011, 1, 1), max: day(2011, 12, 31), minOpen: false, maxOpen: false }],
      ["h", { min: day(2011, 12, 17), max: day(2011, 12, 20), minOpen: false, maxOpen: false }],
    ]);
  });

  it("before D and after the day before D share no day; findings on dates", () => {
    const claim = claimOf(report, "adjacent");
    expect(pairs(claim)).toEqual([
      ["p", "q"],
      ["q", "r"],
    ]);
    expect(claim.positions.map((p) => [p.source, p.vsFinding])).toEqual([
      ["p", "contradicts"],
      ["q", "agrees"],
      ["r", "contradicts"],
    ]);
    expect(claim.unresolved).toBe(false);
  });

  it("../D and before the next day are the same days: no revision", () => {
    const claim = claimOf(report, "spellings");
    expect(claim.revisions).toEqual([]);
    expect(claim.status).toBe("single-source");
  });
});

describe("`says` is echoed as YAML read it (§11)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("echo"); });

  it("reports no diagnostics", () => {
    expect(codes(report)).toEqual([]);
  });

  it("quantities: numbers stay numbers, strings stay strings, mappings stay mappings", () => {
    const claim = claimOf(report, "quantity-echo");
    expect(claim.statements.map((s) => s.says)).toEqual([10, "10", "3,000", 1500, { min: 10, max: 20 }, { max: 20 }]);
    expect(claim.positions.map((p) => p.says)).toEqual([10, "10", "3,000", 1500, { min: 10, max: 20 }, { max: 20 }]);
    // 10 and "10" are one set; 3,000 and 1500 conflict with each other and with [10, 20] / (−∞, 20].
    expect(pairs(claim)).toEqual([
      ["a", "c"],
      ["a", "d"],
      ["b", "c"],
      ["b", "d"],
      ["c", "d"],
      ["c", "e"],
      ["c", "f"],
      ["d", "e"],
      ["d", "f"],
    ]);
    expect(claim.range).toEqual({ min: null, max: 3000, minOpen: true, maxOpen: false });
    // The JSON text keeps the distinction too.
    const json = JSON.parse(JSON.stringify(report)) as Report;
    expect(claimOf(json, "quantity-echo").statements.map((s) => typeof s.says)).toEqual(["number", "string", "string", "number", "object", "object"]);
  });

  it("choices, booleans and dates", () => {
    expect(claimOf(report, "choice-echo").statements.map((s) => s.says)).toEqual(["police", ["police"]]);
    expect(claimOf(report, "boolean-echo").statements.map((s) => s.says)).toEqual(["yes", true, "true"]);
    expect(claimOf(report, "date-echo").statements.map((s) => s.says)).toEqual([2011, "2011", "2011-12"]);
    // Sources without a side are a group each: agreeing, they corroborate.
    for (const id of ["choice-echo", "boolean-echo", "date-echo"]) expect(claimOf(report, id).status).toBe("corroborated");
  });
});

describe("ratings `true` and `false` written as plain YAML (§4, §1)", () => {
  // SPEC §4 lists `true` and `false` among the ratings, and §1 reads files with the YAML 1.2 core
  // schema, where unquoted `true`/`false` are booleans: both spellings are the ratings.
  it("are accepted, and the claims are analysed", () => {
    const report = analyse("rating-boolean");
    expect(codes(report)).toEqual([]);
    expect(report.claims.map((c) => [c.id, c.verdict?.rating])).toEqual([
      ["toll", "true"],
      ["wounded", "false"],
    ]);
  });
});

describe("a revision history with an unreadable value (§6)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("revision-unreadable"); });
  let toll: ReportClaim;
  beforeEach(() => { toll = claimOf(report, "toll"); });

  it("lists every statement as written, the unreadable one included", () => {
    expect(toll.revisions).toEqual([{ source: "prosecutor", values: [10, "lots", 16] }]);
    expect(report.diagnostics.map((d) => [d.code, d.line])).toEqual([["invalid-value", 14]]);
  });
});

describe("conflicting pairs where an open and a closed lower bound tie (§8)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("open-tie"); });

  it("more than 5 and 5 conflict; 6-7 conflicts with 5 only; in either file order", () => {
    // (5, ∞) and [5, 5] share no value; [6, 7] lies inside (5, ∞).
    for (const id of ["tie", "tie-reversed"]) {
      const claim = claimOf(report, id);
      expect(pairs(claim)).toEqual([
        ["a", "b"],
        ["b", "c"],
      ]);
      expect(claim.status).toBe("conflict");
    }
  });
});

describe("a revision is any change of set (§6)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("revisions"); });

  it("reports no diagnostics", () => {
    expect(codes(report)).toEqual([]);
  });

  it.each([
    ["boolean", ["yes", "no"]],
    ["openness", ["at most 10", "fewer than 10"]],
    ["lower-openness", ["at least 10", "more than 10"]],
    ["one-option", [["police", "army"], ["police", "protesters"]]],
    ["dates", ["2011-12", "2011-12-16"]],
  ])("%s: %j is a revision, and no conflict", (id, values) => {
    const claim = claimOf(report, id);
    expect(claim.revisions).toEqual([{ source: "a", values }]);
    expect(claim.status).toBe("single-source");
    expect(claim.conflicts).toEqual([]);
  });
});

describe("a verdict whose finding cannot be read (§5, §8)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("finding-unreadable"); });

  it("is an invalid-value error at the finding", () => {
    expect(report.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message])).toEqual([
      [
        "invalid-value",
        "error",
        15,
        16,
        'cannot read "a great many" as a quantity; write a number (10, 3,000, 1.5 million, ten), a hedge (at least 10, about 10, almost 10, more than 10, up to 10), a range (10-16, between 10 and 16), a vague word (a few, several, several hundred, dozens, hundreds, thousands), {min, max}, or unknown',
      ],
    ]);
  });

  it("gives no finding to agree or contradict with, yet resolves the conflict", () => {
    const claim = claimOf(report, "toll");
    expect(claim.positions.map((p) => [p.source, p.vsFinding])).toEqual([
      ["a", null],
      ["b", null],
    ]);
    expect(claim.verdict).toEqual({ finding: "a great many", rating: "mixed", note: null, by: null, on: null, interval: null, claim: null, claimant: null });
    expect(claim.status).toBe("conflict");
    expect(claim.unresolved).toBe(false);
  });
});

describe("a source cited only through `via` (§6, §9)", () => {
  it("is cited: only the source nothing names is unused", () => {
    const report = analyse("via-only");
    expect(report.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["unused-source", 6, 3, "source 'idle' is not cited by any statement; cite it or remove it"],
    ]);
    expect(claimOf(report, "toll").positions.map((p) => [p.source, p.origin])).toEqual([["outlet", "origin"]]);
  });
});

describe("references to the wrong kind of record, or a near miss (§9)", () => {
  it("say what the id is declared as, or suggest the id meant", () => {
    const report = analyse("references");
    expect(report.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["unknown-document", 14, 41, "unknown document 'police' ('police' is declared as a source)"],
      ["unknown-document", 15, 41, "unknown document 'toll' ('toll' is declared as a claim)"],
      ["unknown-document", 16, 41, "unknown document 'report-2011-12-71' — did you mean 'report-2011-12-17'?"],
      ["unknown-source", 17, 19, "unknown source 'report-2011-12-17' ('report-2011-12-17' is declared as a document)"],
      ["unknown-source", 18, 32, "unknown source 'toll' ('toll' is declared as a claim)"],
      ["unknown-source", 19, 19, "unknown source 'polise' — did you mean 'police'?"],
    ]);
  });
});

describe("the ambiguous-revision message (§6)", () => {
  it("names the source, the shared date or its absence, and the fix", () => {
    const report = analyse("ordering");
    expect(report.diagnostics.map((d) => d.message)).toEqual([
      "'c' says two conflicting things and neither has a date; the later one in the file is taken as its position; add `on:` dates or `retracted:` to say which is newer",
      "'e' says two conflicting things and both dated 2011-12-16; the later one in the file is taken as its position; add `on:` dates or `retracted:` to say which is newer",
    ]);
  });
});

describe("a statement whose source has schema errors (§6, §9)", () => {
  it("is in error as invalid-source, through `source` or `via`; an undeclared one is unknown-source, an unreadable value invalid-value", () => {
    // Not under tests/fixtures/analysis/, whose files are all valid by the JSON Schema (json-schema.test.ts).
    const report = checkLedgerSync(["tests/fixtures/edges/invalid-source"], ROOT).report;
    expect(report.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["schema", 6],
      ["unknown-source", 15],
      ["invalid-value", 16],
    ]);
    const toll = claimOf(report, "toll");
    expect(toll.statements.map((s) => [s.source, s.error, s.position])).toEqual([
      ["a", null, true],
      ["broken", "invalid-source", false],
      ["a", "invalid-source", false],
      ["ghost", "unknown-source", false],
      ["a", "invalid-value", false],
    ]);
    expect(positions(toll)).toEqual([["a", 10, "a"]]);
    expect(toll.status).toBe("single-source");
  });
});

describe("analyseClaim reads only the keys of the claim's own type (§4, §8 v2)", () => {
  // The schema keeps a claim's keys to its type; these checks hold the analysis to the same rule
  // for a claim built by a program, and to "range and window for quantity claims only".
  const ledgerOf = (name: string) => checkLedgerSync([`tests/fixtures/analysis/${name}`], ROOT).ledger;
  const stray = { unit: "people", margin: 0.5, tolerance: 0.5, cumulative: true, options: ["x"] };

  it("the value grammar's context: a unit and a margin for quantities, options for choices", () => {
    const claim = ledgerOf("dates").claims.get("when")!;
    expect(valueContext({ ...claim, data: { ...claim.data, ...stray } as ClaimEntry["data"] })).toEqual({ type: "date", unit: undefined, margin: 0.1, options: undefined });
    const tolerance = ledgerOf("tolerance");
    expect(valueContext(tolerance.claims.get("margin")!)).toEqual({ type: "quantity", unit: undefined, margin: 0.2, options: undefined });
    expect(valueContext(tolerance.claims.get("with-tolerance")!)).toEqual({ type: "quantity", unit: undefined, margin: 0.1, options: undefined });
    const who = ledgerOf("choice").claims.get("who")!;
    expect(valueContext(who)).toEqual({ type: "choice", unit: undefined, margin: 0.1, options: ["police", "protesters", "provocateurs"] });
  });

  it("a date claim has no range or window, and takes no tolerance or running count", () => {
    const ledger = ledgerOf("dates");
    const claim = ledger.claims.get("when")!;
    const plain = analyseClaim(ledger, claim, []);
    expect([plain.range, plain.window]).toEqual([null, null]);
    const withStray = analyseClaim(ledger, { ...claim, data: { ...claim.data, ...stray } as ClaimEntry["data"] }, []);
    expect(withStray.conflicts).toEqual(plain.conflicts);
    expect(withStray.conflicts.length).toBeGreaterThan(0);
    expect([withStray.range, withStray.window]).toEqual([null, null]);
  });
});
