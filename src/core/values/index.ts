/**
 * The value grammar (SPEC §5) as a pure library: parse what YAML produced into a value set, and
 * compare, widen, summarise and format those sets.
 */
import type { ParseResult, ValueContext } from "./types.js";
import { parseBoolean } from "./boolean.js";
import { parseChoice } from "./choice.js";
import { parseDate } from "./date.js";
import { parseQuantity } from "./quantity.js";
import { isUnknownWord } from "./raw.js";
import { UNKNOWN } from "./sets.js";

export type { ClaimType, ParseResult, ValueContext, ValueSet } from "./types.js";
export { UNKNOWN, compatible, envelope, formatNumber, formatSet, sameSet, toInterval, widen } from "./sets.js";
export { formatDay, ISO_DAY_PATTERN, parseIsoDay, tryParseIsoDay } from "./date.js";
export { MAX_VALUE_LENGTH } from "./raw.js";

/** Read one written value (as the `yaml` package produced it) as the set of answers it allows. */
export function parseValue(ctx: ValueContext, raw: unknown): ParseResult {
  if (isUnknownWord(raw)) return { ok: true, set: UNKNOWN };
  switch (ctx.type) {
    case "quantity":
      return parseQuantity(ctx, raw);
    case "choice":
      return parseChoice(ctx, raw);
    case "boolean":
      return parseBoolean(raw);
    case "date":
      return parseDate(raw);
  }
}
