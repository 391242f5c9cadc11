import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { holds } from "./helpers/property.js";
import {
  compatible,
  envelope,
  formatDay,
  formatSet,
  parseIsoDay,
  parseValue,
  sameSet,
  widen,
} from "../src/core/values/index.js";
import type { ClaimType, ValueContext, ValueSet } from "../src/core/values/index.js";

/** Bounds that include the awkward ones: zero, negatives, huge and tiny magnitudes, infinities. */
const finite = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const bound = fc.oneof({ weight: 5, arbitrary: finite }, fc.constant(-Infinity), fc.constant(Infinity));

/** Non-empty intervals in canonical form (infinite bounds open). */
type IntervalSet = Extract<ValueSet, { kind: "interval" }>;
const intervalSet: fc.Arbitrary<IntervalSet> = fc
  .tuple(bound, bound, fc.boolean(), fc.boolean())
  .filter(([a, b]) => !(a === b && !Number.isFinite(a)))
  .map(([a, b, loOpen, hiOpen]): IntervalSet => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    // A point is non-empty only when closed.
    const point = lo === hi;
    return {
      kind: "interval" as const,
      lo,
      hi,
      loOpen: !Number.isFinite(lo) || (!point && loOpen),
      hiOpen: !Number.isFinite(hi) || (!point && hiOpen),
    };
  });

const optionsSet: fc.Arbitrary<ValueSet> = fc
  .uniqueArray(fc.constantFrom("police", "protesters", "provocateurs", "army"), { minLength: 1 })
  .map((o) => ({ kind: "options" as const, options: [...o].sort() }));

const valueSet: fc.Arbitrary<ValueSet> = fc.oneof(
  fc.constant<ValueSet>({ kind: "unknown" }),
  { weight: 4, arbitrary: intervalSet },
  optionsSet,
  fc.boolean().map((value): ValueSet => ({ kind: "boolean", value })),
);

const tolerance = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(Infinity));

describe("value-set algebra", () => {
  it("compatible is symmetric", () => {
    holds(fc.property(valueSet, valueSet, (a, b) => compatible(a, b) === compatible(b, a)));
  });

  it("a non-empty set is compatible with itself", () => {
    holds(fc.property(valueSet, (a) => compatible(a, a)));
  });

  it("widening never turns compatible into conflicting", () => {
    holds(
      fc.property(valueSet, valueSet, tolerance, (a, b, t) => {
        fc.pre(compatible(a, b));
        return compatible(widen(a, t), widen(b, t));
      }),
    );
  });

  it("widening only grows a set", () => {
    holds(
      fc.property(intervalSet, intervalSet, tolerance, (a, b, t) => {
        // Whatever meets a also meets a widened.
        fc.pre(compatible(a, b));
        return compatible(widen(a, t), b);
      }),
    );
  });

  it("widening by 0 is the identity", () => {
    holds(fc.property(valueSet, (a) => sameSet(widen(a, 0), a)));
  });

  it("widened intervals stay canonical (infinite bounds open)", () => {
    holds(
      fc.property(intervalSet, tolerance, (a, t) => {
        const w = widen(a, t);
        if (w.kind !== "interval") return false;
        const canonical = (b: number, open: boolean) => !Number.isNaN(b) && (Number.isFinite(b) || open);
        return canonical(w.lo, w.loOpen) && canonical(w.hi, w.hiOpen) && w.lo <= a.lo && w.hi >= a.hi;
      }),
    );
  });

  it("sameSet is reflexive and symmetric", () => {
    holds(fc.property(valueSet, valueSet, (a, b) => sameSet(a, a) && sameSet(a, b) === sameSet(b, a)));
  });

  it("sameSet holds exactly when the two sets are structurally one set", () => {
    // Few values, so that equal sets, and sets that differ in one thing only, are both common.
    const few = fc.constantFrom(0, 1, 2, -Infinity, Infinity);
    const small: fc.Arbitrary<ValueSet> = fc.oneof(
      fc.constant<ValueSet>({ kind: "unknown" }),
      fc.tuple(few, few, fc.boolean(), fc.boolean()).filter(([a, b]) => !(a === b && !Number.isFinite(a))).map(([a, b, loOpen, hiOpen]): ValueSet => {
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        return { kind: "interval", lo, hi, loOpen: !Number.isFinite(lo) || (lo !== hi && loOpen), hiOpen: !Number.isFinite(hi) || (lo !== hi && hiOpen) };
      }),
      fc.uniqueArray(fc.constantFrom("army", "police"), { minLength: 1 }).map((o): ValueSet => ({ kind: "options", options: [...o].sort() })),
      fc.boolean().map((value): ValueSet => ({ kind: "boolean", value })),
    );
    let equal = 0;
    holds(
      fc.property(small, small, (a, b) => {
        if (isDeepStrictEqual(a, b)) equal++;
        return sameSet(a, b) === isDeepStrictEqual(a, b);
      }),
      { numRuns: 1000 },
    );
    expect(equal).toBeGreaterThan(50);
  });

  it("the envelope contains every interval set", () => {
    holds(
      fc.property(fc.array(valueSet, { maxLength: 12 }), (sets) => {
        const env = envelope(sets);
        const intervals = sets.filter((s) => s.kind === "interval");
        if (intervals.length === 0) return env === null;
        if (env === null) return false;
        return intervals.every(
          (s) =>
            s.kind === "interval" &&
            (env.min === null ? true : Number.isFinite(s.lo) && env.min <= s.lo) &&
            (env.max === null ? true : Number.isFinite(s.hi) && env.max >= s.hi),
        );
      }),
    );
  });

  it("formatSet never throws and never prints float noise", () => {
    holds(
      fc.property(valueSet, fc.constantFrom<ClaimType>("quantity", "choice", "boolean"), (s, type) => {
        const text = formatSet(s, type);
        // At most 12 significant digits in any number shown, or (issue 18: a long whole number keeps
        // every digit) its whole part's digits and two more.
        const mantissas = text.match(/[\d.,]+(?=e|\b|$)/g) ?? [];
        const significant = (m: string) => m.replace(/[.,]/g, "").replace(/^0+/, "").replace(/0+$/, "").length;
        const allowed = (m: string) => Math.max(12, m.split(".")[0].replace(/,/g, "").replace(/^0+/, "").length + 2);
        return text.length > 0 && mantissas.every((m) => significant(m) <= allowed(m));
      }),
    );
  });
});

describe("parsing", () => {
  const contexts: ValueContext[] = [
    { type: "quantity", unit: "people", margin: 0.1 },
    { type: "choice", margin: 0.1, options: ["police", "protesters"] },
    { type: "boolean", margin: 0.1 },
    { type: "date", margin: 0.1 },
  ];
  const yamlish = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value")),
      fc.dictionary(fc.constantFrom("min", "max", "x"), tie("value")),
    ),
  })).value;

  it("never throws, and every failure is a one-line message", () => {
    holds(
      fc.property(fc.constantFrom(...contexts), yamlish, (ctx, raw) => {
        const r = parseValue(ctx, raw);
        return r.ok ? r.set.kind !== undefined : r.message.length > 0 && !r.message.includes("\n");
      }),
    );
  });

  it("grammar-shaped noise never throws", () => {
    const word = fc.constantFrom(
      "at", "least", "about", "between", "and", "to", "-", "–", "~", "+", "10", "3,000", "1.5", "million", "twenty",
      "five", "hundred", "a", "dozen", "of", "people", "dozens", "or", "more", "2011", "2011-12", "before", "/", "..",
    );
    holds(
      fc.property(fc.constantFrom(...contexts), fc.array(word, { maxLength: 8 }), (ctx, words) => {
        const r = parseValue(ctx, words.join(" "));
        return r.ok || r.message.length > 0;
      }),
    );
  });

  it("an integer written in digits, with or without separators, reads as itself", () => {
    const q: ValueContext = { type: "quantity", margin: 0.1 };
    holds(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const point: ValueSet = { kind: "interval", lo: n, loOpen: false, hi: n, hiOpen: false };
        const grouped = n.toLocaleString("en-US");
        const a = parseValue(q, String(n));
        const b = parseValue(q, grouped);
        return a.ok && b.ok && sameSet(a.set, point) && sameSet(b.set, point);
      }),
    );
  });

  it("about N contains N and is compatible with every value in it", () => {
    holds(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (n, margin) => {
        const q: ValueContext = { type: "quantity", margin };
        const about = parseValue(q, `about ${n}`);
        const exact = parseValue(q, n);
        return about.ok && exact.ok && compatible(about.set, exact.set);
      }),
    );
  });
});

describe("calendar", () => {
  it("day numbers agree with Date.UTC and round-trip through formatDay", () => {
    holds(
      fc.property(fc.integer({ min: parseIsoDay("0100-01-01"), max: parseIsoDay("9999-12-31") }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        return formatDay(day) === iso && parseIsoDay(iso) === day;
      }),
    );
  });

  it("a month covers exactly its days", () => {
    const date: ValueContext = { type: "date", margin: 0.1 };
    holds(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const ym = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
        const r = parseValue(date, ym);
        if (!r.ok || r.set.kind !== "interval") return false;
        const next = m === 12 ? `${String(y + 1).padStart(4, "0")}-01-01` : `${ym.slice(0, 5)}${String(m + 1).padStart(2, "0")}-01`;
        return r.set.lo === parseIsoDay(`${ym}-01`) && (y === 9999 && m === 12 ? true : r.set.hi === parseIsoDay(next) - 1);
      }),
    );
  });
});
