/**
 * `compareReports` (core/diff/compare.ts) on reports written out by hand: each change `claims diff`
 * shows (SPEC §10 v2) from the smallest pair of reports that has it, so every field of the diff is
 * pinned exactly, without a git repository (tests/diff.test.ts runs the command on real ones).
 */
import { describe, expect, it } from "vitest";
import { compareReports, DIFF_VERSION } from "../src/core/diff/compare.js";
import type { Diagnostic } from "../src/core/shared/diagnostics.js";
import type { ReportClaim, ReportPosition, ReportStatement } from "../src/core/report/types.js";

const FROM = { revision: "main", commit: "0123456789abcdef0123456789abcdef01234567" };

/** A statement of the report: only the fields the diff reads are set. */
function statement(source: string, fields: Partial<ReportStatement> = {}): ReportStatement {
  return { source, via: null, on: null, position: true, ...fields } as ReportStatement;
}

function position(origin: string, says: unknown, source = origin): ReportPosition {
  return { origin, source, says } as ReportPosition;
}

/** A claim of the report with nothing in it but what is given. */
function claim(id: string, fields: Partial<ReportClaim> = {}): ReportClaim {
  return {
    id,
    file: `claims/${id}.yaml`,
    question: `What about ${id}?`,
    status: "agreed",
    unresolved: false,
    statements: [],
    positions: [],
    conflicts: [],
    verdict: null,
    ...fields,
  } as ReportClaim;
}

function diagnostic(code: Diagnostic["code"], severity: Diagnostic["severity"], file: string, message: string, line = 1): Diagnostic {
  return { code, severity, file, line, column: 1, message };
}

const report = (claims: ReportClaim[], diagnostics: Diagnostic[] = []) => ({ claims, diagnostics });

describe("compareReports: claims", () => {
  it("an unchanged report has no change, and every count is zero", () => {
    const both = report([claim("a", { conflicts: [{ sources: ["x", "y"], origins: ["x", "y"] }] })]);
    expect(compareReports(both, both, FROM)).toEqual({
      version: DIFF_VERSION,
      from: FROM,
      summary: { claimsAdded: 0, claimsRemoved: 0, claimsChanged: 0, conflictsNew: 0, conflictsResolved: 0, errorsNew: 0, errorsFixed: 0, warningsNew: 0, warningsFixed: 0 },
      added: [],
      removed: [],
      changed: [],
      diagnostics: { new: [], fixed: [] },
    });
  });

  it("claims added and removed, matched by id; an added claim's conflicts count as new", () => {
    const before = report([claim("kept"), claim("gone", { status: "single-source" })]);
    const after = report([claim("kept"), claim("new", { status: "conflict", unresolved: true, conflicts: [{ sources: ["p", "q"], origins: ["o1", "o2"] }, { sources: ["p", "r"], origins: ["o1", "o3"] }] })]);
    const diff = compareReports(before, after, FROM);
    expect(diff.added).toEqual([{ id: "new", file: "claims/new.yaml", question: "What about new?", status: "conflict", unresolved: true, conflicts: [["o1", "o2"], ["o1", "o3"]] }]);
    expect(diff.removed).toEqual([{ id: "gone", file: "claims/gone.yaml", question: "What about gone?", status: "single-source", unresolved: false, conflicts: [] }]);
    expect(diff.changed).toEqual([]);
    expect(diff.summary).toMatchObject({ claimsAdded: 1, claimsRemoved: 1, claimsChanged: 0, conflictsNew: 2, conflictsResolved: 0 });
  });

  it("a claim moved to another file, with its status and unresolved changed", () => {
    const before = report([claim("a", { status: "single-source" })]);
    const after = report([claim("a", { file: "claims/other.yaml", status: "conflict", unresolved: true })]);
    expect(compareReports(before, after, FROM).changed).toEqual([
      {
        id: "a",
        file: "claims/other.yaml",
        question: "What about a?",
        moved: { from: "claims/a.yaml", to: "claims/other.yaml" },
        status: { from: "single-source", to: "conflict" },
        unresolved: { from: false, to: true },
        conflicts: { new: [], resolved: [] },
        positions: [],
        verdict: null,
      },
    ]);
  });

  it.each<[string, Partial<ReportClaim>]>([
    ["moved", { file: "claims/b.yaml" }],
    ["status", { status: "conflict" }],
    ["unresolved", { unresolved: true }],
  ])("one change alone (%s) makes the claim changed", (_name, fields) => {
    expect(compareReports(report([claim("a")]), report([claim("a", fields)]), FROM).summary.claimsChanged).toBe(1);
  });

  it("conflicts new and resolved, by origins where the report gives them, else by sources", () => {
    const before = report([claim("a", { conflicts: [{ sources: ["s1", "s2"], origins: ["o1", "o2"] }, { sources: ["s1", "s3"], origins: ["o1", "o3"] }] })]);
    // The same origins through other relays are the same conflict; a first-release report has no origins.
    const after = report([claim("a", { conflicts: [{ sources: ["r1", "r2"], origins: ["o1", "o2"] }, { sources: ["s4", "s5"] } as never] })]);
    const diff = compareReports(before, after, FROM);
    expect(diff.changed.map((c) => c.conflicts)).toEqual([{ new: [["s4", "s5"]], resolved: [["o1", "o3"]] }]);
    expect(diff.summary).toMatchObject({ claimsChanged: 1, conflictsNew: 1, conflictsResolved: 1 });
  });

  it("a conflict new or resolved alone makes the claim changed; pairs are told apart whatever their names hold", () => {
    const pair = (a: string, b: string) => ({ sources: [a, b] as const, origins: [a, b] as const });
    const none = compareReports(report([claim("a")]), report([claim("a", { conflicts: [pair("x", "y")] })]), FROM);
    expect(none.changed.map((c) => c.conflicts)).toEqual([{ new: [["x", "y"]], resolved: [] }]);
    const gone = compareReports(report([claim("a", { conflicts: [pair("x", "y")] })]), report([claim("a")]), FROM);
    expect(gone.changed.map((c) => c.conflicts)).toEqual([{ new: [], resolved: [["x", "y"]] }]);
    // "ab" with "c" is not "a" with "bc".
    const renamed = compareReports(report([claim("a", { conflicts: [pair("ab", "c")] })]), report([claim("a", { conflicts: [pair("a", "bc")] })]), FROM);
    expect(renamed.changed.map((c) => c.conflicts)).toEqual([{ new: [["a", "bc"]], resolved: [["ab", "c"]] }]);
  });

  it("a verdict added, changed or removed; the same verdict is no change", () => {
    const verdict = { rating: "false", finding: 10, by: "desk", on: "2011-12-20", note: "not compared", interval: null, claim: null, claimant: null };
    const withVerdict = (v: object | null) => claim("a", { verdict: v as ReportClaim["verdict"] });
    const diff = (from: object | null, to: object | null) => compareReports(report([withVerdict(from)]), report([withVerdict(to)]), FROM).changed.map((c) => c.verdict);
    expect(diff(null, verdict)).toEqual([{ from: null, to: { rating: "false", finding: 10, by: "desk", on: "2011-12-20" } }]);
    expect(diff(verdict, null)).toEqual([{ from: { rating: "false", finding: 10, by: "desk", on: "2011-12-20" }, to: null }]);
    expect(diff(verdict, { ...verdict, finding: 11 })).toEqual([{ from: { rating: "false", finding: 10, by: "desk", on: "2011-12-20" }, to: { rating: "false", finding: 11, by: "desk", on: "2011-12-20" } }]);
    // A note is not part of what the diff compares.
    expect(diff(verdict, { ...verdict, note: "reworded" })).toEqual([]);
    expect(diff(verdict, verdict)).toEqual([]);
  });
});

describe("compareReports: positions", () => {
  it("a position added, changed, removed, and one unchanged; each with the date of the statement it stands on", () => {
    const before = claim("a", {
      statements: [statement("kept", { on: "2011-12-16" }), statement("changed", { on: "2011-12-16" }), statement("gone", { on: "2011-12-17" })],
      positions: [position("kept", 10), position("changed", 10), position("gone", 12)],
    });
    const after = claim("a", {
      statements: [
        statement("kept", { on: "2011-12-16" }),
        // A statement that is not the position, and one of another source, are not its date.
        statement("changed", { on: "2011-12-18", position: false }),
        statement("other", { on: "2011-12-19" }),
        statement("changed", { on: "2011-12-20" }),
        statement("added", { on: null }),
      ],
      positions: [position("kept", 10), position("changed", 14), position("added", 9)],
    });
    expect(compareReports(report([before]), report([after]), FROM).changed.map((c) => c.positions)).toEqual([
      [
        { origin: "changed", from: { says: 10, source: "changed", on: "2011-12-16" }, to: { says: 14, source: "changed", on: "2011-12-20" } },
        { origin: "added", from: null, to: { says: 9, source: "added", on: null } },
        { origin: "gone", from: { says: 12, source: "gone", on: "2011-12-17" }, to: null },
      ],
    ]);
  });

  it("a relayed position is dated by the relay's statement, and a new relay of the same figure is a change", () => {
    const relayed = (source: string, on: string) =>
      claim("a", { statements: [statement("origin", { on: "2011-12-01", position: false }), statement(source, { via: "origin", on })], positions: [position("origin", 10, source)] });
    const diff = compareReports(report([relayed("paper", "2011-12-16")]), report([relayed("wire", "2011-12-17")]), FROM);
    expect(diff.changed.map((c) => c.positions)).toEqual([[{ origin: "origin", from: { says: 10, source: "paper", on: "2011-12-16" }, to: { says: 10, source: "wire", on: "2011-12-17" } }]]);
  });

  it("a position is dated by its own statement: not another relay's of the same origin, nor the same speaker's own", () => {
    const relays = (paper: number, wire: number) =>
      claim("a", {
        statements: [statement("paper", { on: "2011-12-01" }), statement("paper", { via: "origin", on: "2011-12-16" }), statement("wire", { via: "origin", on: "2011-12-17" })],
        positions: [position("paper", 5), position("origin", paper, "paper"), position("origin", wire, "wire")],
      });
    const diff = compareReports(report([relays(10, 12)]), report([relays(11, 13)]), FROM);
    expect(diff.changed.map((c) => c.positions)).toEqual([
      [
        { origin: "origin", from: { says: 10, source: "paper", on: "2011-12-16" }, to: { says: 11, source: "paper", on: "2011-12-16" } },
        { origin: "origin", from: { says: 12, source: "wire", on: "2011-12-17" }, to: { says: 13, source: "wire", on: "2011-12-17" } },
      ],
    ]);
    // One relay's change alone is found, not hidden behind the other's.
    const one = compareReports(report([relays(10, 12)]), report([relays(11, 12)]), FROM);
    expect(one.changed.map((c) => c.positions.map((p) => [p.from?.source, p.from?.says, p.to?.says]))).toEqual([[["paper", 10, 11]]]);
  });

  it("two positions of one origin (a first-release report) are told apart by their speaker", () => {
    const twice = (paper: number, wire: number) =>
      claim("a", { statements: [statement("paper", { via: "origin" }), statement("wire", { via: "origin" })], positions: [position("origin", paper, "paper"), position("origin", wire, "wire")] });
    const diff = compareReports(report([twice(10, 12)]), report([twice(10, 13)]), FROM);
    expect(diff.changed.map((c) => c.positions)).toEqual([[{ origin: "origin", from: { says: 12, source: "wire", on: null }, to: { says: 13, source: "wire", on: null } }]]);
  });
});

describe("compareReports: diagnostics", () => {
  it("errors and warnings new and fixed, as a multiset; infos left out; line numbers and quoted places ignored", () => {
    const before = report(
      [],
      [
        diagnostic("unused-source", "warning", "claims/s.yaml", "source 'a' is never cited", 3),
        diagnostic("unused-source", "warning", "claims/s.yaml", "source 'a' is never cited", 9),
        diagnostic("unknown-source", "error", "claims/c.yaml", "unknown source 'x' (declared at claims/s.yaml:4:3)", 5),
        diagnostic("quote-unchecked", "info", "claims/c.yaml", "quote not checked: no archive", 7),
      ],
    );
    const after = report(
      [],
      [
        diagnostic("unused-source", "warning", "claims/s.yaml", "source 'a' is never cited", 20),
        diagnostic("unknown-source", "error", "claims/c.yaml", "unknown source 'x' (declared at claims/s.yaml:40:3)", 50),
        diagnostic("unknown-document", "error", "claims/c.yaml", "unknown document 'd'", 6),
        diagnostic("quote-unchecked", "info", "claims/c.yaml", "quote not checked: no in", 8),
      ],
    );
    const diff = compareReports(before, after, FROM);
    expect(diff.diagnostics).toEqual({
      new: [diagnostic("unknown-document", "error", "claims/c.yaml", "unknown document 'd'", 6)],
      fixed: [diagnostic("unused-source", "warning", "claims/s.yaml", "source 'a' is never cited", 9)],
    });
    expect(diff.summary).toMatchObject({ errorsNew: 1, errorsFixed: 0, warningsNew: 0, warningsFixed: 1 });
  });

  it("follows renamed files: a finding in the old file is the same finding in the new one", () => {
    const before = report([], [diagnostic("unused-document", "warning", "claims/old.yaml", "document 'd' is never cited"), diagnostic("unknown-source", "error", "claims/old.yaml", "unknown source 'x'")]);
    const after = report([], [diagnostic("unused-document", "warning", "claims/new.yaml", "document 'd' is never cited"), diagnostic("unknown-source", "error", "claims/other.yaml", "unknown source 'x'")]);
    const diff = compareReports(before, after, FROM, new Map([["claims/old.yaml", "claims/new.yaml"]]));
    // Each side reports a diagnostic as it stood there: the fixed one in its old file.
    expect(diff.diagnostics).toEqual({
      new: [diagnostic("unknown-source", "error", "claims/other.yaml", "unknown source 'x'")],
      fixed: [diagnostic("unknown-source", "error", "claims/old.yaml", "unknown source 'x'")],
    });
    expect(diff.summary).toMatchObject({ errorsNew: 1, errorsFixed: 1, warningsNew: 0, warningsFixed: 0 });
    expect(compareReports(before, after, FROM).summary).toMatchObject({ errorsNew: 1, errorsFixed: 1, warningsNew: 1, warningsFixed: 1 });
  });
});
