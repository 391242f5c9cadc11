/**
 * How the text output states what positions amount to: answers apart by "; " (a " / " between two
 * dates read as an EDTF interval), and `show`'s window with why it is empty.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../src/index.js";
import { answerOf } from "../src/formats/text/text.js";
import { runBin } from "./helpers/run.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claims-answers-"));
  writeFileSync(
    join(dir, "ledger.yaml"),
    `sources:
  a: {name: A, type: official}
  b: {name: B, type: ngo}
  c: {name: C, type: media}
claims:
  when:
    question: When?
    type: date
    statements:
      - {source: a, says: 2011-12-16}
      - {source: b, says: between 2011-12-10 and 2011-12-12}
  who:
    question: Who?
    type: choice
    options: [police, army, protesters]
    statements:
      - {source: a, says: [police, army]}
      - {source: b, says: protesters}
      - {source: c, says: protesters}
  injured:
    question: How many were injured?
    type: quantity
    tolerance: 0.1
    statements:
      - {source: a, says: 100}
      - {source: b, says: 105}
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("answers and windows in the text output", () => {
  it("separates answers with '; ', never ' / ', and counts repeated ones", async () => {
    const report = await check([dir], { cwd: dir });
    const byId = new Map(report.claims.map((c) => [c.id, c]));
    expect(answerOf(byId.get("when")!)).toBe("2011-12-16; between 2011-12-10 and 2011-12-12");
    expect(answerOf(byId.get("who")!)).toBe("police, army; protesters (2)");
  });

  it("show says why a corroborated claim has no window", () => {
    const result = runBin(["show", "injured", "."], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("— corroborated\n");
    expect(result.stdout).toContain("\n  window: none (the positions agree only within the claim's tolerance)\n");
  });
});
