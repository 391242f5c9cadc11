/** The `claimreview` export (SPEC §12): schema.org ClaimReview JSON-LD for claims with a verdict. */
import type { Report, ReportClaim, ReportVerdict } from "../../core/report/types.js";
import { isWebUrl } from "../../core/shared/url.js";
import { displayRating, displayValue, documentOf, sourceOf } from "./display.js";
import type { ExportOptions } from "./types.js";

/** The author named when no `--publisher` is given. */
export const DEFAULT_PUBLISHER = "claims ledger";

// Source types that are one person; every other type (official, company, union, media, ngo,
// expert, other) is published as an Organization, the safer reading when a type says nothing.
const PERSON_TYPES: ReadonlySet<string> = new Set(["journalist", "eyewitness"]);

// Google's optional numeric scale, best = 5. `unproven` and unrated verdicts get no number:
// they are not a point on the true–false scale.
const RATING_VALUES: Record<string, number> = { false: 1, "mostly-false": 2, mixed: 3, "mostly-true": 4, true: 5 };

type JsonLd = { readonly [key: string]: JsonLdValue };
type JsonLdValue = string | number | JsonLd | readonly JsonLdValue[];

/**
 * A URL to publish: only an absolute http(s) one. The schema refuses any other in a ledger (SPEC
 * §2 v2); this holds for a report built another way too (the library takes any `Report`), so a
 * page embedding the JSON-LD never gets a `javascript:` or `data:` link from it.
 */
function webUrl(url: string | null | undefined): string | null {
  return url !== null && url !== undefined && isWebUrl(url) ? url : null;
}

/** Drops the null entries, since JSON-LD says "unknown" by leaving a property out. */
function compact(entries: Record<string, JsonLdValue | null | undefined>): JsonLd {
  const out: Record<string, JsonLdValue> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

function rating(claim: ReportClaim, verdict: ReportVerdict): JsonLd {
  const numeric = verdict.rating !== null && Object.hasOwn(RATING_VALUES, verdict.rating) ? RATING_VALUES[verdict.rating] : undefined;
  const judged = claim.positions.filter((position) => position.vsFinding !== null);
  const explanation = [verdict.note, verdict.finding === null || verdict.finding === undefined ? null : `Finding: ${displayValue(verdict.finding)}.`]
    .filter((part): part is string => part !== null)
    .join(" ");
  return compact({
    "@type": "Rating",
    alternateName: displayRating(verdict.rating),
    ratingValue: numeric,
    bestRating: numeric === undefined ? undefined : 5,
    worstRating: numeric === undefined ? undefined : 1,
    ratingExplanation: explanation === "" ? null : explanation,
    // Per position, whether it agrees with the finding. schema.org lists `additionalProperty` on
    // other types than Rating, but its domains are advisory and JSON-LD readers keep the property;
    // the same facts are not expressible with Rating's own properties.
    additionalProperty:
      judged.length === 0
        ? null
        : judged.map((position) => ({ "@type": "PropertyValue", name: position.source, value: position.vsFinding as string })),
  });
}

function claimReview(report: Report, claim: ReportClaim, verdict: ReportVerdict, publisher: string): JsonLd {
  const speakers = [...new Set(claim.statements.map((statement) => statement.source))];
  const authors = speakers.map((id) => {
    const source = sourceOf(report, id);
    return compact({
      "@type": source !== undefined && PERSON_TYPES.has(source.type) ? "Person" : "Organization",
      name: source?.name ?? id,
      url: webUrl(source?.url),
    });
  });
  const cited = [...new Set(claim.statements.map((statement) => statement.in).filter((id): id is string => id !== null))];
  const appearance = cited.map((id) => {
    const document = documentOf(report, id);
    return compact({
      "@type": "CreativeWork",
      url: webUrl(document?.url),
      headline: document?.title ?? id,
      datePublished: document?.published,
      publisher: document === undefined ? null : { "@type": "Organization", name: document.publisher },
    });
  });
  // ISO dates (YYYY-MM-DD) sort as text.
  const dates = claim.statements.map((statement) => statement.on).filter((on): on is string => on !== null).sort();
  return compact({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    // The ledger's `settings.url` (where the fact-checks are published) with the anchor the html
    // export gives each claim; without it, a fragment resolved against the embedding page.
    url: `${webUrl(report.settings.url) ?? ""}#claim-${claim.id}`,
    claimReviewed: claim.question,
    author: { "@type": "Organization", name: publisher },
    datePublished: verdict.on,
    reviewRating: rating(claim, verdict),
    itemReviewed: compact({
      "@type": "Claim",
      // Always a list: a claim is usually made by several sources, and one shape is easier to read.
      author: authors,
      appearance: appearance.length === 0 ? null : appearance,
      datePublished: dates[0],
    }),
  });
}

/**
 * Renders one ClaimReview per claim with a verdict, as a JSON array. `--all` does not apply: a
 * ClaimReview publishes a verdict, so every claim with one is exported, in conflict or not, and
 * a claim without one never is.
 */
export function claimreview(report: Report, options: ExportOptions): string {
  const reviews = report.claims.flatMap((claim) => (claim.verdict === null ? [] : [claimReview(report, claim, claim.verdict, options.publisher ?? report.settings.publisher ?? DEFAULT_PUBLISHER)]));
  return JSON.stringify(reviews, null, 2) + "\n";
}
