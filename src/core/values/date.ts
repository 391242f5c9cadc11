/**
 * Dates (SPEC §5): calendar arithmetic on whole days since 1970-01-01 (proleptic Gregorian, UTC)
 * and the grammar for date values.
 *
 * Date sets are stored with closed integer bounds (`before 2011-12-16` is (−∞, 2011-12-15]), not
 * with an open bound on D's first day: as real intervals, `after 2011-12-15` and `before
 * 2011-12-16` would overlap in (15, 16) although they share no day. With closed integer bounds,
 * overlap of the real intervals is exactly "share a day", so `compatible` needs no date case, and
 * two spellings of the same days (`before 2011-12-16`, `../2011-12-15`) are the same set.
 */
import type { ParseResult, ValueSet } from "./types.js";
import { MAX_VALUE_LENGTH, cannotRead, quote } from "./raw.js";

const DATE_FORMS =
  "write YYYY, YYYY-MM or YYYY-MM-DD, before D, after D, between D and E, D/E (.. for an open end), or unknown";

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TERM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day number of a calendar date. Integer arithmetic (H. Hinnant's days_from_civil) rather than
 * `Date.UTC`, which maps years 0–99 to 1900–1999.
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Calendar date of a day number (inverse of `dayFromCivil`). */
export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** A day number as `YYYY-MM-DD` (throws RangeError for a non-integer). */
export function formatDay(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`not a day number: ${day}`);
  const { year, month, day: d } = civilFromDay(day);
  const y = `${year < 0 ? "-" : ""}${String(Math.abs(year)).padStart(4, "0")}`;
  return `${y}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The dates `tryParseIsoDay` accepts, as one regular expression (for the JSON Schema, where no code
 * runs): months of 31 and 30 days, February to the 28th, and the 29th in leap years — the years
 * divisible by 4 but not by 100 (the last two digits 04, 08, …, 96), and the centuries divisible
 * by 400 (the first two digits 00, 04, …, 96).
 */
export const ISO_DAY_PATTERN =
  "^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))" +
  "|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$";

/** The day number of a real calendar date written `YYYY-MM-DD`, or null for anything else. */
export function tryParseIsoDay(s: string): number | null {
  const m = ISO_DAY.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

/** The day number of a real calendar date written `YYYY-MM-DD` (throws RangeError otherwise). */
export function parseIsoDay(s: string): number {
  const day = tryParseIsoDay(s);
  if (day === null) throw new RangeError(`not a calendar date written YYYY-MM-DD: ${quote(s)}`);
  return day;
}

/** The first and last day a date term (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) covers. */
interface Span {
  readonly first: number;
  readonly last: number;
}

/** A date term's span; a string naming the fault for a well-formed but impossible date; null if not a term. */
function readTerm(text: string): Span | string | null {
  const m = DATE_TERM.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { first: dayFromCivil(year, 1, 1), last: dayFromCivil(year, 12, 31) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `${text} is not a real date: there is no month ${m[2]}`;
  const days = daysInMonth(year, month);
  if (m[3] === undefined) return { first: dayFromCivil(year, month, 1), last: dayFromCivil(year, month, days) };
  const day = Number(m[3]);
  if (day < 1 || day > days) {
    return `${text} is not a real date: ${MONTHS[month - 1]} ${m[1]} has ${days} days`;
  }
  const d = dayFromCivil(year, month, day);
  return { first: d, last: d };
}

/** The set of days from `first` to `last`, either end possibly unbounded. */
function days(first: number, last: number): ValueSet {
  return { kind: "interval", lo: first, loOpen: first === -Infinity, hi: last, hiOpen: last === Infinity };
}

/** Parse a date value: a YAML integer year, or a string in the §5 date grammar. */
export function parseDate(raw: unknown): ParseResult {
  if (typeof raw === "number") {
    if (!Number.isInteger(raw) || raw < 0 || raw > 9999) {
      return { ok: false, message: cannotRead(raw, "date", DATE_FORMS, "a bare number is a year, 0 to 9999") };
    }
    return { ok: true, set: days(dayFromCivil(raw, 1, 1), dayFromCivil(raw, 12, 31)) };
  }
  // The core schema never makes Date objects, but a caller with another schema might.
  if (raw instanceof Date && Number.isFinite(raw.getTime())) {
    const d = Math.floor(raw.getTime() / DAY_MS);
    return { ok: true, set: days(d, d) };
  }
  if (typeof raw !== "string") return { ok: false, message: cannotRead(raw, "date", DATE_FORMS) };
  if (raw.length > MAX_VALUE_LENGTH) {
    return { ok: false, message: cannotRead(raw, "date", DATE_FORMS, `longer than ${MAX_VALUE_LENGTH} characters`) };
  }
  const result = readDate(raw.trim().toLowerCase());
  if (result === null) return { ok: false, message: cannotRead(raw, "date", DATE_FORMS) };
  if (typeof result === "string") return { ok: false, message: result };
  return { ok: true, set: result };
}

/** The date grammar over a trimmed, lower-cased string: a set, a fault message, or null (not understood). */
function readDate(text: string): ValueSet | string | null {
  const slash = text.indexOf("/");
  if (slash >= 0) {
    if (text.indexOf("/", slash + 1) >= 0) return null;
    return readEdtf(text.slice(0, slash).trim(), text.slice(slash + 1).trim(), text);
  }
  const words = text.split(/\s+/);
  if (words.length === 1) {
    const span = readTerm(words[0]);
    return span === null || typeof span === "string" ? span : days(span.first, span.last);
  }
  if (words.length === 2 && (words[0] === "before" || words[0] === "after")) {
    const span = readTerm(words[1]);
    if (span === null || typeof span === "string") return span;
    return words[0] === "before" ? days(-Infinity, span.first - 1) : days(span.last + 1, Infinity);
  }
  if (words.length === 4 && words[0] === "between" && words[2] === "and") {
    const from = readTerm(words[1]);
    const to = readTerm(words[3]);
    if (from === null || typeof from === "string") return from;
    if (to === null || typeof to === "string") return to;
    return ordered(from.first, to.last, text);
  }
  return null;
}

/** An EDTF interval `D/E`, `..` marking an open end. */
function readEdtf(start: string, end: string, text: string): ValueSet | string | null {
  let first = -Infinity;
  let last = Infinity;
  if (start !== "..") {
    const span = readTerm(start);
    if (span === null || typeof span === "string") return span;
    first = span.first;
  }
  if (end !== "..") {
    const span = readTerm(end);
    if (span === null || typeof span === "string") return span;
    last = span.last;
  }
  return ordered(first, last, text);
}

/** The days from `first` to `last`, or a fault message when the interval runs backwards. */
function ordered(first: number, last: number, text: string): ValueSet | string {
  if (first > last) return `the date interval ${quote(text)} runs backwards: its start is after its end`;
  return days(first, last);
}
