/** The v2 keys of the file format (SPEC §2, §4 v2): each bad value a schema error at the key or value, with the fix. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseValue } from "../src/core/values/index.js";
import { isWebUrl } from "../src/core/load/schema.js";
import { runInProcess } from "./helpers/run.js";

async function lint(yaml: string): Promise<{ found: [number, number, string, string][]; code: number }> {
  const dir = mkdtempSync(join(tmpdir(), "claims-v2-schema-"));
  writeFileSync(join(dir, "ledger.yaml"), yaml);
  const result = await runInProcess(["lint", "--format", "json", dir], { cwd: dir });
  const diagnostics = JSON.parse(result.stdout) as { code: string; line: number; column: number; message: string }[];
  return { found: diagnostics.map((d) => [d.line, d.column, d.code, d.message]), code: result.code };
}

const URL_FIX = "expected an absolute http:// or https:// URL, such as https://example.org/page";

describe("v2 keys of the file format", () => {
  it("accepts as-of, url, cumulative, a unit list, verdict claim and claimant", async () => {
    const { found, code } = await lint(`sources:
  ministry: {name: Health ministry, type: official, url: "https://moh.example/"}
documents:
  d: {title: T, publisher: P, url: "http://news.example/a?b=1#c"}
claims:
  toll:
    question: How many died?
    type: quantity
    unit: [people, dead, killed]
    cumulative: true
    statements:
      - {source: ministry, says: 471 dead, in: d, on: 2023-10-18, as-of: 2023-10-17, url: "https://moh.example/post/1"}
    verdict: {finding: 471, rating: "true", claim: Ministry says 471 died, claimant: ministry}
`);
    expect(found).toEqual([]);
    expect(code).toBe(0);
  });

  it("reports each bad v2 value at its key or value, with the fix", async () => {
    const { found, code } = await lint(`sources:
  s: {name: S, type: media, url: "javascript:alert(1)"}
documents:
  d: {title: T, publisher: P, url: /relative/page}
claims:
  q:
    question: Q?
    type: quantity
    unit: []
    cumulative: yes
    statements:
      - {source: s, says: 1, in: d, as-of: 2011-13-45, url: "data:text/html,x"}
      - {source: s, says: 2, as-of: soon}
  u:
    question: U?
    type: quantity
    unit: [people, "10 dead", 7]
    statements:
      - {source: s, says: 1}
  c:
    question: C?
    type: choice
    options: [a, b]
    cumulative: true
    statements:
      - {source: s, says: a}
`);
    expect(found).toEqual([
      [2, 34, "schema", `'url': ${URL_FIX}`],
      [4, 36, "schema", `'url': ${URL_FIX}`],
      [9, 11, "schema", "'unit': a unit list needs at least one word; leave `unit` out for none"],
      [10, 17, "schema", "'cumulative': expected true or false, got 'yes'"],
      [12, 44, "schema", "'as-of': not a real calendar date"],
      [12, 61, "schema", `'url': ${URL_FIX}`],
      [13, 37, "schema", "'as-of': expected a date written YYYY-MM-DD, got 'soon'"],
      [17, 20, "schema", "item 2: a unit is a word, such as people or dead: letters, with spaces, hyphens or apostrophes inside"],
      [17, 31, "schema", "item 3: expected text (a YAML string; quote it if it looks like a number or date), got 7"],
      [24, 5, "schema", "'cumulative' belongs to quantity claims; a choice claim does not take it; remove it or change `type`"],
    ]);
    expect(code).toBe(1);
  });
});

describe("absolute http(s) URLs (SPEC §2 v2)", () => {
  it.each([
    ["https://example.org/page", true],
    ["http://example.org", true],
    ["HTTPS://EXAMPLE.ORG/", true],
    ["javascript:alert(1)", false],
    ["data:text/html,<b>x</b>", false],
    ["/relative/page", false],
    ["//example.org/protocol-relative", false],
    ["https://", false],
    ["ftp://example.org/file", false],
    ["https://exa mple.org/", false],
    [" https://example.org/", false],
  ])("%s → %s", (url, ok) => {
    expect(isWebUrl(url)).toBe(ok);
  });
});

describe("a unit list (SPEC §5 v2)", () => {
  const ctx = { type: "quantity" as const, margin: 0.1, unit: ["people", "dead", "killed"] };
  it.each([
    ["471 dead", 471, 471],
    ["471 people", 471, 471],
    ["at least 10 killed", 10, Infinity],
    ["hundreds killed", 200, 999],
    ["dozens of people", 24, 99],
  ])("%s reads with any word of the list", (text, lo, hi) => {
    const read = parseValue(ctx, text);
    expect(read).toEqual({ ok: true, set: { kind: "interval", lo, loOpen: hi === Infinity ? false : false, hi, hiOpen: hi === Infinity } });
  });

  it("names every word of the list when a stray word follows a number", () => {
    const read = parseValue(ctx, "471 wounded");
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/; the unit is "people" or "dead" or "killed"/);
  });
});

describe("a verdict's claimant (SPEC §4 v2)", () => {
  const LEDGER = (claimant: string, extra = "") => `sources:
  prosecutor-general: {name: Prosecutor-general, type: official}
  morgue: {name: Morgue witnesses, type: eyewitness}
claims:
  toll:
    question: How many died?
    type: quantity
${extra}    statements:
      - {source: morgue, says: 64}
    verdict: {rating: mostly-false, claim: Ten people died, claimant: ${claimant}}
`;

  it("names a source, and counts as a citation of it: no unused-source", async () => {
    expect(await lint(LEDGER("prosecutor-general"))).toEqual({ found: [], code: 0 });
  });

  it("naming no source is an unknown-source error at the claimant, with the nearest source id", async () => {
    expect(await lint(LEDGER("prosecuter-general"))).toEqual({
      found: [
        [2, 3, "unused-source", "source 'prosecutor-general' is not cited by any statement; cite it or remove it"],
        [10, 71, "unknown-source", "unknown source 'prosecuter-general' as claimant — did you mean 'prosecutor-general'?"],
      ],
      code: 1,
    });
  });

  it("naming a claim says what it is", async () => {
    const { found } = await lint(LEDGER("toll"));
    expect(found.map(([, , code, message]) => [code, message])).toContainEqual(["unknown-source", "unknown source 'toll' as claimant ('toll' is declared as a claim)"]);
  });

  it("still cites its source when the claim is left out for a schema error", async () => {
    expect(await lint(LEDGER("prosecutor-general", "    margin: 2\n"))).toEqual({ found: [[8, 13, "schema", expect.stringContaining("'margin'")]], code: 1 });
  });
});
