/**
 * The records of a ledger file (SPEC §2–§4) as plain TypeScript types: what validation gives and
 * what the library's users see. schema.ts checks at compile time that its Zod schemas produce
 * exactly these, so the two cannot drift apart.
 */

export const SOURCE_TYPES = ["official", "company", "union", "eyewitness", "media", "journalist", "ngo", "expert", "other"] as const;
export const RATINGS = ["true", "mostly-true", "mixed", "mostly-false", "false", "unproven"] as const;
export const CLAIM_TYPES = ["quantity", "choice", "boolean", "date"] as const;
export const RELIABILITIES = ["A", "B", "C", "D", "E", "F"] as const;

export type SourceType = (typeof SOURCE_TYPES)[number];
export type Rating = (typeof RATINGS)[number];
export type Reliability = (typeof RELIABILITIES)[number];

/** Who speaks (§2). */
export interface SourceInput {
  name: string;
  type: SourceType;
  side?: string | undefined;
  reliability?: Reliability | undefined;
  url?: string | undefined;
  note?: string | undefined;
}

/** Where it was said (§3). */
export interface DocumentInput {
  title: string;
  publisher: string;
  url?: string | undefined;
  published?: string | undefined;
  archive?: string | undefined;
  sha256?: string | undefined;
}

/** One attributed statement of a claim (§4). `says` is kept as YAML read it. */
export interface StatementInput {
  source: string;
  says: unknown;
  quote?: string | undefined;
  in?: string | undefined;
  on?: string | undefined;
  via?: string | undefined;
  retracted?: true | string | undefined;
  /** (v2) The date the figure refers to; default: the effective date. */
  "as-of"?: string | undefined;
  /** (v2) A link to the exact place it was said. */
  url?: string | undefined;
  note?: string | undefined;
}

/** The fact-checker's conclusion on a claim (§8). */
export interface VerdictInput {
  finding?: unknown;
  rating?: Rating | undefined;
  /** (v2) The assertion the rating is about, as published. */
  claim?: string | undefined;
  /** (v2) The source id of who made that assertion. */
  claimant?: string | undefined;
  note?: string | undefined;
  by?: string | undefined;
  on?: string | undefined;
}

interface ClaimCommon {
  question: string;
  tags?: string[] | undefined;
  statements: StatementInput[];
  verdict?: VerdictInput | undefined;
}

export interface QuantityClaimInput extends ClaimCommon {
  type: "quantity";
  /** A word, or (v2) a list of words; the first is shown. */
  unit?: string | string[] | undefined;
  /** (v2) A running count that can only grow over time. */
  cumulative?: boolean | undefined;
  margin?: number | undefined;
  tolerance?: number | undefined;
}

export interface ChoiceClaimInput extends ClaimCommon {
  type: "choice";
  options: string[];
}

export interface BooleanClaimInput extends ClaimCommon {
  type: "boolean";
}

export interface DateClaimInput extends ClaimCommon {
  type: "date";
}

/** A question and its statements (§4), by type. */
export type ClaimInput = QuantityClaimInput | ChoiceClaimInput | BooleanClaimInput | DateClaimInput;

/** Ledger-wide settings (an extension of §1), given in at most one file. */
export interface SettingsInput {
  publisher?: string | undefined;
  url?: string | undefined;
}
