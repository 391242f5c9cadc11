/**
 * A quantity claim's window (SPEC §8 v2) with what it means when it is empty: a reader who sees
 * "none" beside "corroborated" needs to be told that the sources agree only within the tolerance.
 */
import type { ReportClaim } from "../../core/report/types.js";
import { displayWindow } from "./display.js";

/** The window as every output shows it, followed by why, when there is none. */
export function explainedWindow(claim: ReportClaim): string {
  const shown = displayWindow(claim);
  if (claim.window) return shown;
  if (!claim.range) return `${shown} (no committed position)`;
  return claim.status === "conflict" ? `${shown} (the positions allow no common value)` : `${shown} (the positions agree only within the claim's tolerance)`;
}
