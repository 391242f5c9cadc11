/** `claims schema`: the JSON Schema generated from the same Zod schemas that validate files. */
import { ledgerJsonSchema } from "../../core/load/json-schema.js";
import type { Io } from "../io.js";
import { writeOut } from "./common.js";

/** Prints the draft-07 JSON Schema of a ledger file. */
export function runSchema(io: Io): number {
  writeOut(io, `${JSON.stringify(ledgerJsonSchema(), null, 2)}\n`);
  return 0;
}
