/**
 * Positions belong to origins (SPEC §6 v2). A statement's origin is its `via`, else its source; a
 * relay is evidence of what its origin said, not a view of its own. Per origin: its statements
 * (its own while one of them remains, else the relays), its position (the latest remaining of
 * them), its revisions and ambiguous revisions, the relays that disagree with it, and the speakers
 * that report it.
 */
import { quote } from "../values/raw.js";
import { sameSet } from "../values/index.js";
import type { ValueSet } from "../values/types.js";
import type { StatementInput } from "../load/records.js";
import { Agreement } from "./agreement.js";
import { earliestRivals } from "./rivals.js";
import { agree, type Compared, type Rule } from "./rule.js";
import { byTime, type Timed } from "./time.js";

/** A statement as the analysis reads it. */
export interface ReadStatement extends Compared, Timed {
  /** Index in the claim's `statements` list in the file. */
  readonly index: number;
  readonly data: StatementInput;
  /** The value's set as stated; null when it could not be read. */
  readonly set: ValueSet | null;
  /** Its `via`, else its source. */
  readonly origin: string;
  /** False when retracted or in error: it is shown but takes no part in positions. */
  readonly remains: boolean;
}

/** One origin's position: the statement it comes from, and the other speakers that report it. */
export interface OriginPosition {
  readonly origin: string;
  readonly statement: ReadStatement;
  /** Sorted, once each: the speakers of remaining statements of the origin that agree with it, its own speaker excepted. */
  readonly reportedBy: readonly string[];
}

export interface Origins {
  /** One per origin with a remaining statement, in order of the origin's first statement. */
  readonly positions: readonly OriginPosition[];
  readonly revisions: readonly { readonly source: string; readonly values: readonly unknown[] }[];
}

/** A warning about one statement, placed by the caller: at the statement, or at its `says`. */
export type Warn = (code: "ambiguous-revision" | "stale-relay" | "relay-mismatch", message: string, at: ReadStatement, field?: "says") => void;

/** Groups a claim's statements by origin and takes each origin's position, revisions and warnings. */
export function byOrigin(read: readonly ReadStatement[], rule: Rule, warn: Warn): Origins {
  const groups = new Map<string, ReadStatement[]>();
  for (const s of read) (groups.get(s.origin) ?? groups.set(s.origin, []).get(s.origin)!).push(s);
  const positions: OriginPosition[] = [];
  const revisions: { source: string; values: unknown[] }[] = [];
  for (const [origin, list] of groups) {
    list.sort(byTime);
    const own = list.filter((s) => s.data.via === undefined);
    const relays = list.filter((s) => s.data.via !== undefined);
    const ownRemaining = own.filter((s) => s.remains);
    // Its own statements while one remains; else the relays; an origin with nothing remaining
    // keeps the history of its own statements.
    const statements = ownRemaining.length > 0 ? own : relays.some((s) => s.remains) || own.length === 0 ? relays : own;
    const remaining = statements.filter((s) => s.remains);
    // A revision needs two readable values that differ; it then lists every statement as written
    // (retracted and unreadable ones included), so the history is complete.
    const readable = statements.filter((s) => s.set !== null);
    if (readable.some((s) => !sameSet(s.set!, readable[0].set!))) revisions.push({ source: origin, values: statements.map((s) => s.data.says) });
    ambiguous(origin, remaining, rule, warn);
    const position = remaining[remaining.length - 1];
    if (position === undefined) continue;
    if (ownRemaining.length > 0) checkRelays(origin, ownRemaining, position, relays.filter((s) => s.remains), rule, warn);
    const reportedBy = new Set<string>();
    for (const s of list) if (s.remains && s.data.source !== position.data.source && agree(s, position, rule)) reportedBy.add(s.data.source);
    positions.push({ origin, statement: position, reportedBy: [...reportedBy].sort() });
  }
  return { positions, revisions };
}

/**
 * Two remaining statements of an origin that conflict by the claim's rule and have the same
 * effective date (or both none), and the same as-of date: the tool cannot tell which is newer. Statements of one date are
 * adjacent in time order; within each run each statement's earliest rival is found without
 * listing the pairs (rivals.ts), so a run that all conflicts costs n log n, not n².
 */
function ambiguous(origin: string, remaining: readonly ReadStatement[], rule: Rule, warn: Warn): void {
  let start = 0;
  while (start < remaining.length) {
    let end = start + 1;
    // One date: the same effective date and the same as-of date, which time order also sorts by.
    while (end < remaining.length && remaining[end].on === remaining[start].on && remaining[end].asOf === remaining[start].asOf) end++;
    if (end - start > 1) {
      const run = remaining.slice(start, end);
      const rivals = earliestRivals(run, rule.cumulative);
      for (let b = 0; b < run.length; b++) {
        if (rivals[b] < 0) continue;
        const [earlier, later] = [run[rivals[b]], run[b]];
        const asOf = later.asOf !== null && later.asOf !== later.on ? `, as of ${later.asOf}` : "";
        const date = later.on === null ? `neither has a date${asOf}` : `both dated ${later.on}${asOf}`;
        const who =
          earlier.data.via === undefined && later.data.via === undefined
            ? `'${origin}' says two conflicting things`
            : `'${origin}' is reported as saying two conflicting things (${speakers(earlier, later)})`;
        warn("ambiguous-revision", `${who} and ${date}; the later one in the file is taken as its position; add \`on:\` dates or \`retracted:\` to say which is newer`, later);
      }
    }
    start = end;
  }
}

function speakers(a: ReadStatement, b: ReadStatement): string {
  const by = (s: ReadStatement) => (s.data.via === undefined ? "itself" : `'${s.data.source}'`);
  return a.data.source === b.data.source && a.data.via !== undefined ? `by '${a.data.source}' twice` : `by ${by(a)} and ${by(b)}`;
}

/** How many of an origin's own statements a relay warning lists. */
const LISTED = 3;

/**
 * SPEC §6 v2: a remaining relay of an origin with own remaining statements is compared with them
 * by the claim's rule — a `relay-mismatch` when it agrees with none, else a `stale-relay` when it
 * comes after the origin's position, conflicts with it, and so agrees with an earlier one.
 */
function checkRelays(origin: string, own: readonly ReadStatement[], position: ReadStatement, relays: readonly ReadStatement[], rule: Rule, warn: Warn): void {
  if (relays.length === 0) return;
  const agreement = new Agreement(own, rule);
  for (const relay of relays) {
    const reports = `'${relay.data.source}' reports '${origin}' as saying ${said(relay)} ${when(relay)}`;
    if (!agreement.any(relay)) {
      const latest = own.slice(-LISTED).reverse();
      const listed = latest.map((s) => `${said(s)} ${when(s)}`).join(", ") + (own.length > LISTED ? `, and ${own.length - LISTED} earlier` : "");
      warn("relay-mismatch", `${reports}, which agrees with none of what '${origin}' itself said: ${listed}; record what '${origin}' said, or correct the relay`, relay, "says");
    } else if (relay.on !== null && byTime(relay, position) > 0 && !agree(relay, position, rule)) {
      warn("stale-relay", `${reports}, but '${origin}' said ${said(position)} ${when(position)}; the relay repeats a figure '${origin}' has since revised, so it is not taken as its position`, relay, "says");
    }
  }
}

/** A statement's value as written, for a message. */
function said(s: ReadStatement): string {
  const v = s.data.says;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "string") return quote(v);
  return quote(JSON.stringify(v) ?? String(v));
}

/** A statement's date for a message: its effective date, and its as-of date where that differs. */
function when(s: ReadStatement): string {
  const on = s.on === null ? "undated" : `on ${s.on}`;
  return s.asOf !== null && s.asOf !== s.on ? `(${on}, as of ${s.asOf})` : `(${on})`;
}
