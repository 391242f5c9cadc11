/** The choice grammar (SPEC §5): one of the claim's options, or a list of them. */
import type { ParseResult, ValueContext } from "./types.js";
import { listed } from "../shared/list.js";
import { closest } from "../shared/suggest.js";
import { cannotRead, quote } from "./raw.js";

const NO_OPTIONS: readonly string[] = [];

/**
 * The options of a claim as a set, made once per options list: every statement of a claim is read
 * against the same list, and a set per statement made a claim of n options and n statements cost n².
 */
const optionSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function optionSet(options: readonly string[]): ReadonlySet<string> {
  let set = optionSets.get(options);
  if (set === undefined) optionSets.set(options, (set = new Set(options)));
  return set;
}

/** What a choice value may be, for a message (made only when a value is refused). */
function formsOf(options: readonly string[]): string {
  return options.length === 0 ? "the claim declares no options; write unknown" : `write one of ${listed(options)}, a list of them, or unknown`;
}

/** Parse a choice value: an option, or a list of options (the speaker allows any of them). */
export function parseChoice(ctx: ValueContext, raw: unknown): ParseResult {
  const options = ctx.options ?? NO_OPTIONS;
  const allowed = optionSet(options);
  const items = Array.isArray(raw) ? (raw as readonly unknown[]) : [raw];
  if (items.length === 0) return { ok: false, message: `an empty list allows no option; ${formsOf(options)}` };
  const chosen = new Set<string>();
  for (const item of items) {
    const option = asOption(item);
    if (option === null) return { ok: false, message: cannotRead(item, "choice", formsOf(options)) };
    if (!allowed.has(option)) {
      const near = closest(option, options);
      return { ok: false, message: `${quote(option)} is not one of the options${near === undefined ? "" : ` (did you mean ${near}?)`}; ${formsOf(options)}` };
    }
    chosen.add(option);
  }
  // Plain code-unit order, so equal sets compare and serialise equal.
  return { ok: true, set: { kind: "options", options: [...chosen].sort() } };
}

/**
 * The option a scalar names, matched exactly. An option slug such as `2011` or `true` reaches us
 * as a YAML number or boolean, so those are read as their text.
 */
function asOption(item: unknown): string | null {
  if (typeof item === "string") return item;
  if (typeof item === "boolean" || (typeof item === "number" && Number.isInteger(item) && item >= 0)) {
    return String(item);
  }
  return null;
}
