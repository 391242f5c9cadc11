/**
 * The report's parts outside the claims (SPEC §11): the sources, documents and settings as
 * declared, with null for what a record leaves out, and the claims the analysis could not see;
 * and the fields of a claim that depend on its type. In-process, on a ledger written for it.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { checkLedger } from "../src/core/pipeline.js";
import { materialize, type Report } from "../src/core/report/types.js";
import { removeTempDirs, tempDir, writeFiles } from "./helpers/git.js";

afterAll(removeTempDirs);

const LEDGER = `settings:
  publisher: Example Desk
  url: https://desk.example/
sources:
  police:
    name: Police
    type: official
    side: authorities
    url: https://police.example/
  union:
    name: Union
    type: union
documents:
  report:
    title: The report
    publisher: Police
    url: https://police.example/report
    published: 2011-12-17
  note:
    title: A note
    publisher: Union
claims:
  toll:
    question: How many died?
    type: quantity
    unit: [people, dead]
    tags: [casualties]
    statements:
      - source: police
        says: 10
        in: report
      - source: union
        says: 64
        in: note
  who:
    question: Who fired first?
    type: choice
    options: [police, protesters]
    statements:
      - source: police
        says: protesters
  Bad_Id:
    question: Not a slug
    type: boolean
    statements: []
  broken:
    question: 12
    type: boolean
    colour: red
    statements: []
`;

let report: Report;
beforeEach(async () => {
  const dir = tempDir("claims-report-");
  writeFiles(dir, { "ledger.yaml": LEDGER, "more.yaml": "claims:\n  toll:\n    question: Again?\n    type: boolean\n    statements: []\n" });
  report = materialize((await checkLedger(["."], dir, { threads: 0 })).report);
});

describe("the report outside the claims", () => {
  it("lists the sources and documents as declared, null for what is left out", () => {
    expect(report.sources).toEqual([
      { id: "police", name: "Police", type: "official", side: "authorities", url: "https://police.example/" },
      { id: "union", name: "Union", type: "union", side: null, url: null },
    ]);
    expect(report.documents).toEqual([
      { id: "report", title: "The report", publisher: "Police", url: "https://police.example/report", published: "2011-12-17" },
      { id: "note", title: "A note", publisher: "Union", url: null, published: null },
    ]);
    expect(report.settings).toEqual({ publisher: "Example Desk", url: "https://desk.example/" });
  });

  it("names the claims the analysis cannot see, each with why and where its id stands", () => {
    expect(report.omittedClaims).toEqual([
      { id: "Bad_Id", reason: "id", file: "ledger.yaml", line: 42, column: 3 },
      { id: "broken", reason: "schema", file: "ledger.yaml", line: 46, column: 3 },
      { id: "toll", reason: "duplicate-id", file: "more.yaml", line: 2, column: 3 },
    ]);
    expect(report.summary).toMatchObject({ files: 2, sources: 2, documents: 2, claims: 2, statements: 3 });
  });

  it("gives a quantity claim its first unit, range and window; a choice claim its options; tags as declared", () => {
    const [toll, who] = report.claims;
    expect([toll.id, toll.unit, toll.options, toll.tags, toll.cumulative]).toEqual(["toll", "people", null, ["casualties"], false]);
    expect(toll.range).toEqual({ min: 10, max: 64, minOpen: false, maxOpen: false });
    expect("window" in toll).toBe(true);
    expect([who.id, who.unit, who.options, who.tags, who.cumulative]).toEqual(["who", null, ["police", "protesters"], [], false]);
    expect("range" in who || "window" in who).toBe(false);
    expect(toll.statements.map((s) => [s.source, s.in, s.via, s.retracted, s.quote, s.side, s.url, s.line, s.column])).toEqual([
      ["police", "report", null, false, null, "authorities", null, 29, 9],
      ["union", "note", null, false, null, null, null, 32, 9],
    ]);
    expect([toll.line, toll.column, who.line, who.column]).toEqual([23, 3, 35, 3]);
  });
});
