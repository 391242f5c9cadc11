import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { itAtScale } from "./helpers/run.js";
import { holds } from "./helpers/property.js";
import { archiveText } from "../src/core/quotes/archive-text.js";
import { checkQuote, CLOSEST_LIMITS, ClosestBudget, findFragment, normalizeText, normalizeTracked, type PreparedArchive, prepareArchive, type QuoteMatch } from "../src/core/quotes/match.js";

const check = (quote: string, archive: string): QuoteMatch => checkQuote(quote, prepareArchive(archive));
const verified = (quote: string, archive: string): boolean => check(quote, archive).result === "verified";

const SPEECH =
  "The minister said: “We will not raise taxes – not this year, not next year.” Then she left… " +
  "The police — who arrived late — made no arrests. It’s the government’s view that the ﬁnal report is “accurate”.";

describe("normalizeText (SPEC §7)", () => {
  it.each([
    // (v2) Every quotation mark is one and the same mark: the apostrophe.
    ["typographic double quotes", "“a” „b‟ «c»", "'a' 'b' 'c'"],
    ["typographic single quotes and apostrophes", "‘a’ it’s ‛b‚", "'a' it's 'b'"],
    ["straight double quotes and backticks", '"a" `b`', "'a' 'b'"],
    ["guillemets, CJK corner brackets, full-width and dingbat quotes", "‹a› 「b」 『c』 ＂d＂ ＇e＇ ❝f❞ ❛g❜ 〝h〞 ⹂i", "'a' 'b' 'c' 'd' 'e' 'f' 'g' 'h' 'i"],
    ["primes, the acute accent and modifier letters used as quotes", "′a″ ‵b‶ ´c´ itʼs ˝d˝", "'a' 'b' 'c' it's 'd'"],
    ["dashes", "a–b — c ‒ d − e", "a-b - c - d - e"],
    ["ellipsis", "wait…", "wait..."],
    ["case", "The POLICE Said", "the police said"],
    ["white space runs, tabs, newlines, no-break spaces", "  a \t b\n\n c\u00A0d\r\n", "a b c d"],
    ["full-width letters (NFKC)", "ＦＵＬＬ ｗｉｄｔｈ １２", "full width 12"],
    ["ligatures (NFKC)", "ﬁnal ﬂow", "final flow"],
    ["decomposed é composes", "cafe\u0301", "caf\u00E9"],
    // U+0300 is the first combining mark: an ASCII letter before it is composed with it too.
    ["the first combining mark composes with an ASCII letter", "e\u0300 a\u0300", "\u00E8 \u00E0"],
    ["soft hyphen and zero-width characters vanish", "co\u00ADoper\u200Bate", "cooperate"],
    ["final sigma folds like sigma", "ΟΔΟΣ οδος", "οδοσ οδοσ"],
    ["ß folds to ss", "Straße STRASSE", "strasse strasse"],
    ["decomposed Hangul composes", "\u1100\u1161", "\uAC00"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("the ASCII shortcut of normalisation", () => {
  // ASCII text skips NFKC and the mapping tables; the long way round must agree with it exactly.
  const ascii = fc.string({ unit: fc.constantFrom("a", "Z", "'", '"', "`", "-", ".", " ", "\t", "\n", "\r", "\v", "\f", "\u0000", "\u001b", "\u007f"), maxLength: 60 });

  it("gives the same text as the general path", () => {
    holds(fc.property(ascii, (s) => normalizeText(s) === normalizeTracked(s).text));
  });

  it("maps a prepared ASCII archive back to its original text as the general path does", () => {
    holds(
      fc.property(ascii, (s) => {
        const prepared = prepareArchive(s);
        const tracked = normalizeTracked(s);
        return prepared.normalized === tracked.text && prepared.origin.join() === tracked.origin.join();
      }),
    );
  });

  it("names the closest passage of an ASCII archive in its original spacing and case", () => {
    expect(check("the Police  arrived   early", "Then THE POLICE\n\tarrived late, at nine.")).toEqual({
      result: "not-found",
      closest: "THE POLICE arrived late",
      similarity: 83,
    });
  });
});

describe("normalizeTracked", () => {
  it("keeps where each unit came from past its first buffer of 256 units", () => {
    const text = "É" + "a".repeat(299) + "  B";
    const { text: normalized, origin } = normalizeTracked(text);
    expect(normalized).toBe("é" + "a".repeat(299) + " b");
    expect(origin.length).toBe(302);
    expect([origin[0], origin[1], origin[255], origin[256], origin[299], origin[300], origin[301]]).toEqual([0, 1, 255, 256, 299, 300, 302]);
  });
});

describe("normalisation of any text", () => {
  // A reference written for this test: split into base characters with their combining marks,
  // normalise each segment on its own (map, NFKC, lower case, map), collapse white space.
  // (v2) Every character with Unicode's Quotation_Mark property, and the backtick, is one mark.
  const MAP: Record<string, string> = { "`": "'", "\u2014": "-", "\u2026": "...", "\u00AD": "", "\u03C2": "\u03C3", "\u00DF": "ss" };
  const mapped = (t: string) => [...t].map((ch) => MAP[ch] ?? (/\p{Quotation_Mark}/u.test(ch) ? "'" : ch)).join("");
  const reference = (t: string) =>
    (t.match(/[^\p{M}\u1160-\u11FF][\p{M}\u1160-\u11FF]*|[\p{M}\u1160-\u11FF]+/gsu) ?? [])
      .map((segment) => mapped(mapped(segment).normalize("NFKC").toLowerCase()))
      .join("")
      .replace(/\s+/gu, " ")
      .trim();
  const unit = fc.constantFrom("a", "Q", " ", "\n", "’", "“", "”", '"', "'", "`", "«", "「", "＂", "—", "…", "\u00AD", "é", "e", "\u0301", "\u0327", "Σ", "ς", "ß", "Ж", "ж", "中", "\u1100", "\u1161", "ﬁ", "\u00A0", "\u{1D400}", "\u{1F600}", ".");
  const text = fc.array(unit, { maxLength: 40 }).map((units) => units.join(""));

  it("agrees with the reference, whatever was normalised before", () => {
    holds(fc.property(text, text, (s, t) => normalizeText(s) === reference(s) && normalizeText(t) === reference(t) && normalizeText(s) === reference(s)));
  });

  it("gives an archive the same text as a quote", () => {
    holds(fc.property(text, (s) => prepareArchive(s).normalized === normalizeText(s) && normalizeTracked(s).text === normalizeText(s)));
  });
});

describe("checkQuote: normalisation", () => {
  it.each([
    ["straight quotes for typographic", `We will not raise taxes - not this year, not next year.`],
    ["straight apostrophes", "It's the government's view"],
    ["hyphen for an em dash", "The police - who arrived late - made no arrests"],
    ["three dots for …", "Then she left..."],
    ["other case", "THE POLICE — WHO ARRIVED LATE"],
    ["other white space", "The   police —\n who arrived\tlate"],
    ["full-width letters", "ｍａｄｅ ｎｏ ａｒｒｅｓｔｓ"],
    ["fi written without the ligature", "the final report"],
    ["typographic quotes inside the quote", "the final report is \u201Caccurate\u201D"],
    ["the whole quote wrapped in quotation marks", "“made no arrests”"],
    ["the whole quote wrapped in straight quotes", '"made no arrests."'],
    ["the whole quote wrapped in single quotes", "'made no arrests'"],
    // (v2) The archive's double quotes turned into single ones inside the quotation, and back.
    ["single quotes for the archive's double quotes inside", "the final report is 'accurate'"],
    ["single typographic quotes for the archive's double quotes inside", "the final report is \u2018accurate\u2019"],
    ["guillemets for the archive's double quotes inside", "the final report is «accurate»"],
    ["double quotes for the archive's apostrophe", 'It"s the government"s view'],
    ["a backtick for the archive's apostrophe", "It`s the government`s view"],
  ])("verifies with %s", (_name, quote) => {
    expect(check(quote, SPEECH)).toEqual({ result: "verified" });
  });

  it("matches a composed é in the quote to a decomposed one in the archive, and the reverse", () => {
    expect(verified("un café noir", "Il a bu un cafe\u0301 noir.")).toBe(true);
    expect(verified("un cafe\u0301 noir", "Il a bu un café noir.")).toBe(true);
  });

  it("folds case fully: final sigma and ß", () => {
    expect(verified("ΟΔΟΣ ΠΑΝΕΠΙΣΤΗΜΙΟΥ", "στην οδος πανεπιστημιου")).toBe(true);
    expect(verified("in der Straße", "IN DER STRASSE")).toBe(true);
  });

  it("composes decomposed Hangul", () => {
    expect(verified("\uAC00\uB098", "\u1100\u1161\u1102\u1161")).toBe(true);
  });
});

describe("checkQuote: gaps", () => {
  it.each([
    ["an ellipsis", "We will not raise taxes... not next year"],
    ["a typographic ellipsis", "We will not raise taxes … not next year"],
    ["four dots", "We will not raise taxes.... Then she left"],
    ["a bracketed insertion", "[The police] made no arrests"],
    ["an insertion in the middle", "The police [officers] made no arrests"],
    ["[...]", "The police [...] made no arrests"],
    ["several gaps", "The minister said... not this year [...] Then she left... made no arrests"],
  ])("verifies fragments in order around %s", (_name, quote) => {
    expect(check(quote, SPEECH)).toEqual({ result: "verified" });
  });

  it("rejects fragments that appear only out of order", () => {
    expect(check("made no arrests... The minister said", SPEECH).result).toBe("not-found");
    expect(check("not next year [...] We will not raise taxes", SPEECH).result).toBe("not-found");
  });

  it("needs a fragment to occur after the previous one, not merely somewhere", () => {
    expect(verified("alpha ... beta ... alpha", "alpha beta gamma")).toBe(false);
    expect(verified("alpha ... beta ... alpha", "alpha beta gamma alpha")).toBe(true);
  });

  it("does not treat a bracketed insertion as words to find", () => {
    expect(verified("[Prime Minister] Smith said no", "Smith said no.")).toBe(true);
  });

  it("takes a full stop, or two dots, for punctuation, not a gap", () => {
    // As gaps, "said no" and "then left" would both be found in order.
    expect(verified("said no. Then left", "He said no, then left.")).toBe(false);
    expect(verified("said no.. Then left", "He said no, then left.")).toBe(false);
    expect(verified("said no. Then left", "He said no. Then left.")).toBe(true);
  });

  it("does not let two fragments share words of the archive", () => {
    // "the police" ends where "police fired" would have to start: fragments may not overlap.
    expect(verified("the police ... police fired", "the police fired")).toBe(false);
    expect(verified("the police ... police fired", "the police came, and police fired")).toBe(true);
  });
});

describe("checkQuote: the edges of gaps and quotes", () => {
  it("drops the quotation marks that open and close the quote, and those around each fragment", () => {
    expect(verified("“ten people were killed”", "Officials said ten people were killed.")).toBe(true);
    expect(verified("'ten people' ... 'killed'", "Officials said ten people were killed.")).toBe(true);
    // A mark inside the quote is text to find.
    expect(verified("ten 'people' were", "Officials said ten people were killed.")).toBe(false);
  });

  it("takes dots between letters (U.S.) for text, not a gap", () => {
    expect(verified("U.S. troops", "U, troops")).toBe(false);
    expect(verified("U.S. troops", "The U.S. troops left.")).toBe(true);
  });

  it("takes a `[` without a `]` after it, and a `]` before any `[`, for text", () => {
    expect(verified("ten [people", "ten [people were")).toBe(true);
    expect(verified("ten [people", "ten people were")).toBe(false);
    expect(verified("said] [sic] it was", "They said] it was no.")).toBe(true);
    expect(verified("said] [sic] it was", "They said it was no.")).toBe(false);
  });
});

describe("findFragment", () => {
  /** Every offset from `from` on, the first whose occurrence has real word edges: the definition, read off directly. */
  const reference = (text: string, frag: string, from: number): number => {
    const word = (s: string, i: number) => i >= 0 && i < s.length && /[a-z0-9]/.test(s[i]);
    for (let at = from; at + frag.length <= text.length; at++) {
      if (text.slice(at, at + frag.length) !== frag) continue;
      if (word(frag, 0) && word(text, at - 1)) continue;
      if (word(frag, frag.length - 1) && word(text, at + frag.length)) continue;
      return at;
    }
    return -1;
  };

  it("finds the first occurrence whose word edges are real word edges, however often earlier ones fail", () => {
    // Few letters, so that overlapping and repeated occurrences are common.
    const text = fc.string({ unit: fc.constantFrom("a", "b", " ", "."), maxLength: 40 });
    const frag = fc.string({ unit: fc.constantFrom("a", "b", " ", "."), minLength: 1, maxLength: 6 });
    holds(fc.property(text, frag, fc.nat(40), (t, f, from) => findFragment(t, f, Math.min(from, t.length)) === reference(t, f, Math.min(from, t.length))), { numRuns: 2_000 });
  });

  it.each<[string, string, number, number]>([
    ["aab aaab aab", "aab", 0, 0],
    ["xaab aaab aab", "aab", 0, 10],
    ["ababab abab", "abab", 0, 7],
    ["aaaa aaa", "aaa", 0, 5],
    ["aaaa aaa", "aaa", 6, -1],
    // The occurrence taken overlaps a partial match: the search falls back within the fragment.
    ["a.a.bx a.a.a.b", "a.a.b", 0, 9],
  ])("in %j, %j from %i is at %i", (text, frag, from, at) => {
    expect(findFragment(text, frag, from)).toBe(at);
  });
});

describe("checkQuote: mismatches", () => {
  it("reports a misquote (one word changed) with the right closest passage and a high similarity", () => {
    const r = check("“We will not lower taxes – not this year, not next year.”", SPEECH);
    expect(r.result).toBe("not-found");
    if (r.result !== "not-found") return;
    expect(r.closest).toBe("We will not raise taxes – not this year, not next year");
    expect(Number.isInteger(r.similarity)).toBe(true);
    expect(r.similarity).toBeGreaterThanOrEqual(80);
    expect(r.similarity).toBeLessThanOrEqual(99);
  });

  it("names the closest passage in the archive's own spelling", () => {
    const r = check("the police, who arrived late, made two arrests", SPEECH);
    expect(r).toMatchObject({ result: "not-found", closest: "The police — who arrived late — made no arrests" });
  });

  // (v2) SPEC §7: the closest passage covers the part that differs, not only the prefix before it.
  it.each<[string, string, string, number]>([
    // The archive says more where the quote ends: the passage runs on to the quote's last word.
    [
      "Ten people were killed in Zhanaozen",
      "Officials said: “Ten people were killed as a result of mass disorder in the town of Zhanaozen.” Others disagreed.",
      "Ten people were killed as a result of mass disorder in the town of Zhanaozen",
      46,
    ],
    [
      "the police fired first, killing ten",
      "Witnesses say the police fired first, wounding dozens and killing ten people, then left.",
      "the police fired first, wounding dozens and killing ten",
      64,
    ],
    // The passage ends the archive: the archive's last words are a candidate too.
    ["They were using firearms and cold steel and explosives", "Earlier text here. They were using firearms and cold steel", "They were using firearms and cold steel", 72],
    // A closing quotation mark and punctuation are part of the passage where they bring it closer.
    ["he called them “hooligans”, and left", "He called them “hooligans”. Then he left.", "He called them “hooligans”. Then he left", 83],
  ])("names the whole differing passage for %j", (quote, archive, closest, similarity) => {
    expect(check(quote, archive)).toEqual({ result: "not-found", closest, similarity });
  });

  it.each<[string, string, string, number]>([
    // The punctuation after the passage, and before it, is taken in where the quote has it too.
    ["the police left!", "Then the police came! Later.", "the police came!", 75],
    ["(the police left", "Earlier (the police came) later", "(the police came", 75],
    // A quote that repeats a word: the passage that repeats it as often.
    ["no no no, he said", "He said no. Then: no, no, no, she said.", "no, no, no, she said", 85],
  ])("names %j's closest passage with the marks around it", (quote, archive, closest, similarity) => {
    expect(check(quote, archive)).toEqual({ result: "not-found", closest, similarity });
  });

  it("gives a low similarity for a quote that has nothing to do with the archive", () => {
    const r = check("completely unrelated words about weather", SPEECH);
    expect(r.result).toBe("not-found");
    if (r.result === "not-found") expect(r.similarity).toBeLessThan(50);
  });

  it("matches only at word boundaries", () => {
    expect(verified("he left", "Then she left.")).toBe(false);
    expect(verified("she left", "Then she left.")).toBe(true);
    expect(verified("polic", SPEECH)).toBe(false);
    expect(verified("inister said", SPEECH)).toBe(false);
    expect(verified("the minister", "the ministers")).toBe(false);
  });

  it("allows punctuation next to a word", () => {
    expect(verified("no arrests.", SPEECH)).toBe(true);
    expect(verified("minister said:", SPEECH)).toBe(true);
  });

  it.each([[""], ['""'], ["“ ”"], ["..."], ["[...]"], ["  \n "]])("does not verify an empty quote %j", (quote) => {
    expect(check(quote, SPEECH)).toEqual({ result: "not-found", closest: "", similarity: 0 });
  });

  it("handles an empty archive", () => {
    expect(check("anything", "")).toEqual({ result: "not-found", closest: "", similarity: 0 });
  });
});

describe("the budget of closest-passage searches", () => {
  it("gives each archive the larger of a floor and a multiple of its length, and a run its total", () => {
    expect(CLOSEST_LIMITS).toEqual({ perArchiveFactor: 64, perArchiveFloor: 1_000_000, perRun: 50_000_000 });
    const budget = new ClosestBudget();
    expect(budget.take(1)).toBe(false); // no archive started: nothing to spend
    budget.startArchive(10);
    expect(budget.take(1_000_000)).toBe(true);
    expect(budget.take(1)).toBe(false);
    budget.startArchive(20_000); // 64 × 20,000 = 1,280,000
    expect(budget.take(1_280_001)).toBe(false);
    expect(budget.take(1_280_000)).toBe(true);
    expect(budget.take(1)).toBe(false);
    // The run had 50,000,000 and has spent 2,280,000 of it.
    budget.startArchive(1_000_000);
    expect(budget.take(47_720_001)).toBe(false);
    expect(budget.take(47_720_000)).toBe(true);
    budget.startArchive(1_000_000);
    expect(budget.take(1)).toBe(false);
  });

  it("charges a search the archive's length, one, and half the square of the quote (rounded up); past it, no closest passage", () => {
    const archive = prepareArchive("The police said"); // 15 units
    const misquote = "the army said"; // 13 units: 15 + 1 + ⌈169 / 2⌉ = 101
    const found = { result: "not-found", closest: "The police said", similarity: 60 };
    const withLeft = (left: number) => {
      const budget = new ClosestBudget();
      budget.startArchive(15);
      expect(budget.take(1_000_000 - left)).toBe(true);
      return budget;
    };
    const exact = withLeft(101);
    expect(checkQuote(misquote, archive, exact)).toEqual(found);
    expect(checkQuote(misquote, archive, exact)).toEqual({ result: "not-found", closest: null, similarity: null });
    expect(checkQuote(misquote, archive, withLeft(100))).toEqual({ result: "not-found", closest: null, similarity: null });
    // A quote that is found costs nothing.
    expect(checkQuote("police said", archive, withLeft(0))).toEqual({ result: "verified" });
  });
});

describe("archiveText", () => {
  const HTML = [
    "<!doctype html><html><head><title>Press release</title>",
    "<style>p { color: red } .secret-style-words { }</style>",
    "<script>var quote = 'secret script words';</script></head><body>",
    "<!-- secret comment words -->",
    "<p>The <b>re</b>port said &ldquo;no&rdquo; &amp; nothing&nbsp;else &#x2014; &#8220;ok&#8221;.</p>",
    "<p>First paragraph</p><p>Second paragraph</p>",
    "<ul><li>one</li><li>two</li></ul>line<br>break",
    "<template>secret template words</template>",
    "</body></html>",
  ].join("\n");
  // Made before each test rather than while tests are collected, so that the mutation run
  // (`npm run mutate`) knows which tests reach the code.
  let text: string;
  beforeEach(() => { text = archiveText(HTML, ".html"); });

  it("drops scripts, styles, templates and comments", () => {
    expect(text).not.toMatch(/secret/);
    expect(text).not.toContain("<");
  });

  it("decodes entities", () => {
    expect(text).toContain("The report said \u201Cno\u201D & nothing\u00A0else \u2014 \u201Cok\u201D.");
  });

  it("does not split words at inline tags, but separates blocks", () => {
    const p = prepareArchive(text);
    expect(checkQuote("The report said “no” & nothing else - “ok”", p)).toEqual({ result: "verified" });
    expect(checkQuote("First paragraph Second paragraph", p)).toEqual({ result: "verified" });
    expect(checkQuote("paragraphSecond", p).result).toBe("not-found");
    expect(checkQuote("one two", p)).toEqual({ result: "verified" });
    expect(checkQuote("onetwo", p).result).toBe("not-found");
    expect(checkQuote("line break", p)).toEqual({ result: "verified" });
    expect(checkQuote("secret script words", p).result).toBe("not-found");
    expect(checkQuote("secret comment words", p).result).toBe("not-found");
  });

  it("keeps the title's text apart from the body", () => {
    expect(normalizeText(text).startsWith("press release")).toBe(true);
  });

  it.each([
    // A browser ignores an end tag that closes nothing: it separates no words.
    ["a stray end tag", "ten</div>people", "tenpeople"],
    ["an end tag once too often", "<div>a</div>b</div>c", "\na\nbc"],
    ["an inline end tag once too often", "<b>a</b></b>c", "ac"],
    // A form inside a form is no element: neither it nor its first end tag separates anything.
    ["a form inside a form", "<form>a<form>b</form>c</form>d", "\nab\ncd"],
    ["entities inside a template", "<template>a &amp; b</template>x", "x"],
    ["a script ended twice", "<script>x</script></script>y", "y"],
    // CDATA is text only in SVG and MathML; elsewhere it is a bogus comment.
    ["CDATA inside and outside SVG", "<p><![CDATA[no]]>yes</p><svg><![CDATA[in]]></svg><![CDATA[after]]>", "\nyes\nin"],
  ])("reads %s as a browser would", (_name, html, text) => {
    expect(archiveText(html, "html")).toBe(text);
  });

  it("treats .htm and upper-case extensions as HTML, anything else as plain text", () => {
    expect(archiveText("<b>x</b>", "htm")).toBe("x");
    expect(archiveText("<b>x</b>", ".HTML")).toBe("x");
    expect(archiveText("<b>x</b> &amp;", ".txt")).toBe("<b>x</b> &amp;");
    expect(archiveText("<b>x</b>", "")).toBe("<b>x</b>");
  });
});

/** `count` words of a small vocabulary, in an order without short repeats. */
function manyWords(count: number): string[] {
  const VOCAB = ["alpha", "beta", "gamma", "delta", "the", "police", "said", "minister", "report", "taxes"];
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(VOCAB[(i * 7919) % VOCAB.length] + (i % 17));
  return words;
}

// Long quotes in a long archive: 4,000 words always, a megabyte as a check of scale (skipped in
// the mutation run, tests/helpers/run.ts, where instrumented code runs ten times slower).
describe.each([
  { size: 4_000, at: 2_000, scale: false },
  { size: 160_000, at: 90_000, scale: true },
])("long quotes in an archive of $size words", ({ size, at, scale }) => {
  const words = manyWords(size);
  const archive = words.join(" ");
  const quote = (): string[] => words.slice(at, at + 1_000);
  let prepared: PreparedArchive;
  beforeEach(() => { prepared = prepareArchive(archive); });
  const itSized = scale ? itAtScale : it;

  itSized("prepares every word", () => {
    expect(archive.length).toBeGreaterThan(size * 5);
    expect(prepared.words.wordId.length).toBe(size);
  });

  itSized("verifies a 1,000-word quote", () => {
    expect(checkQuote(quote().join(" "), prepared)).toEqual({ result: "verified" });
  });

  itSized("finds the closest passage for a 1,000-word misquote, shortened to about 200 characters", () => {
    const misquote = quote();
    misquote[3] = "misquoted";
    const r = checkQuote(misquote.join(" "), prepared);
    expect(r).toEqual({ result: "not-found", closest: expect.stringMatching(/…$/), similarity: 99 });
    if (r.result !== "not-found") return;
    // A passage of the archive as written (words repeat every 170, so not necessarily at `at`).
    const closest = r.closest ?? "";
    expect(archive.includes(closest.slice(0, -1))).toBe(true);
    expect(closest.length).toBeGreaterThan(150);
    expect(closest.length).toBeLessThanOrEqual(201);
  });

  itSized("never calls a quote that was not found 100% similar, even when the change lies past what is compared", () => {
    const misquote = quote();
    misquote[999] = "misquoted";
    const r = checkQuote(misquote.join(" "), prepared);
    expect(r).toEqual({ result: "not-found", closest: expect.stringMatching(/…$/), similarity: 99 });
    if (r.result === "not-found") expect(archive.includes((r.closest ?? "").slice(0, -1))).toBe(true);
  });

  itSized("verifies a quote made of many gaps", () => {
    expect(checkQuote(quote().join(" ... "), prepared)).toEqual({ result: "verified" });
  });
});
