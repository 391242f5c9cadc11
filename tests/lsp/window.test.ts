/**
 * A quantity claim's window as the hover and `show` give it (SPEC §8 v2): exact ends, the unit, the
 * as-of date of a running count, and why it is empty when it is.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { explainedWindow } from "../../src/formats/exports/display.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The window of claim `c` declared with `head` (its keys after `type: quantity`) and `statements` of sources a and b. */
async function windowOf(head: string, statements: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "claims-window-"));
  dirs.push(dir);
  const sources = "sources:\n  a:\n    name: A\n    type: official\n  b:\n    name: B\n    type: ngo\n";
  writeFileSync(join(dir, "c.yaml"), `${sources}claims:\n  c:\n    question: How many?\n    type: quantity\n${head}    statements:\n${statements}`);
  const report = await check([dir], { cwd: dir });
  return explainedWindow(report.claims[0]);
}

describe("the window, explained", () => {
  it.each([
    ["open ends and the unit", "    unit: people\n", "      - {source: a, says: more than 300}\n      - {source: b, says: fewer than 500}\n", "> 300 to < 500 people"],
    ["a closed point", "", "      - {source: a, says: 10}\n      - {source: b, says: 10}\n", "10"],
    ["a running count, as of its latest date", "    cumulative: true\n", "      - {source: a, says: 10, as-of: 2011-12-16}\n      - {source: b, says: 16, as-of: 2011-12-20}\n", "16 as of 2011-12-20"],
    ["none, in conflict", "", "      - {source: a, says: 10}\n      - {source: b, says: 64}\n", "none (the positions allow no common value)"],
    ["none, agreeing only within the tolerance", "    tolerance: 0.1\n", "      - {source: a, says: 100}\n      - {source: b, says: 105}\n", "none (the positions agree only within the claim's tolerance)"],
    ["no committed position", "", "      - {source: a, says: unknown}\n", "— (no committed position)"],
  ])("%s", async (_, head, statements, expected) => {
    expect(await windowOf(head, statements)).toBe(expected);
  });
});
