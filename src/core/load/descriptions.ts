/**
 * What every key and every enumerated value of the file format means, in one table: the JSON
 * Schema carries it for editors (`claims schema`), and the language server shows it on hover and
 * completion. schema.ts checks at compile time that each record's keys here are exactly its
 * schema's keys.
 */
import type { Rating, Reliability, SourceType } from "./records.js";

/** The kinds of mapping a ledger file holds, as `mappingAt` names them. */
export type MappingKind = "file" | "settings" | "source" | "document" | "claim" | "statement" | "verdict";

export const KEY_DESCRIPTIONS = {
  file: {
    settings: "Ledger-wide settings (publisher, url), given in at most one file of the ledger.",
    sources: "Who speaks: a mapping from source id to source.",
    documents: "Where it was said: a mapping from document id to document.",
    claims: "The questions: a mapping from claim id to claim, each with its attributed statements.",
  },
  settings: {
    publisher: "The fact-checking organisation: ClaimReview's author (overridden by --publisher).",
    url: "Where the fact-checks are published, an absolute http:// or https:// URL; a claim's ClaimReview url is this URL with #claim-<id>.",
  },
  source: {
    name: "Who speaks, as readers should see it (required).",
    type: "What kind of source it is (required).",
    side: "The interest the source speaks for (a slug); sources of one side count as one independence group.",
    reliability: "Admiralty source-reliability grade, A (completely reliable) to F (cannot be judged).",
    url: "A link to the source (its site or profile): an absolute http:// or https:// URL.",
    note: "Anything a reader of the ledger should know about the source.",
  },
  document: {
    title: "The document's title (required).",
    publisher: "Who published it (required).",
    url: "Where the document can be read: an absolute http:// or https:// URL.",
    published: "The date it was published, YYYY-MM-DD: the default date of the statements made in it.",
    archive: "Path of the archived text (.txt, .md or .html), relative to this file and inside the ledger's folder; quotes from the document are checked against it.",
    sha256: "The SHA-256 of the archive's bytes (64 hexadecimal digits): a changed archive is reported.",
  },
  claim: {
    question: "The question the statements answer (required).",
    type: "What kind of answer the statements give (required): it decides how `says` is read.",
    unit: "Quantity claims: the unit word values may carry (`10 people`), singular or plural; or a list of words (`[people, dead, killed]`), any of which may follow a number, the first shown.",
    cumulative: "Quantity claims: `true` for a running count that can only grow over time (a death toll as bodies are counted); an earlier lower figure then does not conflict with a later higher one.",
    margin: "Quantity claims: how wide `about` and `almost` are, a fraction from 0 up to 1 (default 0.1).",
    tolerance: "Quantity claims: relative slack added to every value before comparing (default 0).",
    options: "Choice claims: the possible answers (slugs); `says` names one of them or a list of them (required).",
    tags: "Labels to group claims by (a list of words).",
    statements: "Who said what: the attributed statements (at least one).",
    verdict: "Your conclusion on the claim: a finding and a rating.",
  },
  statement: {
    source: "The source id of who says it (required).",
    says: "What the source says: a value of the claim's type, or `unknown` (required).",
    quote: "The words as said; checked against the document's archive when `in` names a document with one.",
    in: "The document id where it was said.",
    on: "The date it was said, YYYY-MM-DD (default: the document's `published`).",
    via: "The source id this speaker only relays: the statement counts as that origin's, for independence.",
    retracted: "`true` or the date YYYY-MM-DD the source withdrew it: it is kept and shown, but is no position.",
    "as-of": "The date the figure refers to, YYYY-MM-DD (default: the date it was said).",
    url: "A link to the exact place it was said (a post, a timestamp, an anchor): an absolute http:// or https:// URL.",
    note: "Anything a reader should know about the statement.",
  },
  verdict: {
    finding: "What you conclude, written like `says`: each position agrees with it or contradicts it.",
    rating: "Your rating of the claim.",
    claim: "The assertion the rating is about, as published (ClaimReview's claimReviewed).",
    claimant: "The source id of who made that assertion.",
    note: "The reasoning behind the verdict.",
    by: "Who reached the verdict.",
    on: "When the verdict was reached, YYYY-MM-DD.",
  },
} as const satisfies Record<MappingKind, Record<string, string>>;

export const SOURCE_TYPE_DESCRIPTIONS: Record<SourceType, string> = {
  official: "A state body or office holder speaking in that role.",
  company: "A business, or someone speaking for one.",
  union: "A trade union or workers' organisation.",
  eyewitness: "People who saw or took part in the events.",
  media: "A news outlet speaking in its own voice.",
  journalist: "A reporter speaking for themselves.",
  ngo: "A non-governmental organisation.",
  expert: "A researcher or specialist.",
  other: "None of the above.",
};

/** The NATO Admiralty code's grades of source reliability. */
export const RELIABILITY_DESCRIPTIONS: Record<Reliability, string> = {
  A: "Completely reliable.",
  B: "Usually reliable.",
  C: "Fairly reliable.",
  D: "Not usually reliable.",
  E: "Unreliable.",
  F: "Reliability cannot be judged.",
};

export const RATING_DESCRIPTIONS: Record<Rating, string> = {
  true: "The claim is accurate.",
  "mostly-true": "Accurate, but needs clarification or context.",
  mixed: "Partly accurate and partly not.",
  "mostly-false": "Contains an element of truth, but leaves out facts that would change the picture.",
  false: "The claim is inaccurate.",
  unproven: "The evidence neither confirms nor refutes it.",
};

export const CLAIM_TYPE_DESCRIPTIONS = {
  quantity: "A number: values are figures, hedged figures (`at least 10`, `about 60`), ranges, vague words (`dozens`) or `{min, max}`.",
  choice: "One of the claim's `options`: values name an option or a list of options.",
  boolean: "Yes or no: values are `true`/`false` (or `yes`/`no`).",
  date: "A date: values are `2011`, `2011-12`, `2011-12-16`, `before D`, `after D`, `between D and E`, or `D/E`.",
} as const;

/** What `says` or `finding` takes in a claim of one type. */
export function valueDescription(key: "says" | "finding", type: keyof typeof CLAIM_TYPE_DESCRIPTIONS): string {
  const lead = key === "says" ? "What the source says (required)." : "What you conclude, written like `says`: each position agrees with it or contradicts it.";
  return `${lead} ${CLAIM_TYPE_DESCRIPTIONS[type]} Or \`unknown\`, which commits to nothing.`;
}
