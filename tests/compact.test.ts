/** Assembling a ledger keeps one copy of what its claims repeat, and changes no value. */
import { describe, expect, it } from "vitest";
import { Compactor } from "../src/core/load/compact.js";
import { buildLedger } from "../src/core/load/validate.js";
import { loadFile } from "../src/core/load/load-file.js";
import { loadFiles } from "../src/core/load/parse-pool.js";
import type { ClaimInput } from "../src/core/load/records.js";

const claimText = (id: string) =>
  `claims:\n  ${id}:\n    question: "How many?"\n    type: quantity\n    unit: [people, persons]\n    tags: [toll]\n    statements:\n      - {source: police, says: about 12, in: doc, on: 2011-12-17, as-of: 2011-12-16}\n      - {source: police, says: 14, on: 2011-12-18, retracted: 2011-12-20}\n    verdict: {finding: 14, rating: mixed, by: desk}\n`;

describe("Compactor", () => {
  // Which copy of a string is kept cannot be seen from JavaScript (strings compare by value), only
  // in a heap snapshot (the README's memory figures); what can be seen is that no value changes.
  it("gives back an equal value for anything, short or long, string or not", () => {
    const compact = new Compactor();
    for (const value of ["police", "police", "q".repeat(65), "", 12, true, null, undefined, ["a"]]) expect(compact.share(value)).toEqual(value);
  });

  it("gives one frozen list for each length of indexes 0…n−1, and keeps any other list", () => {
    const compact = new Compactor();
    const a = compact.indexes([0, 1, 2]);
    expect(compact.indexes([0, 1, 2])).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    const gap = [0, 2];
    expect(compact.indexes(gap)).toBe(gap);
    expect(compact.indexes([])).toEqual([]);
  });

  it("loading two files: claims equal, field for field, to a file loaded alone, with one list of indexes", async () => {
    const found = ["a", "b"].map((id) => ({ abs: `/l/${id}.yaml`, display: `${id}.yaml`, root: "/l", text: claimText(id) }));
    const expected = found.map((f) => loadFile(f).records[0].data as ClaimInput);
    const ledger = buildLedger(await loadFiles(found));
    const [a, b] = ["a", "b"].map((id) => ledger.claims.get(id)!.data);
    expect([a, b]).toEqual(expected);
    expect(a.statements.map((st) => [st.source, st.says, st.in, st.on, st["as-of"], st.retracted])).toEqual([
      ["police", "about 12", "doc", "2011-12-17", "2011-12-16", undefined],
      ["police", 14, undefined, "2011-12-18", undefined, "2011-12-20"],
    ]);
    expect(Object.keys(a.statements[1])).toEqual(Object.keys(expected[0].statements[1]));
    expect(ledger.claims.get("a")!.statementIndexes).toEqual([0, 1]);
    expect(ledger.claims.get("a")!.statementIndexes).toBe(ledger.claims.get("b")!.statementIndexes);
  });
});
