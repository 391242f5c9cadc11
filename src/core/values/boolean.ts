/** The boolean grammar (SPEC §5). */
import type { ParseResult } from "./types.js";
import { MAX_VALUE_LENGTH, cannotRead } from "./raw.js";

const FORMS = "write true, false, yes, no, or unknown";

// A Map, so that a value like "constructor" finds nothing.
const WORDS = new Map([
  ["true", true],
  ["false", false],
  ["yes", true],
  ["no", false],
]);

/** Parse a boolean value: a YAML boolean, or true/false/yes/no as a string in any case. */
export function parseBoolean(raw: unknown): ParseResult {
  if (typeof raw === "boolean") return { ok: true, set: { kind: "boolean", value: raw } };
  // YAML 1.2 reads yes/no (and True written in odd cases) as strings.
  const value = typeof raw === "string" && raw.length <= MAX_VALUE_LENGTH ? WORDS.get(raw.trim().toLowerCase()) : undefined;
  if (value === undefined) return { ok: false, message: cannotRead(raw, "boolean", FORMS) };
  return { ok: true, set: { kind: "boolean", value } };
}
