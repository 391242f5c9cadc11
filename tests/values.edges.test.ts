/**
 * The edges of the value grammar (SPEC §5) that mutation testing (`npm run mutate`) found no test
 * pinned: the 200-character cap on every type, messages for values only a program can pass,
 * quoting in messages, unit spellings that are not forms of the unit, numbers and days as
 * printed, and widening at its extremes. Each row was worked out from the SPEC or the documented
 * rule before it was run.
 */
import { describe, expect, it } from "vitest";
import { formatDay, formatNumber, formatSet, parseIsoDay, parseValue, widen } from "../src/core/values/index.js";
import type { ValueContext, ValueSet } from "../src/core/values/index.js";

const Q: ValueContext = { type: "quantity", unit: "people", margin: 0.1 };
const DATE: ValueContext = { type: "date", margin: 0.1 };
const BOOL: ValueContext = { type: "boolean", margin: 0.1 };

const QUANTITY_FORMS =
  "write a number (10, 3,000, 1.5 million, ten), a hedge (at least 10, about 10, almost 10, more than 10, up to 10), a range (10-16, between 10 and 16)";
const DATE_FORMS = "write YYYY, YYYY-MM or YYYY-MM-DD, before D, after D, between D and E, D/E (.. for an open end), or unknown";

const interval = (lo: number, hi: number, loOpen = false, hiOpen = false): ValueSet => ({ kind: "interval", lo, loOpen, hi, hiOpen });
const day = (iso: string): number => parseIsoDay(iso);

/** The message of a value that must not be read. */
function refusal(ctx: ValueContext, raw: unknown): string {
  const r = parseValue(ctx, raw);
  if (r.ok) throw new Error(`${String(raw)} was read as ${JSON.stringify(r.set)}`);
  return r.message;
}

describe("the 200-character cap (every value longer is refused before it is read)", () => {
  // Padding with spaces keeps the value readable, so only the cap decides.
  it.each<[string, ValueContext, string, ValueSet]>([
    ["quantity", Q, "10", interval(10, 10)],
    ["date", DATE, "2011", interval(day("2011-01-01"), day("2011-12-31"))],
    ["boolean", BOOL, "yes", { kind: "boolean", value: true }],
    ["unknown", Q, "unknown", { kind: "unknown" }],
  ])("%s: 200 characters are read, 201 are not", (_, ctx, value, set) => {
    expect(parseValue(ctx, value.padEnd(200))).toEqual({ ok: true, set });
    expect(refusal(ctx, value.padEnd(201))).toMatch(new RegExp(`^cannot read "${value} {${60 - value.length}}"… \\(201 characters\\) as a ${ctx.type}`));
  });

  it("names the cap for quantities and dates", () => {
    expect(refusal(Q, "10".padEnd(201))).toContain(" as a quantity (longer than 200 characters); write a number");
    expect(refusal(DATE, "2011".padEnd(201))).toContain(` as a date (longer than 200 characters); ${DATE_FORMS}`);
  });

  it("holds for a bound of {min, max} written as text", () => {
    expect(parseValue(Q, { min: "10".padEnd(200) })).toEqual({ ok: true, set: interval(10, Infinity, false, true) });
    expect(refusal(Q, { min: "10".padEnd(201) })).toBe(`min must be a number, not "10${" ".repeat(58)}"… (201 characters)`);
  });
});

describe("spaces around and inside a value", () => {
  it.each<[ValueContext, string, ValueSet]>([
    [DATE, "  2011-12-16  ", interval(day("2011-12-16"), day("2011-12-16"))],
    [DATE, "between  2011  and  2012", interval(day("2011-01-01"), day("2012-12-31"))],
    [DATE, "before   2011", interval(-Infinity, day("2010-12-31"), true, false)],
    [BOOL, "  yes  ", { kind: "boolean", value: true }],
    [Q, "between  10  and  16", interval(10, 16)],
  ])("%j: %j", (ctx, raw, set) => {
    expect(parseValue(ctx, raw)).toEqual({ ok: true, set });
  });
});

describe("values only a program can pass", () => {
  it("a Date is its UTC day; an invalid one is refused", () => {
    expect(parseValue(DATE, new Date(Date.UTC(2011, 11, 16, 23, 59)))).toEqual({ ok: true, set: interval(day("2011-12-16"), day("2011-12-16")) });
    expect(refusal(DATE, new Date(Number.NaN))).toBe(`cannot read an object as a date; ${DATE_FORMS}`);
  });

  it.each<[unknown, string]>([
    [10n, "10"],
    [undefined, "an empty value"],
    [() => 1, "a function"],
    [Symbol("s"), "a symbol"],
    [new Map([["min", 1]]), "an object"],
  ])("%s is named as %s", (raw, shown) => {
    expect(refusal(Q, raw)).toMatch(new RegExp(`^cannot read ${shown} as a quantity; ${QUANTITY_FORMS.replace(/[()]/g, "\\$&")}`));
  });

  it("a choice claim without options takes no option", () => {
    expect(refusal({ type: "choice", margin: 0.1 }, "police")).toBe('"police" is not one of the options; the claim declares no options; write unknown');
  });

  it.each<[string[], unknown, string[]]>([
    [["true", "false", "unclear"], true, ["true"]],
    [["true", "false", "unclear"], false, ["false"]],
    [["0", "1"], 0, ["0"]],
    [["2011", "2012"], [2012, 2011], ["2011", "2012"]],
  ])("options %j: %j is read as its text", (options, raw, chosen) => {
    expect(parseValue({ type: "choice", margin: 0.1, options }, raw)).toEqual({ ok: true, set: { kind: "options", options: chosen } });
  });

  it.each<[unknown, string]>([
    [2011.5, "2011.5"],
    [-1, "-1"],
  ])("a number that names no option slug, %j, is not read as text", (raw, shown) => {
    expect(refusal({ type: "choice", margin: 0.1, options: ["2011", "-1", "2011.5"] }, raw)).toBe(`cannot read ${shown} as a choice; write one of 2011, -1, 2011.5, a list of them, or unknown`);
  });
});

describe("how a value is quoted in a message", () => {
  it.each<[string, string]>([
    ["x".repeat(60), `"${"x".repeat(60)}"`],
    ["x".repeat(61), `"${"x".repeat(60)}"… (61 characters)`],
    // Cut before a surrogate pair rather than through it…
    [`${"x".repeat(59)}😀${"y".repeat(10)}`, `"${"x".repeat(59)}"… (71 characters)`],
    // …and only there: a pair further in stays whole.
    [`😀${"x".repeat(70)}`, `"😀${"x".repeat(58)}"… (72 characters)`],
    ["a\u00ADb", '"a\\u00adb"'],
    ["a\u{E0001}b", '"a\\u{e0001}b"'],
  ])("%j", (raw, shown) => {
    expect(refusal(Q, raw).startsWith(`cannot read ${shown} as a quantity; ${QUANTITY_FORMS}`)).toBe(true);
  });
});

describe("quantities: words that are no number and no unit", () => {
  it.each<[string, string]>([
    // A hyphen that joins nothing keeps the word whole, so it fails as one word.
    ["ten-", "cannot read \"ten-\" as a quantity; write"],
    ["twenty--five", "cannot read \"twenty--five\" as a quantity; write"],
    // "a" stands for one only before the first multiplier.
    ["two thousand a hundred", 'cannot read "two thousand a hundred" as a quantity ("a" not understood; the unit is "people"); write'],
    ["between 10 and", 'cannot read "between 10 and" as a quantity (incomplete); write'],
    ["10+ dogs", 'cannot read "10+ dogs" as a quantity ("dogs" not understood); write'],
  ])("%j", (raw, start) => {
    expect(refusal(Q, raw).startsWith(start)).toBe(true);
  });

  it("a bound of {min, max} is a number and nothing else (a unit is allowed)", () => {
    expect(refusal(Q, { min: "10 dogs" })).toBe('min must be a number, not "10 dogs"');
    expect(parseValue(Q, { min: "10 people" })).toEqual({ ok: true, set: interval(10, Infinity, false, true) });
  });

  it("reads the minus sign U+2212 as a minus", () => {
    expect(parseValue(Q, "\u22125")).toEqual({ ok: true, set: interval(-5, -5) });
  });

  it.each(["peopl", "peop", "peoplies", "peoy", "peomen", "peoman", "child"])("10 %s is no spelling of people", (word) => {
    expect(refusal(Q, `10 ${word}`)).toMatch(new RegExp(`^cannot read "10 ${word}" as a quantity \\("${word}" not understood; the unit is "people"\\)`));
  });

  it("a unit of several words needs every word, in order", () => {
    const riot: ValueContext = { ...Q, unit: "riot police officers" };
    expect(parseValue(riot, "3 riot police officers")).toEqual({ ok: true, set: interval(3, 3) });
    expect(refusal(riot, "3 police officers")).toMatch(/^cannot read "3 police officers" as a quantity \("police" not understood; the unit is "riot police officers"\)/);
    expect(refusal({ ...Q, unit: "police officers" }, "3 officers")).toMatch(/\("officers" not understood; the unit is "police officers"\)/);
    // The right number of words, the first one wrong; the first one right, the last missing.
    expect(refusal({ ...Q, unit: "police officers" }, "3 army officers")).toMatch(/^cannot read "3 army officers" as a quantity \("army" not understood; the unit is "police officers"\)/);
    expect(refusal({ ...Q, unit: "police officers" }, "3 police")).toMatch(/^cannot read "3 police" as a quantity \("police" not understood; the unit is "police officers"\)/);
  });

  it("a unit of white space only is no unit", () => {
    expect(parseValue({ ...Q, unit: " " }, "10")).toEqual({ ok: true, set: interval(10, 10) });
  });

  it("a signed zero is zero", () => {
    for (const raw of [-0, { min: -0, max: 0 }, { min: 0, max: -0 }]) {
      const r = parseValue(Q, raw);
      expect(r).toEqual({ ok: true, set: interval(0, 0) });
      if (!r.ok || r.set.kind !== "interval") throw new Error("not an interval");
      expect([Object.is(r.set.lo, 0), Object.is(r.set.hi, 0)]).toEqual([true, true]);
    }
  });
});

describe("dates: the extra words and numbers", () => {
  it.each<[unknown, string]>([
    ["between 2011 and 2012 or so", '"between 2011 and 2012 or so"'],
    ["2011/2012/2013", '"2011/2012/2013"'],
  ])("%j is not read", (raw, shown) => {
    expect(refusal(DATE, raw)).toBe(`cannot read ${shown} as a date; ${DATE_FORMS}`);
  });
});

describe("days as printed", () => {
  // The last day of each 400-year era and the turns of the centuries around it are where the
  // calendar arithmetic has its corrections.
  it.each(["1600-02-29", "1700-02-28", "1700-03-01", "1900-02-28", "1900-03-01", "2000-02-29", "2000-03-01", "2100-02-28", "2100-03-01", "2400-02-29", "0000-02-29", "0000-03-01", "9999-12-31"])(
    "%s round-trips",
    (iso) => {
      expect(parseIsoDay(iso)).toBe(daysFromEpoch(iso));
      expect(formatDay(daysFromEpoch(iso))).toBe(iso);
    },
  );

  it("years before 1 are written with a sign; day numbers must be whole", () => {
    expect(formatDay(day("0000-01-01"))).toBe("0000-01-01");
    expect(formatDay(day("0000-01-01") - 1)).toBe("-0001-12-31");
    expect(() => formatDay(1.5)).toThrow(new RangeError("not a day number: 1.5"));
    expect(() => parseIsoDay("2011-02-30")).toThrow(new RangeError('not a calendar date written YYYY-MM-DD: "2011-02-30"'));
  });

  it("a date set with open or fractional bounds (built by a program) is shown by the whole days it holds", () => {
    const d = day("2011-12-16");
    expect(formatSet(interval(d - 0.5, d + 2.5, true, true), "date")).toBe("between 2011-12-16 and 2011-12-18");
    expect(formatSet(interval(d, d + 3, true, true), "date")).toBe("between 2011-12-17 and 2011-12-18");
    expect(formatSet(interval(d, d + 1, true, true), "date")).toBe("no date");
    expect(formatSet(interval(-Infinity, d, true, true), "date")).toBe("before 2011-12-16");
    expect(formatSet(interval(d, Infinity, true, true), "date")).toBe("after 2011-12-16");
  });

  it("a whole year or month reads as itself; a span of whole years or months is written out", () => {
    const span = (from: string, to: string) => formatSet(interval(day(from), day(to)), "date");
    expect(span("2011-01-01", "2011-12-31")).toBe("2011");
    expect(span("2011-12-01", "2011-12-31")).toBe("2011-12");
    expect(span("2011-01-01", "2012-12-31")).toBe("between 2011-01-01 and 2012-12-31");
    expect(span("2011-11-01", "2011-12-31")).toBe("between 2011-11-01 and 2011-12-31");
    expect(span("2011-12-01", "2011-12-30")).toBe("between 2011-12-01 and 2011-12-30");
    expect(span("2011-12-02", "2011-12-31")).toBe("between 2011-12-02 and 2011-12-31");
  });
});

/** Days from 1970-01-01 for any year 0–9999, by counting, independent of the code under test. */
function daysFromEpoch(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let days = 0;
  for (let year = Math.min(y, 1970); year < Math.max(y, 1970); year++) days += leap(year) ? 366 : 365;
  if (y < 1970) days = -days;
  for (let month = 1; month < m; month++) days += monthDays[month - 1];
  return days + d - 1;
}

describe("numbers as printed", () => {
  it.each<[number, string]>([
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    [Number.NaN, "NaN"],
    [1e21, "1e+21"],
    [1e-7, "1e-7"],
    [-123, "-123"],
    [-123_456, "-123,456"],
    [-0, "0"],
  ])("%s", (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });

  it("an interval unbounded both ways, the one set with no written form, reads unbounded", () => {
    expect(formatSet(interval(-Infinity, Infinity, true, true), "quantity")).toBe("unbounded");
  });
});

describe("widening at its extremes", () => {
  it("an infinite tolerance leaves zero and infinite bounds where they are", () => {
    expect(widen(interval(0, 10), Infinity)).toEqual(interval(0, Infinity, false, true));
    expect(widen(interval(-10, 0), Infinity)).toEqual(interval(-Infinity, 0, true, false));
  });

  it("a negative tolerance changes nothing", () => {
    expect(widen(interval(5, 10), -0.5)).toEqual(interval(5, 10));
  });
});
