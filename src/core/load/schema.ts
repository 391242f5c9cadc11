/**
 * The file format (SPEC §1–§4) as Zod schemas: the single source for validation and for `claims
 * schema`. Written with Zod's functional "mini" API: the same validation core and JSON Schema, at
 * a fraction of the classic API's load time, which every run of the CLI pays.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { tryParseIsoDay } from "../values/date.js";
import { isWebUrl } from "../shared/url.js";
import { CLAIM_TYPE_DESCRIPTIONS, KEY_DESCRIPTIONS, type MappingKind } from "./descriptions.js";
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

export const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string({ message: "expected a date written YYYY-MM-DD" })
  .check(
    z.regex(DATE_SHAPE, { message: "expected a date written YYYY-MM-DD" }),
    // The value grammar's own calendar, so that a date the schema accepts is one analysis can read.
    // Only a date of the right shape is judged: a wrong shape is one fault, reported above.
    z.refine((value) => !DATE_SHAPE.test(value) || tryParseIsoDay(value) !== null, { message: "not a real calendar date" }),
  );

export { isWebUrl };

/**
 * Every `url` of a ledger (SPEC §2 v2): an absolute http(s) URL. Anything else (`javascript:`,
 * `data:`, a relative path) would become a link a reader clicks in an export.
 */
const WEB_URL_MESSAGE = "expected an absolute http:// or https:// URL, such as https://example.org/page";
/**
 * Characters no URL holds as written (RFC 3986 allows none of them unencoded) that would show it
 * leading somewhere else: controls, bidi marks, embeddings, overrides and isolates (an RLO makes
 * `…/gnp.exe` read `…/exe.png`), zero-width characters, line separators and the BOM. The WHATWG
 * parser would quietly percent-encode them, so `isWebUrl` alone accepts them.
 */
const HIDDEN_IN_URL = /[\u0000-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;
const HIDDEN_URL_MESSAGE = "not a valid http(s) URL: it holds a control, bidi or invisible character that can disguise where it leads; remove it, or write it percent-encoded";
// The pattern is what an editor's JSON Schema can check; the refinement is the whole rule, and
// only judges what has the right start, so a bad URL is one fault.
const webUrl = text.check(
  z.regex(/^[hH][tT][tT][pP][sS]?:\/\//, { message: WEB_URL_MESSAGE }),
  z.refine((value) => !/^https?:\/\//i.test(value) || HIDDEN_IN_URL.test(value) || isWebUrl(value), { message: WEB_URL_MESSAGE }),
  z.refine((value) => !/^https?:\/\//i.test(value) || !HIDDEN_IN_URL.test(value), { message: HIDDEN_URL_MESSAGE }),
);

/** A unit word of a list (SPEC §4 v2): letters, with spaces, hyphens or apostrophes inside. */
const UNIT_WORD = /^\p{L}[\p{L}\p{M}'’ -]*$/u;
/** The longest unit: a few words. It is shown in every table row of its claim and in each value's message. */
export const UNIT_MAX = 60;
const unitWord = z.string({ message: "expected a unit word (text)" }).check(
  z.regex(UNIT_WORD, { message: "a unit is a word, such as people or dead: letters, with spaces, hyphens or apostrophes inside" }),
  z.maxLength(UNIT_MAX, { message: `a unit word is at most ${UNIT_MAX} characters` }),
);

/** `says` and `finding`: any YAML value; its grammar depends on the claim type (SPEC §5). */
const claimValue = z.unknown().check(z.refine((v) => v !== undefined, { message: "required" }));

/** A schema with a description for `claims schema`. */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}


const SOURCE = KEY_DESCRIPTIONS.source;
export const sourceSchema = z.strictObject({
  name: described(text, SOURCE.name),
  type: described(z.enum(SOURCE_TYPES), SOURCE.type),
  side: described(z.optional(id), SOURCE.side),
  reliability: described(z.optional(z.enum(RELIABILITIES)), SOURCE.reliability),
  url: described(z.optional(webUrl), SOURCE.url),
  note: described(z.optional(text), SOURCE.note),
});

const DOCUMENT = KEY_DESCRIPTIONS.document;
export const documentSchema = z.strictObject({
  title: described(text, DOCUMENT.title),
  publisher: described(text, DOCUMENT.publisher),
  url: described(z.optional(webUrl), DOCUMENT.url),
  published: described(z.optional(isoDate), DOCUMENT.published),
  archive: described(z.optional(text), DOCUMENT.archive),
  sha256: described(z.optional(z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { message: "expected 64 hexadecimal digits" }))), DOCUMENT.sha256),
});

const STATEMENT = KEY_DESCRIPTIONS.statement;
export const statementSchema = z.strictObject({
  source: described(id, STATEMENT.source),
  says: described(claimValue, STATEMENT.says),
  quote: described(z.optional(text), STATEMENT.quote),
  in: described(z.optional(id), STATEMENT.in),
  on: described(z.optional(isoDate), STATEMENT.on),
  via: described(z.optional(id), STATEMENT.via),
  retracted: described(z.optional(z.union([z.literal(true), isoDate], { message: "expected true or a date written YYYY-MM-DD" })), STATEMENT.retracted),
  "as-of": described(z.optional(isoDate), STATEMENT["as-of"]),
  url: described(z.optional(webUrl), STATEMENT.url),
  note: described(z.optional(text), STATEMENT.note),
});

const VERDICT = KEY_DESCRIPTIONS.verdict;
export const verdictSchema = z.strictObject({
  finding: described(z.optional(claimValue), VERDICT.finding),
  // Plain YAML 1.2 reads `rating: true` / `rating: false` as booleans; they mean the ratings.
  rating: described(
    z.optional(
      z.union([z.enum(RATINGS), z.pipe(described(z.boolean(), "YAML reads `true` and `false` as booleans: they are the ratings true and false."), z.transform((b) => (b ? "true" : "false") as (typeof RATINGS)[number]))], {
        message: `expected one of ${RATINGS.join(", ")}`,
      }),
    ),
    VERDICT.rating,
  ),
  claim: described(z.optional(text), VERDICT.claim),
  claimant: described(z.optional(id), VERDICT.claimant),
  note: described(z.optional(text), VERDICT.note),
  by: described(z.optional(text), VERDICT.by),
  on: described(z.optional(isoDate), VERDICT.on),
});

const CLAIM = KEY_DESCRIPTIONS.claim;

/** A claim's `type`, described with what that type's values are. */
function claimType<T extends keyof typeof CLAIM_TYPE_DESCRIPTIONS>(type: T) {
  return described(z.literal(type), `${CLAIM.type} ${type}: ${CLAIM_TYPE_DESCRIPTIONS[type]}`);
}

const statementList = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.minLength(1, { message: "a claim needs at least one statement" }));

/**
 * The keys of claims, each type's and those all share, given how the statement list is checked.
 * The file schema (the one `claims schema` prints) checks each statement inside its claim.
 * Validation checks each statement on its own first, so that one bad statement leaves the others
 * in, and then the claim with its good statements only (`claimShellSchema`): checking those
 * again cost a tenth of all parsing.
 */
function claimShapes<S extends z.ZodMiniType>(statements: S) {
  const common = {
    question: described(text, CLAIM.question),
    tags: described(z.optional(z.array(text)), CLAIM.tags),
    statements: described(statements, CLAIM.statements),
    verdict: described(z.optional(verdictSchema), CLAIM.verdict),
  };
  const variants = {
    quantity: z.strictObject({
      ...common,
      type: claimType("quantity"),
      unit: described(
        z.optional(
          z.union([text.check(z.maxLength(UNIT_MAX, { message: `a unit is at most ${UNIT_MAX} characters` })), z.array(unitWord).check(z.minLength(1, { message: "a unit list needs at least one word; leave `unit` out for none" }))], {
            message: "expected a unit word, or a list of them such as [people, dead, killed]",
          }),
        ),
        CLAIM.unit,
      ),
      cumulative: described(z.optional(z.boolean({ message: "expected true or false" })), CLAIM.cumulative),
      margin: described(z.optional(z.number().check(z.gte(0), z.lt(1))), CLAIM.margin),
      tolerance: described(z.optional(z.number().check(z.gte(0))), CLAIM.tolerance),
    }),
    choice: z.strictObject({
      ...common,
      type: claimType("choice"),
      options: described(
        z.array(id).check(
          z.minLength(1, { message: "a choice claim needs at least one option" }),
          z.refine((options) => new Set(options).size === options.length, { message: "an option is listed twice; list each option once" }),
        ),
        CLAIM.options,
      ),
    }),
    boolean: z.strictObject({ ...common, type: claimType("boolean") }),
    date: z.strictObject({ ...common, type: claimType("date") }),
  };
  return { common, variants, union: z.discriminatedUnion("type", [variants.quantity, variants.choice, variants.boolean, variants.date]) };
}

const CLAIMS = claimShapes(statementList(statementSchema));
const claimCommon = CLAIMS.common;
export const claimSchema = CLAIMS.union;
/** `claimSchema` for a claim whose statements were each checked already (see `claimShapes`). */
export const claimShellSchema = claimShapes(statementList(z.unknown())).union;


/** Ledger-wide settings (an extension of SPEC §1): given in at most one file. */
export const settingsSchema = z.strictObject({
  publisher: described(z.optional(text), KEY_DESCRIPTIONS.settings.publisher),
  url: described(z.optional(webUrl), KEY_DESCRIPTIONS.settings.url),
});

/** One ledger file. */
export const fileSchema = z.strictObject({
  settings: described(z.optional(settingsSchema), KEY_DESCRIPTIONS.file.settings),
  sources: described(z.optional(z.record(id, sourceSchema)), KEY_DESCRIPTIONS.file.sources),
  documents: described(z.optional(z.record(id, documentSchema)), KEY_DESCRIPTIONS.file.documents),
  claims: described(z.optional(z.record(id, claimSchema)), KEY_DESCRIPTIONS.file.claims),
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

/** Every key of every record has its description in KEY_DESCRIPTIONS, and nothing else is described there. */
export type DescriptionsMatchSchemas = [
  Holds<Same<keyof typeof KEY_DESCRIPTIONS.file, keyof typeof fileSchema.shape>>,
  Holds<Same<keyof typeof KEY_DESCRIPTIONS.settings, keyof typeof settingsSchema.shape>>,
  Holds<Same<keyof typeof KEY_DESCRIPTIONS.source, keyof typeof sourceSchema.shape>>,
  Holds<Same<keyof typeof KEY_DESCRIPTIONS.document, keyof typeof documentSchema.shape>>,
  Holds<Same<keyof typeof KEY_DESCRIPTIONS.statement, keyof typeof statementSchema.shape>>,
  Holds<Same<keyof typeof KEY_DESCRIPTIONS.verdict, keyof typeof verdictSchema.shape>>,
  Holds<Same<keyof typeof KEY_DESCRIPTIONS.claim, { [T in keyof typeof CLAIM_VARIANTS]: keyof (typeof CLAIM_VARIANTS)[T]["shape"] }[keyof typeof CLAIM_VARIANTS]>>,
];

/** Keys that belong to one claim type only, for a message that says which type takes them. */
export const TYPE_ONLY_KEYS: Record<string, string> = { unit: "quantity", margin: "quantity", tolerance: "quantity", cumulative: "quantity", options: "choice" };

const CLAIM_VARIANTS = CLAIMS.variants;
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
export function mappingAt(path: readonly PropertyKey[], claimType?: unknown): { readonly kind: MappingKind; readonly noun: string; readonly takes: string; readonly keys: readonly string[] } | undefined {
  const [section, , field] = path;
  const place = (kind: MappingKind, noun: string, keys: readonly string[], takes = "takes") => ({ kind, noun, takes, keys });
  if (path.length === 0) return place("file", "a ledger file", Object.keys(fileSchema.shape), "holds");
  if (section === "settings" && path.length === 1) return place("settings", "settings", Object.keys(settingsSchema.shape), "take");
  if (path.length === 2 && section === "sources") return place("source", "a source", Object.keys(sourceSchema.shape));
  if (path.length === 2 && section === "documents") return place("document", "a document", Object.keys(documentSchema.shape));
  if (section !== "claims") return undefined;
  if (path.length === 2) {
    const variant = typeof claimType === "string" && Object.hasOwn(CLAIM_VARIANTS, claimType) ? CLAIM_VARIANTS[claimType as keyof typeof CLAIM_VARIANTS] : undefined;
    return variant ? place("claim", `a ${claimType} claim`, Object.keys(variant.shape)) : place("claim", "a claim", CLAIM_KEYS);
  }
  if (path.length === 4 && field === "statements") return place("statement", "a statement", Object.keys(statementSchema.shape));
  if (path.length === 3 && field === "verdict") return place("verdict", "a verdict", Object.keys(verdictSchema.shape));
  return undefined;
}
