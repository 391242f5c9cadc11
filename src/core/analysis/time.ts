/**
 * Time order (SPEC §6): positions are chosen by effective date, undated first, file order breaking
 * ties. One reading added: between statements of one effective date, the earlier as-of date
 * (§8 v2) comes first. A source that says on one day "10 as of the 17th" and "16 as of the 18th"
 * has 16 as its latest word whatever the order of the lines; by file order alone, the 10 written
 * second would stand, and read as a revision down from 16. Without `as-of` the as-of date is the
 * effective date, so first-release ledgers order exactly as before.
 */

/** Something placed in time: its effective date, its as-of date (null: none), and its place in file order. */
export interface Timed {
  readonly on: string | null;
  readonly asOf: string | null;
  readonly order: number;
}

/** Undated before dated, then by date: for `on`, then for the as-of date. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** SPEC §6 time order: by effective date, then by as-of date, file order breaking ties. */
export function byTime(a: Timed, b: Timed): number {
  return compareDates(a.on, b.on) || compareDates(a.asOf ?? a.on, b.asOf ?? b.on) || a.order - b.order;
}
