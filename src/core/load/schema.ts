/**
 * The file format (SPEC §1–§4) as Zod schemas: the single source for validation and for `claims
 * schema`. Written with Zod's functional "mini" API: the same validation core and JSON Schema, at
 * a fraction of the classic API's load time, which every run of the CLI pays.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { tryParseIsoDay } from "../values/date.js";
import { RATINGS, RELIABILITIES, SOURCE_TYPES } from "./records.js";
import type { ClaimInput, DocumentInput, SettingsInput, SourceInput, StatementInput, VerdictInput } from "./records.js";

export { CLAIM_TYPES, RATINGS, SOURCE_TYPES } from "./records.js";
export type { ClaimInput, DocumentInput, SettingsInput, SourceInput, StatementInput, VerdictInput } from "./records.js";

// The mini API loads no messages of its own; the few issues reported in Zod's words use English.
z.config(en());

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ID_MAX = 64;

/** Whether a string is an id: the rule of the `id` schema below, for record keys checked outside it. */
export function isId(value: string): boolean {
  return value.length <= ID_MAX && ID_PATTERN.test(value);
}

const id = z.string().check(
  z.maxLength(ID_MAX, { message: `ids are at most ${ID_MAX} characters` }),
  z.regex(ID_PATTERN, { message: "ids are slugs: lower-case letters, digits and '-', starting with a letter or digit" }),
);

const text = z.string({ message: "expected text (a YAML string)" });

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string({ message: "expected a date written YYYY-MM-DD" })
  .check(
    z.regex(DATE_SHAPE, { message: "expected a date written YYYY-MM-DD" }),
    // The value grammar's own calendar, so that a date the schema accepts is one analysis can read.
    // Only a date of the right shape is judged: a wrong shape is one fault, reported above.
    z.refine((value) => !DATE_SHAPE.test(value) || tryParseIsoDay(value) !== null, { message: "not a real calendar date" }),
  );

/** Whether a string is an absolute `http:` or `https:` URL with a host (SPEC §2 v2). */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * Every `url` of a ledger (SPEC §2 v2): an absolute http(s) URL. Anything else (`javascript:`,
 * `data:`, a relative path) would become a link a reader clicks in an export.
 */
const WEB_URL_MESSAGE = "expected an absolute http:// or https:// URL, such as https://example.org/page";
// The pattern is what an editor's JSON Schema can check; the refinement is the whole rule, and
// only judges what has the right start, so a bad URL is one fault.
const webUrl = text.check(
  z.regex(/^[hH][tT][tT][pP][sS]?:\/\//, { message: WEB_URL_MESSAGE }),
  z.refine((value) => !/^https?:\/\//i.test(value) || isWebUrl(value), { message: WEB_URL_MESSAGE }),
);

/** A unit word of a list (SPEC §4 v2): letters, with spaces, hyphens or apostrophes inside. */
const UNIT_WORD = /^\p{L}[\p{L}\p{M}'’ -]*$/u;
const unitWord = z.string({ message: "expected a unit word (text)" }).check(
  z.regex(UNIT_WORD, { message: "a unit is a word, such as people or dead: letters, with spaces, hyphens or apostrophes inside" }),
  z.maxLength(60, { message: "a unit word is at most 60 characters" }),
);

/** `says` and `finding`: any YAML value; its grammar depends on the claim type (SPEC §5). */
const claimValue = z.unknown().check(
  z.refine((v) => v !== undefined, { message: "required" }),
  z.describe("A value of the claim's type (SPEC §5), or `unknown`."),
);

/** A schema with a description for `claims schema`. */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}


export const sourceSchema = z.strictObject({
  name: described(text, "Who speaks."),
  type: z.enum(SOURCE_TYPES),
  side: described(z.optional(id), "The interest the source speaks for; sources of one side count as one independence group."),
  reliability: described(z.optional(z.enum(RELIABILITIES)), "Admiralty source-reliability grade."),
  url: z.optional(webUrl),
  note: z.optional(text),
});

export const documentSchema = z.strictObject({
  title: text,
  publisher: text,
  url: z.optional(webUrl),
  published: z.optional(isoDate),
  archive: described(z.optional(text), "Path of the archived text, relative to this file, inside the workspace."),
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { message: "expected 64 hexadecimal digits" }))),
});

export const statementSchema = z.strictObject({
  source: described(id, "A source id."),
  says: claimValue,
  quote: z.optional(text),
  in: described(z.optional(id), "A document id."),
  on: z.optional(isoDate),
  via: described(z.optional(id), "The source id this speaker only relays."),
  retracted: z.optional(z.union([z.literal(true), isoDate], { message: "expected true or a date written YYYY-MM-DD" })),
  "as-of": described(z.optional(isoDate), "The date the figure refers to (default: the date the statement was made)."),
  url: described(z.optional(webUrl), "A link to the exact place it was said: a post, a timestamp, an anchor."),
  note: z.optional(text),
});

export const verdictSchema = z.strictObject({
  finding: z.optional(claimValue),
  // Plain YAML 1.2 reads `rating: true` / `rating: false` as booleans; they mean the ratings.
  rating: z.optional(
    z.union([z.enum(RATINGS), z.pipe(z.boolean(), z.transform((b) => (b ? "true" : "false") as (typeof RATINGS)[number]))], {
      message: `expected one of ${RATINGS.join(", ")}`,
    }),
  ),
  claim: described(z.optional(text), "The assertion the rating is about, as published (ClaimReview's claimReviewed)."),
  claimant: described(z.optional(id), "The source id of who made that assertion."),
  note: z.optional(text),
  by: z.optional(text),
  on: z.optional(isoDate),
});

const claimCommon = {
  question: text,
  tags: z.optional(z.array(text)),
  statements: z.array(statementSchema).check(z.minLength(1, { message: "a claim needs at least one statement" })),
  verdict: z.optional(verdictSchema),
};

export const quantityClaimSchema = z.strictObject({
  ...claimCommon,
  type: z.literal("quantity"),
  unit: z.optional(
    z.union([text, z.array(unitWord).check(z.minLength(1, { message: "a unit list needs at least one word; leave `unit` out for none" }))], {
      message: "expected a unit word, or a list of them such as [people, dead, killed]",
    }),
  ),
  cumulative: described(z.optional(z.boolean({ message: "expected true or false" })), "A running count that can only grow over time (a death toll as bodies are counted)."),
  margin: z.optional(z.number().check(z.gte(0), z.lt(1))),
  tolerance: z.optional(z.number().check(z.gte(0))),
});
export const choiceClaimSchema = z.strictObject({
  ...claimCommon,
  type: z.literal("choice"),
  options: z.array(id).check(
    z.minLength(1, { message: "a choice claim needs at least one option" }),
    z.refine((options) => new Set(options).size === options.length, { message: "an option is listed twice; list each option once" }),
  ),
});
export const booleanClaimSchema = z.strictObject({ ...claimCommon, type: z.literal("boolean") });
export const dateClaimSchema = z.strictObject({ ...claimCommon, type: z.literal("date") });

export const claimSchema = z.discriminatedUnion("type", [quantityClaimSchema, choiceClaimSchema, booleanClaimSchema, dateClaimSchema]);


/** Ledger-wide settings (an extension of SPEC §1): given in at most one file. */
export const settingsSchema = z.strictObject({
  publisher: described(z.optional(text), "The fact-checking organisation: ClaimReview's author (overridden by --publisher)."),
  url: described(
    z.optional(webUrl),
    "Where the fact-checks are published; a claim's ClaimReview url is this URL with #claim-<id>.",
  ),
});

/** One ledger file. */
export const fileSchema = z.strictObject({
  settings: z.optional(settingsSchema),
  sources: z.optional(z.record(id, sourceSchema)),
  documents: z.optional(z.record(id, documentSchema)),
  claims: z.optional(z.record(id, claimSchema)),
});

export type FileInput = z.infer<typeof fileSchema>;

/** Each schema's output is exactly the record type of records.ts: the compiler rejects a drift either way. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type SchemasMatchRecords = [
  Holds<Same<z.infer<typeof sourceSchema>, SourceInput>>,
  Holds<Same<z.infer<typeof documentSchema>, DocumentInput>>,
  Holds<Same<z.infer<typeof statementSchema>, StatementInput>>,
  Holds<Same<z.infer<typeof verdictSchema>, VerdictInput>>,
  Holds<Same<z.infer<typeof claimSchema>, ClaimInput>>,
  Holds<Same<z.infer<typeof settingsSchema>, SettingsInput>>,
];

/** Keys that belong to one claim type only, for a message that says which type takes them. */
export const TYPE_ONLY_KEYS: Record<string, string> = { unit: "quantity", margin: "quantity", tolerance: "quantity", cumulative: "quantity", options: "choice" };

const CLAIM_VARIANTS = { quantity: quantityClaimSchema, choice: choiceClaimSchema, boolean: booleanClaimSchema, date: dateClaimSchema };
const CLAIM_KEYS = [...new Set(Object.values(CLAIM_VARIANTS).flatMap((schema) => Object.keys(schema.shape)))];

/**
 * A claim as far as it can be checked without its type: the keys every claim has, and no key that
 * no claim type takes. The union stops at a missing or unknown `type`; this reports the rest of
 * such a claim's faults in the same run.
 */
export const claimCommonSchema = z.strictObject({
  ...Object.fromEntries(CLAIM_KEYS.map((key) => [key, z.optional(z.unknown())])),
  ...claimCommon,
});

/**
 * What a mapping at `path` (from the top of a file) is, and the keys it may hold, from the schemas
 * themselves: "did you mean" suggests only keys that belong where the unknown one stands. A claim
 * whose `type` is known takes the keys of that type.
 */
export function mappingAt(path: readonly PropertyKey[], claimType?: unknown): { readonly noun: string; readonly takes: string; readonly keys: readonly string[] } | undefined {
  const [section, , field] = path;
  const place = (noun: string, keys: readonly string[], takes = "takes") => ({ noun, takes, keys });
  if (path.length === 0) return place("a ledger file", Object.keys(fileSchema.shape), "holds");
  if (section === "settings" && path.length === 1) return place("settings", Object.keys(settingsSchema.shape), "take");
  if (path.length === 2 && section === "sources") return place("a source", Object.keys(sourceSchema.shape));
  if (path.length === 2 && section === "documents") return place("a document", Object.keys(documentSchema.shape));
  if (section !== "claims") return undefined;
  if (path.length === 2) {
    const variant = typeof claimType === "string" && Object.hasOwn(CLAIM_VARIANTS, claimType) ? CLAIM_VARIANTS[claimType as keyof typeof CLAIM_VARIANTS] : undefined;
    return variant ? place(`a ${claimType} claim`, Object.keys(variant.shape)) : place("a claim", CLAIM_KEYS);
  }
  if (path.length === 4 && field === "statements") return place("a statement", Object.keys(statementSchema.shape));
  if (path.length === 3 && field === "verdict") return place("a verdict", Object.keys(verdictSchema.shape));
  return undefined;
}
