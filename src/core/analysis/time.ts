/** Time order (SPEC §6): positions are chosen by effective date, undated first, file order breaking ties. */

/** Something placed in time: its effective date, and its place in file order. */
export interface Timed {
  readonly on: string | null;
  readonly order: number;
}

/** SPEC §6 time order: undated before dated, then by date, file order breaking ties. */
export function byTime(a: Timed, b: Timed): number {
  if (a.on !== b.on) {
    if (a.on === null) return -1;
    if (b.on === null) return 1;
    return a.on < b.on ? -1 : 1;
  }
  return a.order - b.order;
}
