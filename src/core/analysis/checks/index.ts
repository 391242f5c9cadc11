/** The cross-reference checks that need only the ledger; one file per check. */
import type { Diagnostic } from "../../shared/diagnostics.js";
import type { Ledger } from "../../load/ledger.js";
import { checkReferences } from "./references.js";
import { checkUnused } from "./unused.js";

export type LedgerCheck = (ledger: Ledger) => Diagnostic[];

export const LEDGER_CHECKS: readonly LedgerCheck[] = [checkReferences, checkUnused];
