/**
 * Records built from what a user typed (`claims add`): each key in the order SPEC §2–§4 list them,
 * and every value of the kind a hand-written file would give it, so `says: 10` is a number and
 * `retracted: true` a boolean, as if typed into the file.
 */
import type { ClaimType } from "../values/index.js";

/** What `claims add statement` takes, as typed. */
export interface StatementFields {
  readonly source: string;
  readonly says: string;
  readonly quote?: string;
  readonly in?: string;
  readonly on?: string;
  readonly via?: string;
  readonly retracted?: string;
  readonly asOf?: string;
  readonly url?: string;
  readonly note?: string;
}

export interface SourceFields {
  readonly name: string;
  readonly type: string;
  readonly side?: string;
  readonly reliability?: string;
  readonly url?: string;
  readonly note?: string;
}

export interface DocumentFields {
  readonly title: string;
  readonly publisher: string;
  readonly url?: string;
  readonly published?: string;
  /** The archive's path as the file that declares the document sees it, and the SHA-256 of its bytes. */
  readonly archive?: { readonly path: string; readonly sha256: string };
}

export interface ClaimFields {
  readonly question: string;
  readonly type: string;
  readonly unit?: readonly string[];
  readonly cumulative?: boolean;
  readonly options?: readonly string[];
  readonly tags?: readonly string[];
}

/** The claim a statement is about: its type, and a choice claim's options. */
export interface ClaimShape {
  readonly type: ClaimType | string;
  readonly options?: readonly string[];
}

type Record_ = Record<string, unknown>;

/** Only the keys that were given, in the order listed. */
function present(entries: readonly (readonly [string, unknown])[]): Record_ {
  const out: Record_ = {};
  for (const [key, value] of entries) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * `says` (or a verdict's finding) as typed, with the YAML type a hand-written file would give
 * it: a whole or decimal number written plainly is a number, `true`/`false` a boolean, a choice
 * claim's comma-separated options a list. Anything else is text, which the value grammar reads
 * the same way (`at least 10`, `2011-12-16`, `unknown`).
 */
export function typedValue(text: string, claim: ClaimShape): unknown {
  const value = text.trim();
  if (claim.type === "choice" && value.includes(",")) return value.split(",").map((part) => part.trim()).filter((part) => part !== "");
  if (/^-?(0|[1-9]\d{0,14})(\.\d*[1-9])?$/.test(value) && String(Number(value)) === value) return Number(value);
  if (value === "true" || value === "false") return value === "true";
  return value;
}

/** A statement (SPEC §4) for a claim of the given shape. */
export function statementRecord(fields: StatementFields, claim: ClaimShape): Record_ {
  const retracted = fields.retracted === undefined ? undefined : fields.retracted.trim() === "true" ? true : fields.retracted;
  return present([
    ["source", fields.source],
    ["says", typedValue(fields.says, claim)],
    ["quote", fields.quote],
    ["in", fields.in],
    ["on", fields.on],
    ["via", fields.via],
    ["retracted", retracted],
    ["as-of", fields.asOf],
    ["url", fields.url],
    ["note", fields.note],
  ]);
}

/** A source (SPEC §2). */
export function sourceRecord(fields: SourceFields): Record_ {
  return present([
    ["name", fields.name],
    ["type", fields.type],
    ["side", fields.side],
    ["reliability", fields.reliability],
    ["url", fields.url],
    ["note", fields.note],
  ]);
}

/** A document (SPEC §3). */
export function documentRecord(fields: DocumentFields): Record_ {
  return present([
    ["title", fields.title],
    ["publisher", fields.publisher],
    ["url", fields.url],
    ["published", fields.published],
    ["archive", fields.archive?.path],
    ["sha256", fields.archive?.sha256],
  ]);
}

/** A claim (SPEC §4) with its first statement: a claim needs at least one. */
export function claimRecord(fields: ClaimFields, first: StatementFields): Record_ {
  const unit = fields.unit === undefined ? undefined : fields.unit.length === 1 ? fields.unit[0] : [...fields.unit];
  return present([
    ["question", fields.question],
    ["type", fields.type],
    ["unit", unit],
    ["cumulative", fields.cumulative],
    ["options", fields.options && [...fields.options]],
    ["tags", fields.tags && [...fields.tags]],
    ["statements", [statementRecord(first, { type: fields.type, options: fields.options })]],
  ]);
}
