/**
 * `claims fix` as a library (issue 17): only fixes with one possible meaning are made, each
 * rewrites one scalar through the CST, and every other byte of the file stays as it was.
 */
import { describe, expect, it } from "vitest";
import { openEditable } from "../src/core/edit/editable.js";
import { findFixes, slugOf } from "../src/core/edit/fix-find.js";
import { fixFiles } from "../src/core/edit/fix-apply.js";
import { parseYaml } from "../src/core/load/parse.js";

function valueOf(text: string): unknown {
  return parseYaml(text.replace(/^\uFEFF/, "")).value;
}

/** The fixes found in one file, as `from → to (kind)` lines. */
function fixesIn(text: string, others: Record<string, string> = {}): string[] {
  const files = [{ abs: "/l/a.yaml", display: "a.yaml", value: valueOf(text) }, ...Object.entries(others).map(([name, t]) => ({ abs: `/l/${name}`, display: name, value: valueOf(t) }))];
  return findFixes(files).map((f) => `${f.display} ${f.path.join(".")} ${f.part}: ${f.from} → ${f.to} (${f.kind})`);
}

const CLAIM = (statement: string, extra = "") =>
  `claims:\n  c:\n    question: Who?\n    type: choice\n    options: [police, protesters]\n${extra}    statements:\n      - ${statement}\n`;

describe("the fixes that have one possible meaning", () => {
  it.each([
    ["a misspelt key with one candidate", CLAIM("sorce: s\n        says: police"), ["a.yaml claims.c.statements.0.sorce key: sorce → source (key)"]],
    ["a key in another case", CLAIM("Source: s\n        says: police"), ["a.yaml claims.c.statements.0.Source key: Source → source (key)"]],
    ["an option in another case", CLAIM("source: s\n        says: Police"), ["a.yaml claims.c.statements.0.says value: Police → police (case)"]],
    ["options in a list", CLAIM("source: s\n        says: [POLICE, protesters]"), ["a.yaml claims.c.statements.0.says.0 value: POLICE → police (case)"]],
    ["a claim type in another case", CLAIM("source: s\n        says: police").replace("type: choice", "type: Choice"), ["a.yaml claims.c.type value: Choice → choice (case)"]],
    ["a rating and a finding", CLAIM("source: s\n        says: police", "    verdict: {rating: Mostly-False, finding: Protesters}\n"), ["a.yaml claims.c.verdict.rating value: Mostly-False → mostly-false (case)", "a.yaml claims.c.verdict.finding value: Protesters → protesters (case)"]],
    ["a source type and grade", "sources:\n  s:\n    name: S\n    type: Media\n    reliability: c\n", ["a.yaml sources.s.type value: Media → media (case)", "a.yaml sources.s.reliability value: c → C (case)"]],
  ])("%s", (_, text, expected) => {
    expect(fixesIn(text)).toEqual(expected);
  });

  it("renames an id written with capitals and spaces, and every reference written so, across files", () => {
    const sources = "sources:\n  Prosecutor General:\n    name: P\n    type: official\n";
    const claim = CLAIM("source: Prosecutor General\n        says: police\n        via: PROSECUTOR  GENERAL");
    expect(fixesIn(sources, { "c.yaml": claim })).toEqual([
      "a.yaml sources.Prosecutor General key: Prosecutor General → prosecutor-general (id)",
      "c.yaml claims.c.statements.0.source value: Prosecutor General → prosecutor-general (reference)",
      "c.yaml claims.c.statements.0.via value: PROSECUTOR  GENERAL → prosecutor-general (reference)",
    ]);
  });

  it.each([
    ["a key with two candidates (not: note or on)", CLAIM("source: s\n        says: police\n        not: x")],
    ["a key whose candidate is already there", CLAIM("source: s\n        sorce: t\n        says: police")],
    ["a key of another claim type (unit on a choice)", CLAIM("source: s\n        says: police", "    unit: people\n")],
    ["an option misspelt, not only in case", CLAIM("source: s\n        says: polise")],
    ["an unknown source that looks like another", `sources:\n  prosecutor-general: {name: P, type: official}\n${CLAIM("source: prosecuter-general\n        says: police")}`],
    ["an id whose slug is taken", "sources:\n  Prosecutor General: {name: P, type: official}\n  prosecutor-general: {name: Q, type: official}\n"],
    ["two ids with one slug", "sources:\n  Prosecutor General: {name: P, type: official}\n  Prosecutor  general: {name: Q, type: official}\n"],
    ["an id with other characters", "sources:\n  Prosecutor_General: {name: P, type: official}\n"],
    ["a reference whose slug names a record of another kind", `documents:\n  report: {title: R, publisher: P}\n${CLAIM("source: Report\n        says: police")}`],
    ["a value of a choice claim with options that are not all slugs", CLAIM("source: s\n        says: Police").replace("[police, protesters]", "[police, Protesters]")],
  ])("leaves alone %s", (_, text) => {
    expect(fixesIn(text)).toEqual([]);
  });

  it("makes the slug of an id as it was surely meant", () => {
    expect(slugOf("  Prosecutor   General ")).toBe("prosecutor-general");
  });
});

describe("making the fixes", () => {
  const sources = "\uFEFF# Sources\r\nsources:\r\n  'Prosecutor General':   # written as a name\r\n    name: P\r\n    type: \"Official\"  # quoted\r\n";
  const claim = "claims:\n  c: {question: Who?, type: Choice, options: [police, protesters],\n    statements: [{sorce: Prosecutor General, says: Police}]}\n";

  it("rewrites only the scalars, keeping their quotes, the comments, the BOM and the line ends", () => {
    const { applied, edits } = fixFiles([
      { abs: "/l/sources.yaml", display: "sources.yaml", text: sources },
      { abs: "/l/c.yaml", display: "c.yaml", text: claim },
    ]);
    const after = new Map(edits.map((e) => [e.display, e.after]));
    expect(after.get("sources.yaml")).toBe("\uFEFF# Sources\r\nsources:\r\n  'prosecutor-general':   # written as a name\r\n    name: P\r\n    type: \"official\"  # quoted\r\n");
    expect(after.get("c.yaml")).toBe("claims:\n  c: {question: Who?, type: choice, options: [police, protesters],\n    statements: [{source: prosecutor-general, says: police}]}\n");
    // Where each fix stood when it was made, as the loader counts lines and columns: the reference
    // is found in a second round, once `sorce` is `source`, so its column counts that letter.
    expect(applied.map((f) => `${f.display}:${f.line}:${f.column} ${f.from}`).sort()).toEqual([
      "c.yaml:2:29 Choice",
      "c.yaml:3:19 sorce",
      "c.yaml:3:27 Prosecutor General",
      "c.yaml:3:52 Police",
      "sources.yaml:3:3 Prosecutor General",
      "sources.yaml:5:11 Official",
    ]);
  });

  it("goes on until nothing is left: a misspelt list key first, then what it held", () => {
    const text = CLAIM("source: s\n        says: Police").replace("statements:", "statments:");
    const { applied, edits } = fixFiles([{ abs: "/l/a.yaml", display: "a.yaml", text }]);
    expect(applied.map((f) => `${f.from} → ${f.to}`)).toEqual(["statments → statements", "Police → police"]);
    expect(edits[0].after).toBe(CLAIM("source: s\n        says: police"));
  });

  it("quotes a value that would otherwise read as something else", () => {
    const text = "claims:\n  c:\n    question: Q?\n    type: choice\n    options: ['true', 'no']\n    statements:\n      - source: s\n        says: 'True'\n";
    // 'True' is a string; its option is the string 'true', which unquoted would be a boolean.
    const { edits } = fixFiles([{ abs: "/l/a.yaml", display: "a.yaml", text }]);
    expect(edits[0].after).toContain("says: 'true'");
    expect((valueOf(edits[0].after) as { claims: { c: { statements: { says: unknown }[] } } }).claims.c.statements[0].says).toBe("true");
  });

  it("leaves a file it cannot read alone", () => {
    const broken = "claims: [\n";
    const { applied, edits } = fixFiles([{ abs: "/l/a.yaml", display: "a.yaml", text: broken }]);
    expect(applied).toEqual([]);
    expect(edits).toEqual([]);
    expect(() => openEditable(broken)).toThrow("it has a fault at line");
  });
});
