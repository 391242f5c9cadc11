/**
 * The `claimreview` export (SPEC §12 v2): schema.org ClaimReview JSON-LD, one per claim with a
 * verdict that names the assertion it rates (`verdict.claim`). The objects are typed with
 * schema-dts, so a property that schema.org does not define for its type fails the build.
 *
 * Google's fields (developers.google.com/search/docs/appearance/structured-data/factcheck):
 * ClaimReview requires `claimReviewed`, `reviewRating`, `url`, and recommends `author`,
 * `datePublished`, `itemReviewed`; its Claim recommends `appearance`, `author`, `datePublished`,
 * `firstAppearance`; its Rating requires `alternateName` and recommends `bestRating`, `name`,
 * `ratingValue`, `worstRating`. Each is filled from the ledger where the ledger knows it.
 */
import type { Claim, ClaimReview, CreativeWork, Organization, Person, Rating, WithContext } from "schema-dts";
import type { Report, ReportClaim, ReportStatement, ReportVerdict } from "../../core/report/types.js";
import { displayInterval, displayRating, displayValue, documentOf, sourceName, sourceOf } from "./display.js";
import { jsonLdScripts } from "./claimreview-html.js";
import { statementLink, webUrl } from "./links.js";
import type { ExportOptions } from "./types.js";

// Source types that are one person; every other type (official, company, union, media, ngo,
// expert, other) is published as an Organization, the safer reading when a type says nothing.
const PERSON_TYPES: ReadonlySet<string> = new Set(["journalist", "eyewitness"]);

// Google's optional numeric scale, best = 5. `unproven` and unrated verdicts get no number:
// they are not a point on the true–false scale, so their Rating has only words.
const RATING_VALUES: Record<string, number> = { false: 1, "mostly-false": 2, mixed: 3, "mostly-true": 4, true: 5 };

/** A setting the export cannot do without. */
export type ClaimReviewSetting = "settings.url" | "publisher";

/** What a ClaimReview export of a report would publish, and what stops or thins it; worked out before anything is written. */
export interface ClaimReviewPlan {
  /** What is missing: without an absolute web `settings.url` and a publisher the export is refused (SPEC §12 v2). */
  readonly missing: readonly ClaimReviewSetting[];
  /** The claims published: a verdict with `verdict.claim`. */
  readonly published: readonly ReportClaim[];
  /** Claims with a verdict but no `verdict.claim`: left out, since the question is not the assertion rated. */
  readonly leftOut: readonly ReportClaim[];
  /** Published claims with no `verdict.claimant`: their Claim has no author and no appearance. */
  readonly noClaimant: readonly ReportClaim[];
}

/** The publisher: the `--publisher` option, else the ledger's `settings.publisher`. */
function publisherOf(report: Report, options: Pick<ExportOptions, "publisher">): string | null {
  const name = options.publisher ?? report.settings.publisher;
  return name === null || name.trim() === "" ? null : name;
}

/** What the export would publish, leave out and lack. */
export function planClaimReview(report: Report, options: Pick<ExportOptions, "publisher">): ClaimReviewPlan {
  const missing: ClaimReviewSetting[] = [];
  if (webUrl(report.settings.url) === null) missing.push("settings.url");
  if (publisherOf(report, options) === null) missing.push("publisher");
  const rated = report.claims.filter((claim) => claim.verdict !== null);
  const published = rated.filter((claim) => claim.verdict!.claim !== null);
  return {
    missing,
    published,
    leftOut: rated.filter((claim) => claim.verdict!.claim === null),
    noClaimant: published.filter((claim) => claim.verdict!.claimant === null),
  };
}

/** The export was asked for without what it needs; the CLI names the settings to add. */
export class ClaimReviewRefused extends Error {
  override readonly name = "ClaimReviewRefused";
  constructor(readonly missing: readonly ClaimReviewSetting[]) {
    super(`claimreview needs ${missing.join(" and ")}`);
  }
}

function rating(claim: ReportClaim, verdict: ReportVerdict): Rating {
  const numeric = verdict.rating !== null && Object.hasOwn(RATING_VALUES, verdict.rating) ? RATING_VALUES[verdict.rating] : undefined;
  const finding = verdict.finding === null || verdict.finding === undefined ? null : displayValue(verdict.finding);
  const exact = claim.type === "quantity" && verdict.interval !== null ? ` (${displayInterval(verdict.interval, claim.unit)})` : "";
  const explanation = [verdict.note, finding === null ? null : `Finding: ${finding}${exact}.`].filter((part) => part !== null).join(" ");
  const words = displayRating(verdict.rating);
  return {
    "@type": "Rating",
    alternateName: words,
    name: words,
    ...(numeric === undefined ? {} : { ratingValue: numeric, bestRating: 5, worstRating: 1 }),
    ...(explanation === "" ? {} : { ratingExplanation: explanation }),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Effective dates sort as text; undated statements come after dated ones, file order breaking ties. */
function byDate(statements: readonly ReportStatement[]): ReportStatement[] {
  return statements
    .map((statement, order) => ({ statement, order }))
    .sort((a, b) => (a.statement.on === null ? 1 : 0) - (b.statement.on === null ? 1 : 0) || compareText(a.statement.on ?? "", b.statement.on ?? "") || a.order - b.order)
    .map(({ statement }) => statement);
}

/** Where a statement was said, as a CreativeWork: its link (http(s) only), the document's title, date and publisher. */
function appearanceOf(report: Report, statement: ReportStatement): CreativeWork | null {
  const document = statement.in === null ? undefined : documentOf(report, statement.in);
  const url = statementLink(report, statement).href;
  if (url === null && document === undefined) return null;
  return {
    "@type": "CreativeWork",
    ...(url === null ? {} : { url }),
    ...(document === undefined ? {} : { headline: document.title, publisher: { "@type": "Organization", name: document.publisher } }),
    ...(document?.published ? { datePublished: document.published } : {}),
  };
}

/**
 * The Claim rated: its author is `verdict.claimant`; its appearances are where the claimant's
 * statements of this claim were made or relayed (statements whose origin is the claimant), the
 * first being the earliest dated one; its date is the earliest of those statements.
 */
function claimRated(report: Report, claim: ReportClaim, claimant: string | null): Claim {
  if (claimant === null) return { "@type": "Claim" };
  const source = sourceOf(report, claimant);
  const sourceUrl = webUrl(source?.url);
  const author: Person | Organization = {
    "@type": source !== undefined && PERSON_TYPES.has(source.type) ? "Person" : "Organization",
    name: sourceName(report, claimant),
    ...(sourceUrl === null ? {} : { url: sourceUrl }),
  };
  const said = byDate(claim.statements.filter((s) => s.origin === claimant));
  const seen = new Set<string>();
  const appearances: { work: CreativeWork; dated: boolean }[] = [];
  for (const statement of said) {
    const work = appearanceOf(report, statement);
    const key = JSON.stringify(work);
    if (work === null || seen.has(key)) continue;
    seen.add(key);
    appearances.push({ work, dated: statement.on !== null });
  }
  const first = appearances[0] !== undefined && (appearances[0].dated || appearances.length === 1) ? appearances[0].work : null;
  const date = said[0]?.on ?? null;
  return {
    "@type": "Claim",
    author,
    ...(appearances.length === 0 ? {} : { appearance: appearances.map((a) => a.work) }),
    ...(first === null ? {} : { firstAppearance: first }),
    ...(date === null ? {} : { datePublished: date }),
  };
}

/** The ClaimReview of one claim, at the anchor the html export gives the claim on the published page. */
function claimReview(report: Report, claim: ReportClaim, verdict: ReportVerdict & { claim: string }, base: string, publisher: string): WithContext<ClaimReview> {
  const url = new URL(base);
  url.hash = `claim-${claim.id}`;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: url.href,
    claimReviewed: verdict.claim,
    author: { "@type": "Organization", name: publisher },
    ...(verdict.on === null ? {} : { datePublished: verdict.on }),
    reviewRating: rating(claim, verdict),
    itemReviewed: claimRated(report, claim, verdict.claimant),
  };
}

/**
 * The ClaimReviews of a report, as plain JSON values. `--all` does not apply: a ClaimReview
 * publishes a verdict, so every claim with one is exported, in conflict or not. Throws
 * `ClaimReviewRefused` without an absolute web `settings.url` or a publisher.
 */
export function claimReviews(report: Report, options: Pick<ExportOptions, "publisher">): object[] {
  const plan = planClaimReview(report, options);
  if (plan.missing.length > 0) throw new ClaimReviewRefused(plan.missing);
  const base = webUrl(report.settings.url)!;
  const publisher = publisherOf(report, options)!;
  return plan.published.map((claim) => claimReview(report, claim, claim.verdict as ReportVerdict & { claim: string }, base, publisher));
}

/** Renders the ClaimReviews as a JSON array, or (`options.html`) as the script blocks a page embeds. */
export function claimreview(report: Report, options: ExportOptions): string {
  const reviews = claimReviews(report, options);
  return options.html ? jsonLdScripts(reviews) : JSON.stringify(reviews, null, 2) + "\n";
}
