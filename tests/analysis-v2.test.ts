/**
 * The analysis of SPEC v2 (§6 origins, §8 time, window and exact bounds), one small fixture per
 * rule under tests/fixtures/analysis/{origins,time,window}. Every expected value was worked out by
 * hand from the SPEC and the fixture files; each case also notes what the first release gave, so
 * it is plain that the test fails on v1's behaviour.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { analyseFixture, claimOf } from "./helpers/check.js";
import type { Report, ReportClaim, ReportInterval } from "../src/core/report/types.js";
import { ROOT, runInProcess } from "./helpers/run.js";

function analyse(name: string): Report {
  return analyseFixture(name, ROOT);
}

/** Positions as [speaker, origin, says, reportedBy]. */
function positions(claim: ReportClaim): [string, string, unknown, readonly string[]][] {
  return claim.positions.map((p) => [p.source, p.origin, p.says, p.reportedBy]);
}

const bounds = (min: number | null, max: number | null, minOpen: boolean, maxOpen: boolean): ReportInterval => ({ min, max, minOpen, maxOpen });

describe("positions belong to origins (§6 v2)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("origins"); });
  const file = "tests/fixtures/analysis/origins/ledger.yaml";

  it("warns of a stale relay, a relay mismatch and relays of one day that disagree — nothing else", () => {
    expect(report.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
      ["stale-relay", "warning", file, 25, 48],
      ["relay-mismatch", "warning", file, 33, 42],
      ["ambiguous-revision", "warning", file, 54, 9],
    ]);
    expect(report.diagnostics[2].message).toBe(
      "'ngo' is reported as saying two conflicting things (by 'wire-a' and 'wire-b') and both dated 2011-12-17; the later one in the file is taken as its position; add `on:` dates or `retracted:` to say which is newer",
    );
  });

  it("one disagreement is one pair however many outlets relay it, with the relays beside it", () => {
    // v1: five positions and four conflicting pairs (ministry against the morgue and each relay).
    const claim = claimOf(report, "relayed");
    expect(positions(claim)).toEqual([
      ["ministry", "ministry", 10, []],
      ["morgue", "morgue", 64, ["paper", "wire-a", "wire-b"]],
    ]);
    expect(claim.conflicts).toEqual([{ sources: ["ministry", "morgue"], origins: ["ministry", "morgue"] }]);
    expect(claim.statements.map((s) => [s.source, s.origin, s.position, s.conflictsWith])).toEqual([
      ["ministry", "ministry", true, ["morgue"]],
      ["morgue", "morgue", true, ["ministry"]],
      ["wire-a", "morgue", false, []],
      ["wire-b", "morgue", false, []],
      ["paper", "morgue", false, []],
    ]);
    expect([claim.status, claim.groups]).toEqual(["conflict", 2]);
  });

  it("a relay of a revised figure is no conflict with its origin", () => {
    // v1: wire-a's relayed 500 was a position in conflict with the ministry's 471.
    const claim = claimOf(report, "stale");
    expect(positions(claim)).toEqual([["ministry", "ministry", 471, []]]);
    expect(claim.conflicts).toEqual([]);
    expect(claim.revisions).toEqual([{ source: "ministry", values: [500, 471] }]);
    expect(claim.status).toBe("single-source");
    expect(report.diagnostics[0].message).toBe(
      "'wire-a' reports 'ministry' as saying 500 (on 2023-10-23), but 'ministry' said 471 (on 2023-10-18); the relay repeats a figure 'ministry' has since revised, so it is not taken as its position",
    );
  });

  it("a relay that agrees with none of its origin's own statements is a mismatch, not a position", () => {
    const claim = claimOf(report, "mismatch");
    expect(positions(claim)).toEqual([["ngo", "ngo", 8, ["wire-a"]]]);
    expect(claim.status).toBe("single-source");
    expect(report.diagnostics[1].message).toBe(
      "'paper' reports 'ngo' as saying \"around 70\" (on 2011-12-20), which agrees with none of what 'ngo' itself said: 8 (on 2011-12-17); record what 'ngo' said, or correct the relay",
    );
  });

  it("an origin heard only through relays: the latest relay is its position, its revisions are theirs", () => {
    const claim = claimOf(report, "relays-only");
    expect(positions(claim)).toEqual([
      ["ministry", "ministry", 10, []],
      ["paper", "morgue", 64, []],
    ]);
    expect(claim.revisions).toEqual([{ source: "morgue", values: [60, 64] }]);
    // Each pair sorted on its own: the speakers whose statements stand, and the origins.
    expect(claim.conflicts).toEqual([{ sources: ["ministry", "paper"], origins: ["ministry", "morgue"] }]);
  });

  it("check's lint formats give each conflicting position once, naming the origins, and a relay's as reported", async () => {
    const result = await runInProcess(["check", "--format", "github", "tests/fixtures/analysis/origins"]);
    const notices = result.stdout.split("\n").filter((line) => line.includes("::relays-only: "));
    expect(notices.map((line) => line.replace(/^::notice file=[^,]+,/, ""))).toEqual([
      "line=39,col=9,title=claims conflict::relays-only: ministry says 10, which conflicts with morgue (64)",
      "line=41,col=9,title=claims conflict::relays-only: paper, reporting morgue, says 64, which conflicts with ministry (10)",
    ]);
  });

  it("one speaker may stand in two positions: its own and an origin's it alone relays", () => {
    const claim = claimOf(report, "two-positions");
    expect(positions(claim)).toEqual([
      ["ministry", "ministry", 12, []],
      ["wire-a", "wire-a", 12, []],
      ["wire-a", "morgue", 64, []],
    ]);
    // Sorted by origins.
    expect(claim.conflicts).toEqual([
      { sources: ["ministry", "wire-a"], origins: ["ministry", "morgue"] },
      { sources: ["wire-a", "wire-a"], origins: ["morgue", "wire-a"] },
    ]);
    expect(claim.statements.map((s) => s.conflictsWith)).toEqual([["morgue"], ["morgue"], ["ministry", "wire-a"]]);
  });

  it("`sources` counts an origin as a party to its conflicts, never a relay", async () => {
    // v1 listed the relays too: paper and wire-b in `relayed`, paper in `relays-only`.
    const result = await runInProcess(["sources", "--no-color", "tests/fixtures/analysis/origins"], { env: {}, tty: true, columns: 200 });
    const rows = result.stdout.split("\n").filter((line) => line.startsWith("│ ") && !line.startsWith("│ source"));
    expect(rows.map((row) => row.split("│").slice(1, -1).map((cell) => cell.trim())).map((cells) => [cells[0], cells[5]])).toEqual([
      ["ministry", "relayed, relays-only, two-positions"],
      ["morgue", "relayed, relays-only, two-positions"],
      ["ngo", "—"],
      ["wire-a", "two-positions"],
      ["wire-b", "—"],
      ["paper", "—"],
    ]);
  });

  it("relays of one origin on one day that disagree are its ambiguous revision", () => {
    const claim = claimOf(report, "same-day-relays");
    expect(positions(claim)).toEqual([["wire-b", "ngo", 9, []]]);
    expect(claim.revisions).toEqual([{ source: "ngo", values: [5, 9] }]);
  });

  it("an origin whose own statements are all retracted is represented by its relays", () => {
    const claim = claimOf(report, "retracted-own");
    expect(positions(claim)).toEqual([["wire-a", "ministry", 12, []]]);
    expect(claim.revisions).toEqual([{ source: "ministry", values: [20, 12] }]);
  });
});

describe("time: as-of dates and running counts (§8 v2)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("time"); });
  const status = (id: string) => claimOf(report, id).status;
  const origins = (id: string) => claimOf(report, id).conflicts.map((c) => c.origins);

  it("a rising toll is no conflict; its window is the latest count", () => {
    // v1: every pair of 10, 12 and 16 conflicted.
    const claim = claimOf(report, "rising");
    expect(claim.cumulative).toBe(true);
    expect([claim.status, claim.conflicts]).toEqual(["corroborated", []]);
    expect(claim.positions.map((p) => p.asOf)).toEqual(["2011-12-16", "2011-12-17", "2011-12-20"]);
    expect(claim.range).toEqual(bounds(10, 16, false, false));
    expect(claim.window).toEqual(bounds(16, 16, false, false));
  });

  it("a later count below an earlier one conflicts, and leaves no window", () => {
    expect(origins("falling")).toEqual([["ministry", "morgue"]]);
    expect(claimOf(report, "falling").window).toBeNull();
  });

  it("the as-of date orders counts, not the date they were said", () => {
    // Said on 21 December of 16 December: 16 then 20, a rise. By the dates said, 20 then 16.
    const claim = claimOf(report, "as-of");
    expect(claim.statements.map((s) => [s.on, s.asOf])).toEqual([
      ["2011-12-21", "2011-12-16"],
      ["2011-12-18", "2011-12-18"],
    ]);
    expect([claim.status, claim.conflicts]).toEqual(["corroborated", []]);
  });

  it("statements of one effective date are ordered by their as-of dates (a close reading of §6)", () => {
    // By file order alone, 10 (as of the 17th, written second) stood, read as a revision from 16
    // down to 10, and agreed with the morgue's 12 of the 17th. As of the 18th the ministry said 16.
    const claim = claimOf(report, "same-day");
    expect(positions(claim)).toEqual([
      ["ministry", "ministry", 16, []],
      ["morgue", "morgue", 12, []],
    ]);
    expect(claim.revisions).toEqual([{ source: "ministry", values: [10, 16] }]);
    expect([claim.status, claim.window]).toEqual(["corroborated", bounds(16, 16, false, false)]);
    expect(report.diagnostics.filter((d) => d.line > 92 && d.line < 101)).toEqual([]);
  });

  it("on any claim, statements of one day are ambiguous only when their as-of dates are the same too", () => {
    // By effective date alone, 40 and 50 of the 21st were an ambiguous revision, and 50 (later in
    // the file) came after 40. As of the 18th and the 19th, 40 is the newer.
    const claim = claimOf(report, "same-day-plain");
    expect(claim.revisions).toEqual([{ source: "ministry", values: [50, 40, 60, 70] }]);
    expect(positions(claim)).toEqual([["ministry", "ministry", 70, []]]);
    expect(report.diagnostics.filter((d) => d.line > 100).map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      [
        "ambiguous-revision",
        108,
        9,
        "'ministry' says two conflicting things and both dated 2011-12-22, as of 2011-12-20; the later one in the file is taken as its position; add `on:` dates or `retracted:` to say which is newer",
      ],
    ]);
  });

  it("applies the claim's tolerance", () => {
    // 20 → [17, 23] and 16 → [13.6, 18.4]: 17 is not above 18.4. v1 also found 30 in conflict with both.
    expect([status("tolerance"), origins("tolerance")]).toEqual(["corroborated", []]);
    expect(origins("no-tolerance")).toEqual([["ministry", "morgue"]]);
  });

  it("an open lower bound equal to a later upper bound conflicts with it; a closed one does not", () => {
    expect(origins("open-bound")).toEqual([["ministry", "morgue"]]);
  });

  it("a position without a date is compared as usual", () => {
    expect(origins("undated")).toEqual([["ministry", "morgue"]]);
  });

  it("the finding speaks of the latest as-of date: earlier counts agree when they can grow into it", () => {
    // Finding 14 to 18 of 20 December: 10 on the 16th could grow into it (v1: contradicts); more
    // than 20 on the 18th could not; 16 on the 20th lies in it.
    const claim = claimOf(report, "finding");
    expect(claim.positions.map((p) => [p.origin, p.vsFinding])).toEqual([
      ["ministry", "agrees"],
      ["union", "contradicts"],
      ["morgue", "agrees"],
    ]);
  });

  it("the window of a running count takes every lower bound and only the latest upper bounds", () => {
    // Cumulative: more than 12 (18th) and fewer than 20 (20th); 10 to 15 (16th) caps nothing.
    expect(claimOf(report, "window").window).toEqual(bounds(12, 20, true, true));
    expect(claimOf(report, "not-cumulative").window).toEqual(bounds(12, 15, true, false));
    for (const id of ["window", "not-cumulative"]) expect(claimOf(report, id).range).toEqual(bounds(null, null, true, true));
  });

  it("relays are compared with their origin by the running count too", () => {
    // union's 10 of the 16th reports the ministry's earlier count: it agrees with the later 16.
    // morgue's 10, of the day it was reported, came after the ministry's 16: a stale relay.
    const claim = claimOf(report, "relays");
    expect(positions(claim)).toEqual([["ministry", "ministry", 16, ["union"]]]);
    expect(report.diagnostics.filter((d) => d.line < 93).map((d) => [d.code, d.line, d.column])).toEqual([["stale-relay", 92, 48]]);
    expect(report.diagnostics[0].message).toContain("'morgue' reports 'ministry' as saying 10 (on 2011-12-22), but 'ministry' said 16 (on 2011-12-20)");
  });
});

describe("window and exact bounds (§8 v2, §11 v2)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("window"); });
  const of = (id: string) => {
    const claim = claimOf(report, id);
    return [claim.status, claim.range, claim.window];
  };

  it("gives range and window with open flags; an unbounded end is null with its flag true", () => {
    // v1: range { min: null, max: null } for open-ends, and no window at all.
    expect(of("open-ends")).toEqual(["corroborated", bounds(null, null, true, true), bounds(300, 500, true, true)]);
    expect(of("shared-bound")).toEqual(["corroborated", bounds(10, null, false, true), bounds(10, null, true, true)]);
    expect(of("almost")).toEqual(["corroborated", bounds(450, 520, false, false), bounds(480, 500, false, true)]);
    expect(of("within-tolerance")).toEqual(["corroborated", bounds(86, 100, false, false), null]);
    expect(of("in-conflict")).toEqual(["conflict", bounds(10, 64, false, false), null]);
    expect(of("none-committed")).toEqual(["unsourced", null, null]);
  });

  it("shows them exactly in the claim table and in show", async () => {
    const check = await runInProcess(["check", "--no-color", "tests/fixtures/analysis/window"], { env: {}, tty: false });
    // Table rows, a row's continuation lines (an empty first cell) joined to it by "\n".
    const rows: string[][] = [];
    for (const line of check.stdout.split("\n").filter((l) => l.startsWith("│ ") && !l.startsWith("│ claim"))) {
      const cells = line.split("│").slice(1, -1).map((cell) => cell.trim());
      if (cells[0] === "") rows[rows.length - 1] = rows[rows.length - 1].map((cell, i) => (cells[i] ? `${cell}\n${cells[i]}` : cell));
      else rows.push(cells);
    }
    // The window stands under the range where it says something else (SPEC §8 v2).
    expect(rows.map((cells) => [cells[0], cells[4]])).toEqual([
      ["open-ends", "unbounded\nwindow: > 300 to < 500 people"],
      ["shared-bound", "≥ 10\nwindow: > 10"],
      ["almost", "450–520\nwindow: 480 to < 500"],
      ["within-tolerance", "86–100\nwindow: none"],
      ["in-conflict", "10–64\nwindow: none"],
      ["none-committed", "—"],
    ]);
    const show = await runInProcess(["show", "open-ends", "--no-color", "tests/fixtures/analysis/window"], { env: {}, tty: false });
    expect(show.stdout).toContain("\n  range:  unbounded\n  window: > 300 to < 500 people\n");
  });
});

describe("relay warnings name what was said, as written (§6 v2)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("relay-messages"); });

  it("lists an origin's latest three own statements and counts the rest; a boolean bare, a list as YAML read it; as-of where it differs", () => {
    expect(report.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        "relay-mismatch",
        18,
        "'wire' reports 'ministry' as saying 100 (on 2011-12-05), which agrees with none of what 'ministry' itself said: 4 (on 2011-12-04, as of 2011-12-02), 3 (on 2011-12-03), 2 (on 2011-12-02), and 1 earlier; record what 'ministry' said, or correct the relay",
      ],
      [
        "ambiguous-revision",
        20,
        "'union' is reported as saying two conflicting things (by 'paper' twice) and both dated 2011-12-10; the later one in the file is taken as its position; add `on:` dates or `retracted:` to say which is newer",
      ],
      [
        "relay-mismatch",
        26,
        "'wire' reports 'ministry' as saying false (on 2011-12-02), which agrees with none of what 'ministry' itself said: true (on 2011-12-01); record what 'ministry' said, or correct the relay",
      ],
      [
        "relay-mismatch",
        33,
        `'wire' reports 'ministry' as saying "[\\"police\\",\\"army\\"]" (on 2011-12-02), which agrees with none of what 'ministry' itself said: "protesters" (on 2011-12-01); record what 'ministry' said, or correct the relay`,
      ],
    ]);
  });
});

describe("what stands for an origin whose own statements are retracted (§6 v2)", () => {
  let report: Report;
  beforeEach(() => { report = analyse("origin-history"); });

  it("with nothing remaining, the origin keeps the history of its own statements, not of a retracted relay", () => {
    const claim = claimOf(report, "own-retracted");
    expect(positions(claim)).toEqual([]);
    expect(claim.revisions).toEqual([{ source: "ministry", values: [10, 16] }]);
    expect(claim.status).toBe("unsourced");
  });

  it("an origin with no statement of its own keeps its relays' history", () => {
    const claim = claimOf(report, "relays-retracted");
    expect(positions(claim)).toEqual([]);
    expect(claim.revisions).toEqual([{ source: "union", values: [5, 9] }]);
  });

  it("a relay that remains stands for the origin, beside a retracted one", () => {
    const claim = claimOf(report, "one-relay-stands");
    expect(positions(claim)).toEqual([["paper", "ministry", 14, []]]);
    expect(claim.revisions).toEqual([{ source: "ministry", values: [12, 14] }]);
    expect(claim.status).toBe("single-source");
  });

  it("three relays of one day that disagree: each later one is ambiguous, naming its earliest rival", () => {
    const file = "tests/fixtures/analysis/origin-history/ledger.yaml";
    const tail = "and both dated 2011-12-17; the later one in the file is taken as its position; add `on:` dates or `retracted:` to say which is newer";
    expect(report.diagnostics.slice(0, 2).map((d) => [d.code, d.file, d.line, d.message])).toEqual([
      ["ambiguous-revision", file, 36, `'union' is reported as saying two conflicting things (by 'wire' and 'paper') ${tail}`],
      ["ambiguous-revision", file, 37, `'union' is reported as saying two conflicting things (by 'wire' and 'radio') ${tail}`],
    ]);
    expect(positions(claimOf(report, "three-relays"))).toEqual([["radio", "union", 5, []]]);
  });

  it("a retracted relay is not checked against its origin; a same-day pair that agrees is no ambiguity, whatever came before", () => {
    // No warning beyond the two above: the retracted 70 would be a relay mismatch, and 10 (16th)
    // against 16 (18th) is a revision, not an ambiguity of the 18th.
    expect(report.diagnostics.map((d) => d.line)).toEqual([36, 37, 56, 59]);
    expect(positions(claimOf(report, "retracted-relay"))).toEqual([["ministry", "ministry", 8, []]]);
    const revised = claimOf(report, "revision-and-same-day");
    expect(positions(revised)).toEqual([["ministry", "ministry", "about 16", []]]);
    expect(revised.revisions).toEqual([{ source: "ministry", values: [10, 16, "about 16"] }]);
  });

  it("undated: a relay is never stale against an undated position, and a message says 'undated'", () => {
    const [ambiguous, mismatch] = report.diagnostics.slice(2);
    expect([ambiguous.code, ambiguous.line, ambiguous.message]).toEqual([
      "ambiguous-revision",
      56,
      "'ministry' says two conflicting things and neither has a date; the later one in the file is taken as its position; add `on:` dates or `retracted:` to say which is newer",
    ]);
    expect([mismatch.code, mismatch.line, mismatch.message]).toEqual([
      "relay-mismatch",
      59,
      "'radio' reports 'union' as saying 70 (undated), which agrees with none of what 'union' itself said: 8 (on 2011-12-17); record what 'union' said, or correct the relay",
    ]);
    expect(positions(claimOf(report, "undated"))).toEqual([
      ["ministry", "ministry", 16, []],
      ["union", "union", 8, []],
    ]);
  });
});
