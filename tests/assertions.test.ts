/**
 * No assertion in the suite that cannot fail (issue 20). Three guards: vitest.config.ts makes a
 * test that asserts nothing fail (`expect.requireAssertions`); tests/helpers/setup.ts refuses a
 * `toMatchObject` given a value it would match whatever it is compared with; and this file reads
 * every test source for the patterns that assert nothing, and shows that each rule can fail.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findEmptyAssertions } from "./helpers/assertion-lint.js";
import { emptyMatchers } from "./helpers/empty-matchers.js";
import { ROOT } from "./helpers/run.js";

/** Every TypeScript file under tests/ (helpers and fixture code included). */
function testSources(dir = join(ROOT, "tests")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const rules = (source: string) => findEmptyAssertions(source).map((f) => f.rule);

describe("the suite", () => {
  it("has no assertion that cannot fail", () => {
    const files = testSources();
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((file) =>
      findEmptyAssertions(readFileSync(file, "utf8")).map((f) => `${relative(ROOT, file)}:${f.line} ${f.rule}: ${f.excerpt}`),
    );
    expect(found).toEqual([]);
  });
});

describe("each rule can fail", () => {
  it.each([
    ["toMatchObject with a RegExp", "expect(r).toMatchObject({ ok: false, message: /margin 0/ });"],
    ["toMatchObject with a RegExp", "expect(r).toMatchObject({\n  ok: false,\n  list: [/a/],\n});"],
    ["toMatchObject with {}", "expect(r).toMatchObject({ });"],
    ["expect without a matcher", "expect(parse(x));"],
    ["expect without a matcher", "const e = expect(value, 'message'); e;"],
    ["matcher not called", "expect(x).toBeNull;"],
    ["matcher not called", "expect(x).not.toBe;"],
    ["resolves/rejects not awaited", "it('x', () => { expect(load()).resolves.toBe(1); });"],
    ["resolves/rejects not awaited", "expect(p).rejects.toThrow();"],
    ["skipped, focused or to-do test", "it.skip('x', () => {});"],
    ["skipped, focused or to-do test", "describe.only('x', () => {});"],
    ["skipped, focused or to-do test", "xit('x', () => {});"],
    ["skipped, focused or to-do test", "it.todo('x');"],
    ["matches anything", "expect(x).toEqual(expect.anything());"],
    ["matches anything", "expect(message).toMatch(/.*/);"],
    ["matches anything", "expect(message).toMatch(/(?:)/u);"],
    ["matches anything", 'expect(text).toContain("");'],
  ])("%s: %s", (rule, source) => {
    expect(rules(source)).toEqual([rule]);
  });

  it.each([
    "expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/margin 0/) });",
    "expect(r).toEqual({ ok: false, message: expect.stringMatching(/margin 0/) });",
    "expect(r.message).toMatch(/margin 0/);",
    "await expect(load()).resolves.toBe(1);",
    "return expect(load()).rejects.toThrow(/no/);",
    "expect(x, 'why').not.toBeNull();",
    "expect.soft(x).toBe(1);",
    "it.skipIf(MUTATION_RUN)('x', () => expect(1).toBe(1));",
    // Code inside strings, templates, comments and regexes is not code.
    "const s = 'expect(x).toMatchObject({ m: /a/ });'; expect(s).toContain('x');",
    "const t = `${a} expect(x); ${`it.skip(${b})`}`; expect(t).toBe('');",
    "// expect(x);\nexpect(y).toBe(1); /* it.only( */",
    "expect(text).toMatch(/expect\\(x\\);[/]it.skip(/);",
    "const half = a / b; expect(half / 2).toBe(c / d);",
  ])("accepts %s", (source) => {
    expect(rules(source)).toEqual([]);
  });
});

describe("the toMatchObject guard (tests/helpers/setup.ts)", () => {
  it("names every place where the expected value would match anything", () => {
    class Empty {}
    expect(emptyMatchers({ ok: false, message: /re/ })).toEqual(["message (/re/)"]);
    expect(emptyMatchers({ a: [{ b: {} }, new Empty()], c: new Number(1) })).toEqual([
      "a[0].b (an object without own keys)",
      "a[1] (an object without own keys)",
      "c (an object without own keys)",
    ]);
    expect(emptyMatchers(/re/g)).toEqual(["the expected value itself (/re/g)"]);
    expect(emptyMatchers({})).toEqual(["the expected value itself (an object without own keys)"]);
  });

  it("lets through what can fail", () => {
    expect(emptyMatchers({ ok: false, message: expect.stringMatching(/re/), list: [], when: new Date(0), set: new Set(), n: 1, s: "x", nothing: null })).toEqual([]);
  });

  it("refuses such a toMatchObject, passing or not", () => {
    // Held in a variable, as a table row would hold it: out of the reach of the source scan above.
    const regexValued = { message: /nothing like it/ };
    expect(() => expect({ message: "anything" }).toMatchObject(regexValued)).toThrow(
      /^toMatchObject cannot fail at message \(\/nothing like it\/\): a RegExp or an object without own keys matches anything there; write expect\.stringMatching\(re\)/,
    );
    expect(() => expect({ message: "x" }).toMatchObject({ message: expect.stringMatching(/y/) })).toThrow(/expected/);
    expect({ message: "x", ok: false }).toMatchObject({ message: expect.stringMatching(/^x$/) });
  });
});
