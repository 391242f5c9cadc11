/** Zod issues → diagnostics at the offending key or value (SPEC §9), with messages that name the fix. */
import type * as z from "zod/mini";
import { diagnostic, type Diagnostic } from "../shared/diagnostics.js";
import type { LedgerFile } from "./ledger.js";
import { locate } from "./locate.js";
import { isMapping } from "./parse.js";
import { CLAIM_TYPES, mappingAt, RATINGS, SOURCE_TYPES, TYPE_ONLY_KEYS } from "./schema.js";
import { listed, shortened } from "../shared/list.js";
import { didYouMean } from "../shared/suggest.js";

/** Diagnostics for the issues of one record, at `base` in the file; `record` is the value that was validated. */
export function schemaDiagnostics(file: LedgerFile, base: readonly PropertyKey[], issues: readonly z.core.$ZodIssue[], record?: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues.flatMap(unwrapUnion)) {
    const path = [...base, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push(diagnostic("schema", unknownKeyMessage(key, record, issue.path, path), locate(file, [...path, key], "key")));
      }
      continue;
    }
    const last = issue.path[issue.path.length - 1];
    const missing = last !== undefined && !hasPath(record, issue.path);
    if (missing) {
      // A missing key has no place of its own: point at the key of the mapping that lacks it.
      out.push(diagnostic("schema", `missing required key '${String(last)}'${hintFor(String(last), path)}`, locate(file, path.slice(0, -1), "key")));
      continue;
    }
    out.push(diagnostic("schema", issueMessage(issue, last, valueAt(record, issue.path), path), locate(file, path, "value")));
  }
  return out;
}

/**
 * A failed union of alternatives of different kinds (a unit word, or a list of them) names the
 * faults of the alternative whose kind the value has, at their own places (the list's third
 * item), rather than one message for the whole value. A union with no such alternative, or a
 * discriminated one, is kept as it is.
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || ("discriminator" in issue && issue.discriminator) || !("errors" in issue)) return [issue];
  const sameKind = issue.errors.filter((branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0));
  if (sameKind.length !== 1) return [issue];
  return sameKind[0].map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue);
}

/** `at` is the mapping's path inside the record, `mapping` its path from the top of the file. */
function unknownKeyMessage(key: string, record: unknown, at: readonly PropertyKey[], mapping: readonly PropertyKey[]): string {
  const owner = Object.hasOwn(TYPE_ONLY_KEYS, key) ? TYPE_ONLY_KEYS[key] : undefined;
  const type = at.length === 0 && isMapping(record) ? record.type : undefined;
  const place = mappingAt(mapping, type);
  if (owner && mapping[0] === "claims" && mapping.length === 2 && typeof type === "string" && type !== owner) {
    return `'${key}' belongs to ${owner} claims; a ${type} claim does not take it; remove it or change \`type\``;
  }
  if (!place) return `unknown key '${shortened(key)}'`;
  const suggestion = didYouMean(key, place.keys.filter((k) => k !== key));
  return `unknown key '${shortened(key)}'${suggestion || `; ${place.noun} ${place.takes} ${place.keys.join(", ")}`}`;
}

/** What a missing key takes, for the keys whose values a newcomer has to look up; `path` is where it is missing. */
function hintFor(key: string, path: readonly PropertyKey[]): string {
  // A record's own `type`: ["sources" | "claims", id, "type"].
  if (key === "type" && path.length === 3 && path[0] === "sources") return ` (one of ${SOURCE_TYPES.join(", ")})`;
  if (key === "type" && path.length === 3 && path[0] === "claims") return ` (${CLAIM_TYPES.slice(0, -1).join(", ")} or ${CLAIM_TYPES.at(-1)})`;
  if (key === "says") return " (the value the source gives, or `unknown`)";
  return "";
}

/** Keys whose value is a date, and `retracted`, which is a date or `true`: a wrong value is told so, not that it wants text. */
const DATE_KEYS = new Set(["published", "on", "as-of"]);

/** What zod calls a type, in the words of YAML. */
const TYPE_WORDS: Record<string, string> = { object: "a mapping", array: "a list", number: "a number", boolean: "true or false" };

/** `path` is where the value stands in its file. */
function issueMessage(issue: z.core.$ZodIssue, last: PropertyKey | undefined, input: unknown, path: readonly PropertyKey[]): string {
  const place = mappingAt(path);
  const name = place && issue.code === "invalid_type" ? place.noun : typeof last === "string" ? `'${last}'` : typeof last === "number" ? `item ${last + 1}` : "this value";
  if (last === "retracted" && issue.code !== "custom") return `${name}: expected true or a date written YYYY-MM-DD, got ${show(input)}`;
  // A date of the wrong type or shape is told what it got; a real shape with an impossible day keeps its own message.
  if (typeof last === "string" && DATE_KEYS.has(last) && (issue.code === "invalid_type" || issue.code === "invalid_format")) return `${name}: expected a date written YYYY-MM-DD, got ${show(input)}`;
  if (last === "rating" && typeof input === "string") return mustBeOneOf(name, RATINGS, input);
  switch (issue.code) {
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator) return mustBeOneOf(name, ((issue as { options?: unknown[] }).options ?? []).map(String), input);
      return `${name}: ${issue.message}`;
    case "invalid_value":
      return mustBeOneOf(name, issue.values.map(String), input);
    case "invalid_type":
      if (place && issue.expected === "object") return `${name} must be a mapping (keys: ${place.keys.join(", ")}); got ${show(input)}`;
      return `${name}: expected ${issue.expected === "string" ? "text (a YAML string; quote it if it looks like a number or date)" : (TYPE_WORDS[issue.expected] ?? issue.expected)}, got ${show(input)}`;
    default:
      return `${name}: ${issue.message}`;
  }
}

/** "'x' must be one of a, b, not 'c' — did you mean 'b'?" (the suggestion for text only). */
function mustBeOneOf(name: string, options: readonly string[], input: unknown): string {
  return `${name} must be one of ${listed(options)}, not ${show(input)}${typeof input === "string" ? didYouMean(input, options) : ""}`;
}

/** A short, safe rendering of an offending value for messages. */
function show(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = typeof value === "string" ? `'${value}'` : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let current = record;
  for (const segment of path) {
    if (!isMapping(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function hasPath(record: unknown, path: readonly PropertyKey[]): boolean {
  let current = record;
  for (const segment of path) {
    if (!isMapping(current) && !Array.isArray(current)) return false;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return false;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return true;
}

