/**
 * The claimreview export (SPEC §12 v2): the assertion rated, by its claimant, where and when it
 * appeared; an absolute url and a publisher, or a refusal that names them; Google's required and
 * recommended fields; and the script blocks a page embeds, read back by an HTML parser.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "htmlparser2";
import { afterAll, describe, expect, it } from "vitest";
import type { Report, ReportClaim } from "../src/core/report/types.js";
import { ClaimReviewRefused, claimreview, claimReviews, planClaimReview } from "../src/formats/exports/claimreview.js";
import { jsonLdScripts, scriptSafeJson } from "../src/formats/exports/claimreview-html.js";
import { sanitize } from "../src/formats/sanitize.js";
import { hostile } from "./fixtures/reports/hostile.js";
import { claim, report, statement } from "./fixtures/reports/build.js";
import { zhanaozen } from "./fixtures/reports/zhanaozen.js";
import { runBin } from "./helpers/run.js";

type Json = Record<string, unknown>;

const SETTINGS = { publisher: "Example Fact Check", url: "https://factcheck.example/zhanaozen/" };

/** The example report with its death toll's verdict naming the claim it rates and who made it. */
const rated: Report = {
  ...zhanaozen,
  settings: SETTINGS,
  claims: zhanaozen.claims.map((c) => (c.id === "death-toll" ? { ...c, verdict: { ...c.verdict!, claim: "Sixteen people were killed", claimant: "prosecutor-general" } } : c)),
};

const OPTIONS = { all: false, publisher: null };

/**
 * Google's fact-check fields (developers.google.com/search/docs/appearance/structured-data/factcheck):
 * what each object lacks of the required and of the recommended ones.
 */
function googleGaps(review: Json): { required: string[]; recommended: string[] } {
  const rating = (review.reviewRating ?? {}) as Json;
  const item = (review.itemReviewed ?? {}) as Json;
  const lacking = (object: Json, prefix: string, keys: string[]) => keys.filter((key) => object[key] === undefined || object[key] === "").map((key) => `${prefix}${key}`);
  return {
    required: [...lacking(review, "", ["claimReviewed", "reviewRating", "url"]), ...lacking(rating, "Rating.", ["alternateName"])],
    recommended: [
      ...lacking(review, "", ["author", "datePublished", "itemReviewed"]),
      ...lacking(item, "Claim.", ["appearance", "author", "datePublished", "firstAppearance"]),
      ...lacking(rating, "Rating.", ["bestRating", "name", "ratingValue", "worstRating"]),
    ],
  };
}

describe("claimreview: what is published", () => {
  it("rates verdict.claim, by its claimant, with the claimant's appearances, first one and date", () => {
    const [review, ...rest] = JSON.parse(claimreview(rated, OPTIONS)) as Json[];
    expect(rest).toEqual([]); // who-fired-first has a verdict but no verdict.claim: left out
    const reuters = { "@type": "CreativeWork", headline: "Ten killed in Kazakh oil town clashes", publisher: { "@type": "Organization", name: "Reuters" }, datePublished: "2011-12-16" };
    expect(review).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://factcheck.example/zhanaozen/#claim-death-toll",
      claimReviewed: "Sixteen people were killed",
      author: { "@type": "Organization", name: "Example Fact Check" },
      datePublished: "2012-01-26",
      reviewRating: {
        "@type": "Rating",
        alternateName: "Mixed",
        name: "Mixed",
        ratingValue: 3,
        bestRating: 5,
        worstRating: 1,
        ratingExplanation: "Official records list 16 dead; independent counts could not be verified. Finding: 16-20 (16–20 people).",
      },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "Prosecutor-General's Office of Kazakhstan", url: "https://prokuror.gov.kz" },
        // The claimant's statements in date order: the 10 in Reuters (no link), the 16 in Al Jazeera.
        appearance: [
          reuters,
          {
            "@type": "CreativeWork",
            url: "https://www.aljazeera.com/news/2011/12/17/security-clampdown-on-kazakh-town",
            headline: "Security clampdown on Kazakh town",
            publisher: { "@type": "Organization", name: "Al Jazeera" },
            datePublished: "2011-12-17",
          },
        ],
        firstAppearance: reuters,
        datePublished: "2011-12-16",
      },
    });
    expect(googleGaps(review!)).toEqual({ required: [], recommended: [] });
  });

  it("gives an unproven or unrated verdict words only: alternateName and name, no point on the scale", () => {
    for (const rating of ["unproven", null]) {
      const unproven: Report = { ...rated, claims: rated.claims.map((c) => (c.id === "death-toll" ? { ...c, verdict: { ...c.verdict!, rating } } : c)) };
      const [review] = JSON.parse(claimreview(unproven, OPTIONS)) as Json[];
      const words = rating === null ? "Unrated" : "Unproven";
      expect(review!.reviewRating).toEqual({ "@type": "Rating", alternateName: words, name: words, ratingExplanation: expect.stringMatching(/^Official records/) });
      expect(googleGaps(review!)).toEqual({ required: [], recommended: ["Rating.bestRating", "Rating.ratingValue", "Rating.worstRating"] });
    }
  });

  it("takes the first appearance only where it is known to be first, and links only http(s) addresses", () => {
    const base = { id: "c", question: "Q?", type: "quantity" as const, status: "single-source" as const };
    const verdict = { finding: null, rating: "false", note: null, by: null, on: null, interval: null, claim: "C", claimant: "a" };
    const sources = [{ id: "a", name: "A", type: "eyewitness", side: null, url: "javascript:alert(1)" }];
    const documents = [
      { id: "d1", title: "One", publisher: "P", url: "data:text/html,x", published: null },
      { id: "d2", title: "Two", publisher: "P", url: null, published: null },
    ];
    const of = (statements: ReturnType<typeof statement>[]): Json => {
      const one: ReportClaim = claim({ ...base, statements, verdict });
      return (JSON.parse(claimreview(report([one], sources, documents, SETTINGS), OPTIONS)) as Json[])[0]!.itemReviewed as Json;
    };
    // Two undated appearances: neither is known to be first.
    const two = of([statement({ source: "a", says: 1, in: "d1" }), statement({ source: "a", says: 2, in: "d2", url: "https://a.example/said" })]);
    expect(two).toEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "A" },
      appearance: [
        { "@type": "CreativeWork", headline: "One", publisher: { "@type": "Organization", name: "P" } },
        { "@type": "CreativeWork", url: "https://a.example/said", headline: "Two", publisher: { "@type": "Organization", name: "P" } },
      ],
    });
    // One appearance is the first; a relay of the claimant is where the claim appeared too.
    const relayed = of([statement({ source: "b", via: "a", says: 1, on: "2020-02-02", url: "https://b.example/x" })]);
    expect(relayed.firstAppearance).toEqual({ "@type": "CreativeWork", url: "https://b.example/x" });
    expect(relayed.datePublished).toBe("2020-02-02");
    // No statement of the claimant: an author, nothing else.
    expect(of([statement({ source: "b", says: 1 })])).toEqual({ "@type": "Claim", author: { "@type": "Person", name: "A" } });
  });
});

describe("claimreview: what it needs", () => {
  it("plans the refusal: an absolute web settings.url and a publisher (the option, else the setting)", () => {
    const without = { ...rated, settings: { publisher: null, url: null } };
    expect(planClaimReview(without, { publisher: null }).missing).toEqual(["settings.url", "publisher"]);
    expect(planClaimReview(without, { publisher: "Desk" }).missing).toEqual(["settings.url"]);
    expect(planClaimReview({ ...rated, settings: { publisher: "  ", url: "javascript:alert(1)" } }, { publisher: null }).missing).toEqual(["settings.url", "publisher"]);
    expect(planClaimReview({ ...rated, settings: { publisher: null, url: "/relative#x" } }, { publisher: "Desk" }).missing).toEqual(["settings.url"]);
    expect(planClaimReview(rated, { publisher: null }).missing).toEqual([]);
  });

  it("lists the claims left out (a verdict without verdict.claim) and those without a claimant", () => {
    const noClaimant: Report = { ...rated, claims: rated.claims.map((c) => (c.id === "death-toll" ? { ...c, verdict: { ...c.verdict!, claimant: null } } : c)) };
    const plan = planClaimReview(noClaimant, { publisher: null });
    expect(plan.published.map((c) => c.id)).toEqual(["death-toll"]);
    expect(plan.leftOut.map((c) => c.id)).toEqual(["who-fired-first"]);
    expect(plan.noClaimant.map((c) => c.id)).toEqual(["death-toll"]);
    expect(((JSON.parse(claimreview(noClaimant, OPTIONS)) as Json[])[0]!.itemReviewed as Json)).toEqual({ "@type": "Claim" });
  });

  it("throws ClaimReviewRefused, naming what is missing, rather than print a relative url or a made-up author", () => {
    expect(() => claimreview(zhanaozen, OPTIONS)).toThrow(ClaimReviewRefused);
    try {
      claimReviews(zhanaozen, { publisher: "Desk" });
      expect.unreachable();
    } catch (error) {
      expect((error as ClaimReviewRefused).missing).toEqual(["settings.url"]);
    }
  });

  it("keeps the settings.url's path and query, and puts the claim's anchor in place of any fragment", () => {
    const withFragment = { ...rated, settings: { ...SETTINGS, url: "https://factcheck.example/page?x=1#top" } };
    expect((JSON.parse(claimreview(withFragment, OPTIONS)) as Json[])[0]!.url).toBe("https://factcheck.example/page?x=1#claim-death-toll");
  });
});

describe("claimreview --html: script blocks a CMS embeds", () => {
  /** Each script element's type and text, as an HTML parser sees them. */
  function scripts(html: string): { type: string | undefined; text: string }[] {
    const found: { type: string | undefined; text: string }[] = [];
    let inside: { type: string | undefined; text: string } | null = null;
    const parser = new Parser({
      onopentag: (tag, attributes) => void (tag === "script" && (inside = { type: attributes.type, text: "" })),
      ontext: (text) => void (inside !== null && (inside.text += text)),
      onclosetag: (tag) => {
        if (tag === "script" && inside !== null) found.push(inside);
        inside = null;
      },
    });
    parser.write(html);
    parser.end();
    return found;
  }

  it("escapes <, >, &, U+2028 and U+2029 so that no field can end the element or open a comment, and parses back exactly", () => {
    const value = { a: "</script><!-- <script>alert(1)</script> & \u2028 \u2029 </SCRIPT >", b: ["<!--", "-->"] };
    const text = scriptSafeJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
    const found = scripts(jsonLdScripts([value, { c: 1 }]));
    expect(found.map((s) => s.type)).toEqual(["application/ld+json", "application/ld+json"]);
    expect(found.map((s) => JSON.parse(s.text))).toEqual([value, { c: 1 }]);
  });

  it("writes the hostile report's reviews as blocks that read back as its JSON export, after the CLI's sanitize too", () => {
    const html = claimreview(hostile, { ...OPTIONS, html: true });
    const json = JSON.parse(claimreview(hostile, OPTIONS)) as Json[];
    expect(json).toHaveLength(1);
    expect(json[0]!.claimReviewed).toBe(hostile.claims[0]!.verdict!.claim);
    expect(scripts(html).map((s) => JSON.parse(s.text))).toEqual(json);
    expect(scripts(sanitize(html)).map((s) => JSON.parse(s.text))).toEqual(json);
  });
});

describe("claimreview from the built CLI", () => {
  const work = mkdtempSync(join(tmpdir(), "claims-claimreview-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("publishes the example ledger's rated claim with Google's required and recommended fields", () => {
    const result = runBin(["export", "--format", "claimreview"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const reviews = JSON.parse(result.stdout) as Json[];
    expect(reviews.map((r) => [r.url, r.claimReviewed])).toEqual([["https://factcheck.example/zhanaozen#claim-death-toll", "Ten people were killed as a result of mass disorder."]]);
    // The example's verdict is unproven (no numeric rating) and undated: those gaps, no others.
    expect(googleGaps(reviews[0]!)).toEqual({ required: [], recommended: ["datePublished", "Rating.bestRating", "Rating.ratingValue", "Rating.worstRating"] });
  });

  it("refuses without settings.url and a publisher: exit 2, the settings named, nothing written", () => {
    const out = join(work, "reviews.json");
    const result = runBin(["export", "--format", "claimreview", "-o", out, "tests/fixtures/wider"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("claims: claimreview is refused, nothing written");
    expect(result.stderr).toContain("no `settings.url`");
    expect(result.stderr).toContain("no publisher: `settings.publisher`, or --publisher NAME");
    expect(result.stderr).toContain("  settings:\n    url: https://factcheck.example/zhanaozen\n    publisher: Example Fact Check\n");
    expect(existsSync(out)).toBe(false);
    const url = runBin(["export", "--format", "claimreview", "--publisher", "Desk", "tests/fixtures/wider"]);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain("no `settings.url`");
    expect(url.stderr).not.toContain("no publisher");
  });

  it("says on stderr which claims it left out, and still publishes the others", () => {
    const ledger = join(work, "wider");
    cpSync("tests/fixtures/wider", ledger, { recursive: true });
    writeFileSync(join(ledger, "settings.yaml"), "settings:\n  publisher: Desk\n  url: https://desk.example/checks\n");
    const result = runBin(["export", "--format", "claimreview", "wider"], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `claimreview: left out 'injured' (wider/injured.yaml:2:3): its verdict has no \`claim\`, the assertion as published that the rating is about; add \`verdict.claim\` to publish it\n`,
    );
    expect((JSON.parse(result.stdout) as Json[]).map((r) => r.claimReviewed)).toEqual(["Sixteen people were killed in Zhanaozen"]);
  });

  it("--html applies to claimreview only", () => {
    const result = runBin(["export", "--format", "markdown", "--html"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("claims: --html applies to --format claimreview only (the html format is a whole page already)\n");
  });
});
