/** The file format (SPEC §1–§4) as Zod schemas: the single source for validation and for `claims schema`. */
import * as z from "zod";

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const ID_MAX = 64;

const id = z.string().max(ID_MAX, { message: `ids are at most ${ID_MAX} characters` }).regex(ID_PATTERN, {
  message: "ids are slugs: lower-case letters, digits and '-', starting with a letter or digit",
});

const text = z.string({ message: "expected text (a YAML string)" });

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string({ message: "expected a date written YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date written YYYY-MM-DD" })
  .refine(isCalendarDate, { message: "not a real calendar date" });

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `says` and `finding`: any YAML value; its grammar depends on the claim type (SPEC §5). */
const claimValue = z
  .unknown()
  .refine((v) => v !== undefined, { message: "required" })
  .describe("A value of the claim's type (SPEC §5), or `unknown`.");

export const SOURCE_TYPES = ["official", "company", "union", "eyewitness", "media", "journalist", "ngo", "expert", "other"] as const;
export const RATINGS = ["true", "mostly-true", "mixed", "mostly-false", "false", "unproven"] as const;
export const CLAIM_TYPES = ["quantity", "choice", "boolean", "date"] as const;

export const sourceSchema = z.strictObject({
  name: text.describe("Who speaks."),
  type: z.enum(SOURCE_TYPES),
  side: id.optional().describe("The interest the source speaks for; sources of one side count as one independence group."),
  reliability: z.enum(["A", "B", "C", "D", "E", "F"]).optional().describe("Admiralty source-reliability grade."),
  url: text.optional(),
  note: text.optional(),
});

export const documentSchema = z.strictObject({
  title: text,
  publisher: text,
  url: text.optional(),
  published: isoDate.optional(),
  archive: text.optional().describe("Path of the archived text, relative to this file, inside the workspace."),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, { message: "expected 64 hexadecimal digits" }).optional(),
});

export const statementSchema = z.strictObject({
  source: id.describe("A source id."),
  says: claimValue,
  quote: text.optional(),
  in: id.optional().describe("A document id."),
  on: isoDate.optional(),
  via: id.optional().describe("The source id this speaker only relays."),
  retracted: z.union([z.literal(true), isoDate], { message: "expected true or a date written YYYY-MM-DD" }).optional(),
  note: text.optional(),
});

export const verdictSchema = z.strictObject({
  finding: claimValue.optional(),
  // Plain YAML 1.2 reads `rating: true` / `rating: false` as booleans; they mean the ratings.
  rating: z
    .union([z.enum(RATINGS), z.boolean().transform((b) => (b ? "true" : "false") as (typeof RATINGS)[number])], {
      message: `expected one of ${RATINGS.join(", ")}`,
    })
    .optional(),
  note: text.optional(),
  by: text.optional(),
  on: isoDate.optional(),
});

const claimCommon = {
  question: text,
  tags: z.array(text).optional(),
  statements: z.array(statementSchema).min(1, { message: "a claim needs at least one statement" }),
  verdict: verdictSchema.optional(),
};

export const quantityClaimSchema = z.strictObject({
  ...claimCommon,
  type: z.literal("quantity"),
  unit: text.optional(),
  margin: z.number().min(0).lt(1).optional(),
  tolerance: z.number().min(0).optional(),
});
export const choiceClaimSchema = z.strictObject({
  ...claimCommon,
  type: z.literal("choice"),
  options: z.array(id).min(1, { message: "a choice claim needs at least one option" }),
});
export const booleanClaimSchema = z.strictObject({ ...claimCommon, type: z.literal("boolean") });
export const dateClaimSchema = z.strictObject({ ...claimCommon, type: z.literal("date") });

export const claimSchema = z.discriminatedUnion("type", [quantityClaimSchema, choiceClaimSchema, booleanClaimSchema, dateClaimSchema]);

/** Ledger-wide settings (an extension of SPEC §1): given in at most one file. */
export const settingsSchema = z.strictObject({
  publisher: text.optional().describe("The fact-checking organisation: ClaimReview's author (overridden by --publisher)."),
  url: z
    .url({ protocol: /^https?$/, message: "expected an absolute http(s) URL" })
    .optional()
    .describe("Where the fact-checks are published; a claim's ClaimReview url is this URL with #claim-<id>."),
});

/** One ledger file. */
export const fileSchema = z.strictObject({
  settings: settingsSchema.optional(),
  sources: z.record(id, sourceSchema).optional(),
  documents: z.record(id, documentSchema).optional(),
  claims: z.record(id, claimSchema).optional(),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type DocumentInput = z.infer<typeof documentSchema>;
export type StatementInput = z.infer<typeof statementSchema>;
export type VerdictInput = z.infer<typeof verdictSchema>;
export type ClaimInput = z.infer<typeof claimSchema>;
export type FileInput = z.infer<typeof fileSchema>;
export type SettingsInput = z.infer<typeof settingsSchema>;

/** Keys that belong to one claim type only, for a message that says which type takes them. */
export const TYPE_ONLY_KEYS: Record<string, string> = { unit: "quantity", margin: "quantity", tolerance: "quantity", options: "choice" };

/** The JSON Schema of a ledger file, draft-07 for editor compatibility. */
export function ledgerJsonSchema(): unknown {
  const schema = z.toJSONSchema(fileSchema, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  return { ...schema, title: "claims ledger file", description: "A YAML file of a claims ledger: sources, documents and claims (see the claims README)." };
}
