/**
 * Output safety (issue 5, part 4): a ledger whose every text holds terminal attacks (clear screen,
 * OSC title, OSC 52 clipboard, C1, DEL, bidi overrides and isolates, zero-width characters) goes
 * through every command and every format of the real CLI, with colour off and forced on, and no
 * forbidden character reaches stdout or stderr. With colour on, SGR sequences are the only escape
 * sequences allowed. Then the sanitiser itself, class by class and as a property.
 */
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holds } from "../helpers/property.js";
import { escapeHtml } from "../../src/formats/exports/html-chart.js";
import { CANDIDATES, hasUnsafe, neutraliseCommands, sanitize, sanitizeFileText, sanitizeKeepingColour, sanitizeLine } from "../../src/formats/sanitize.js";
import { describeBuilt, runBin, type RunResult } from "../helpers/run.js";
import { forbiddenIn, HOSTILE, HOSTILE_FILE_NAME, removeDir, tempDir, writeHostileLedger } from "../fixtures/hazards/hazards.js";

/** argv cannot hold NUL; everything else of the attack goes on the command line too. */
const ARG = HOSTILE.replace("\0", "");

interface Run {
  readonly label: string;
  readonly args: (ledger: string, scratch: string) => readonly string[];
  /** The exit codes this run may end with. */
  readonly exit: number;
  /** Where to run: the ledger folder, or a scratch folder for commands that write. */
  readonly cwd?: "ledger" | "scratch";
  /** A piece of escaped output that proves the hostile text was really shown (not dropped). */
  readonly shows?: string;
  /** More environment for this run. */
  readonly env?: Readonly<Record<string, string>>;
}

/** The OSC title attack, as every format shows it: escaped, visible, inert. */
const ESCAPED_OSC = "\\u001b]0;pwned";

const RUNS: readonly Run[] = [
  { label: "check (text)", args: () => ["check", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "check --format json", args: () => ["check", "--format", "json", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "check --format markdown", args: () => ["check", "--format", "markdown", "--fail-on", "conflict", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "lint --format stylish", args: () => ["lint", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "lint --format json", args: () => ["lint", "--format", "json", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "lint --format github", args: () => ["lint", "--format", "github", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "lint --format sarif", args: () => ["lint", "--format", "sarif", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "export --format markdown", args: () => ["export", "--all", "--format", "markdown", "--publisher", ARG, "."], exit: 1, shows: ESCAPED_OSC },
  { label: "export --format csv", args: () => ["export", "--all", "--format", "csv", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "export --format json", args: () => ["export", "--all", "--format", "json", "."], exit: 1, shows: ESCAPED_OSC },
  { label: "export --format claimreview", args: () => ["export", "--all", "--format", "claimreview", "--publisher", ARG, "."], exit: 1, shows: ESCAPED_OSC },
  { label: "export --format html", args: () => ["export", "--all", "--format", "html", "--publisher", ARG, "."], exit: 1, shows: ESCAPED_OSC },
  { label: "show", args: () => ["show", "evil-claim", "."], exit: 1, shows: ESCAPED_OSC },
  // The source table shows ids (slugs), so no hostile text is expected in it.
  { label: "sources", args: () => ["sources", "."], exit: 1 },
  { label: "schema", args: () => ["schema"], exit: 0 },
  { label: "--help", args: () => ["--help"], exit: 0 },
  { label: "check --help", args: () => ["check", "--help"], exit: 0 },
  { label: "--version", args: () => ["--version"], exit: 0 },
  { label: "init into a folder with a hostile name", args: () => ["init", `new-${ARG}`], exit: 0, cwd: "scratch", shows: ESCAPED_OSC },
  // Usage errors: the hostile text comes back in commander's messages and in ours.
  { label: "an unknown command", args: () => [ARG], exit: 2, shows: ESCAPED_OSC },
  { label: "an unknown option", args: () => ["check", `--${ARG}`], exit: 2, shows: ESCAPED_OSC },
  { label: "a bad --format choice", args: () => ["check", "--format", ARG, "."], exit: 2, shows: ESCAPED_OSC },
  { label: "a bad --fail-on choice", args: () => ["check", "--fail-on", ARG, "."], exit: 2, shows: ESCAPED_OSC },
  { label: "a bad --max-warnings", args: () => ["lint", "--max-warnings", ARG, "."], exit: 2 },
  { label: "show an unknown claim id", args: () => ["show", ARG, "."], exit: 2, shows: ESCAPED_OSC },
  { label: "a path that does not exist", args: () => ["check", ARG], exit: 2, shows: ESCAPED_OSC },
  { label: "export -o into a folder that does not exist", args: () => ["export", "-o", join(ARG, "out.md"), "."], exit: 2, shows: ESCAPED_OSC },
  { label: "a bad CLAIMS_THREADS", args: () => ["check", "."], env: { CLAIMS_THREADS: ARG }, exit: 2, shows: ESCAPED_OSC },
  { label: "export -o onto the hostile ledger file", args: () => ["export", "-o", HOSTILE_FILE_NAME, "."], exit: 2, shows: ESCAPED_OSC },
];

const MODES = [
  { name: "colour off (NO_COLOR=1)", env: { NO_COLOR: "1" }, colour: false },
  { name: "colour off (no variable, not a terminal)", env: {}, colour: false },
  { name: "colour forced (FORCE_COLOR=1)", env: { FORCE_COLOR: "1" }, colour: true },
  { name: "colour forced (FORCE_COLOR=3)", env: { FORCE_COLOR: "3" }, colour: true },
] as const;

let ledger: string;
let scratch: string;
beforeAll(() => {
  ledger = tempDir("output");
  writeHostileLedger(ledger);
});
afterAll(() => {
  removeDir(ledger);
});

function assertSafe(result: RunResult, colour: boolean): void {
  expect(forbiddenIn(result.stdout, colour), "stdout").toEqual([]);
  expect(forbiddenIn(result.stderr, colour), "stderr").toEqual([]);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain("internal error");
}

describeBuilt.each(MODES)("every command and format, $name", ({ env, colour }) => {
  beforeAll(() => {
    scratch = tempDir("output-scratch");
  });
  afterAll(() => removeDir(scratch));

  for (const run of RUNS) {
    it(run.label, () => {
      const cwd = run.cwd === "scratch" ? scratch : ledger;
      const result = runBin(run.args(ledger, scratch), { cwd, env: { ...env, ...run.env }, timeout: 30_000 });
      assertSafe(result, colour);
      expect(result.code).toBe(run.exit);
      if (run.shows) expect(result.stdout + result.stderr).toContain(run.shows);
    });
  }
});

describeBuilt("the hostile ledger is analysed, not just survived", () => {
  it("check --format json round-trips every hostile text exactly (JSON's own escapes)", () => {
    const result = runBin(["check", "--format", "json", "."], { cwd: ledger, env: { NO_COLOR: "1" } });
    const report = JSON.parse(result.stdout) as { claims: { id: string; file: string; question: string; statements: { quote: string | null; quoteCheck: string | null }[] }[] };
    const claim = report.claims.find((c) => c.id === "evil-claim")!;
    expect(claim.question).toBe(HOSTILE);
    expect(claim.file).toBe(HOSTILE_FILE_NAME);
    // The third statement (a hostile source id) is reported and left out; the others are analysed.
    expect(claim.statements.map((s) => s.quoteCheck)).toEqual(["not-found", "verified"]);
    expect(claim.statements[0].quote).toBe(HOSTILE);
  });

  it("colour forced really colours (so the SGR allowance is exercised)", () => {
    const result = runBin(["check", "."], { cwd: ledger, env: { FORCE_COLOR: "1" } });
    expect(result.stdout).toMatch(/\u001b\[[0-9;]*m/);
  });
});

describe("sanitize, class by class", () => {
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, "0")}`;
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const CLASSES: Record<string, readonly number[]> = {
    "C0 except TAB and LF": range(0x00, 0x1f).filter((c) => c !== 0x09 && c !== 0x0a),
    DEL: [0x7f],
    C1: range(0x80, 0x9f),
    "bidi marks, embeddings, overrides and isolates": [0x061c, 0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)],
    "zero-width characters and the BOM": [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff],
    "line and paragraph separators": [0x2028, 0x2029],
  };

  for (const [name, codes] of Object.entries(CLASSES)) {
    it(`escapes ${name} visibly, as \\uXXXX`, () => {
      for (const c of codes) {
        const ch = String.fromCharCode(c);
        expect(sanitize(`a${ch}b`)).toBe(`a${hex(c)}b`);
        expect(sanitizeKeepingColour(`a${ch}b`)).toBe(`a${hex(c)}b`);
        expect(hasUnsafe(`a${ch}b`)).toBe(true);
      }
    });
  }

  // ZWJ and ZWNJ count as zero-width characters and are escaped, so emoji ZWJ sequences show
  // their joiners as \u200d: a deliberate trade for never hiding anything in a terminal.
  it("keeps TAB, LF and ordinary text of every script untouched", () => {
    const text = "tab\there\nnext line · Жаңаөзен · مرحبا · 中文 · 👍🏽 · 𝄞 · e\u0301 · \u00a0nbsp · ~!@#$%^&*()_+{}|:\"<>?";
    expect(sanitize(text)).toBe(text);
    expect(sanitizeKeepingColour(text)).toBe(text);
    expect(hasUnsafe(text)).toBe(false);
  });

  it("keeps SGR colour only in sanitizeKeepingColour, and escapes every other escape sequence there", () => {
    expect(sanitizeKeepingColour("\u001b[31mred\u001b[0m \u001b[1;38;2;255;0;0mtrue\u001b[m")).toBe("\u001b[31mred\u001b[0m \u001b[1;38;2;255;0;0mtrue\u001b[m");
    expect(sanitize("\u001b[31mred\u001b[0m")).toBe("\\u001b[31mred\\u001b[0m");
    for (const attack of ["\u001b[2J", "\u001b]0;pwned\u0007", "\u001b]52;c;cHduZWQ=\u0007", "\u001b[31", "\u001bc", "\u001b[?1049h", "\u001bP+q\u001b\\"]) {
      expect(forbiddenIn(sanitizeKeepingColour(attack), true), JSON.stringify(attack)).toEqual([]);
      expect(sanitizeKeepingColour(attack)).toContain("\\u001b");
    }
  });

  it("sanitizeFileText keeps only a leading BOM and the CR of each CRLF, for diffs that must apply", () => {
    expect(sanitizeFileText("\uFEFFa: 1\r\nb: 2\r\n")).toBe("\uFEFFa: 1\r\nb: 2\r\n");
    expect(sanitizeFileText("a\rb\r\n\r\r\nx\uFEFF\u202e\u001b[2J\r")).toBe("a\\u000db\r\n\\u000d\r\nx\\ufeff\\u202e\\u001b[2J\\u000d");
    expect(sanitizeFileText("\uFEFF\uFEFFx")).toBe("\uFEFF\\ufeffx");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("\r", "\n", "\uFEFF", "\u202e", "\u001b", "a"), maxLength: 30 }), (text) => {
        const out = sanitizeFileText(text);
        // With the allowed bytes taken out, nothing unsafe is left.
        expect(hasUnsafe(out.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n"))).toBe(false);
      }),
    );
  });

  // Issue 18: the class is Unicode's, not a list. Every code point that is a default-ignorable or
  // a format character (or a C0/C1 control but TAB and LF, a line or paragraph separator, or a
  // blank that fonts draw as nothing) is escaped, unit by unit; nothing else is.
  const CLASS = /^[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Default_Ignorable_Code_Point}\p{Cf}\u2028\u2029\u2800\u{1D159}]$/u;
  const SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u180B-\u180D\u180F]$/u;
  const units = (ch: string) => [...Array(ch.length).keys()].map((i) => hex(ch.charCodeAt(i))).join("");

  // Planes 0–3 and 14 hold every assigned character; of the private-use and empty planes, a sample.
  const codePoints = [...Array(0x32400).keys(), ...Array.from({ length: 0x1000 }, (_, i) => 0xe0000 + i), ...Array.from({ length: 0x800 }, (_, i) => 0x32400 + i * 0x199)].filter((cp) => cp < 0xd800 || cp > 0xdfff);

  it("escapes every code point of the class, from Unicode's own properties, and no other", () => {
    const inClass: string[] = [];
    const outside: string[] = [];
    for (const cp of codePoints) {
      const ch = String.fromCodePoint(cp);
      (CLASS.test(ch) ? inClass : outside).push(ch);
    }
    // Each after a space, where no variation selector is kept; in one string, so one pass.
    expect(sanitize(inClass.map((ch) => ` ${ch}`).join(""))).toBe(inClass.map((ch) => ` ${units(ch)}`).join(""));
    const rest = outside.map((ch) => ` ${ch}`).join("");
    expect(sanitize(rest)).toBe(rest);
  });

  it("finds every such code point through its fast scan (the superset pattern covers the class)", () => {
    const pattern = new RegExp(CANDIDATES.source);
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (CLASS.test(ch) || SELECTOR.test(ch)) expect(pattern.test(ch), cp.toString(16)).toBe(true);
    }
  });

  it("keeps a variation selector after a character it can modify, and escapes it anywhere else", () => {
    for (const kept of ["\u2764\uFE0F", "1\uFE0F\u20E3", "#\uFE0F\u20E3", "\u845B\u{E0100}", "\u1820\u180B", "\u263A\uFE0E"]) expect(sanitize(kept), kept).toBe(kept);
    expect(sanitize("\uFE0Fx")).toBe("\\ufe0fx");
    expect(sanitize(" \uFE0F")).toBe(" \\ufe0f");
    expect(sanitize("\u2764\uFE0F\uFE0F")).toBe("\u2764\uFE0F\\ufe0f");
    expect(sanitize("x\u{E0100}")).toBe("x\\udb40\\udd00");
    expect(sanitize("A\u180B")).toBe("A\\u180b");
    expect(sanitize("\u200B\uFE0F")).toBe("\\u200b\\ufe0f");
  });

  it("escapes the tag characters that can smuggle hidden text, as JSON escapes of their surrogates", () => {
    const hidden = "ok\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}";
    expect(sanitize(hidden)).toBe("ok\\udb40\\udc69\\udb40\\udc67\\udb40\\udc6e\\udb40\\udc6f\\udb40\\udc72\\udb40\\udc65");
    expect(JSON.parse(sanitize(JSON.stringify(hidden)))).toBe(hidden);
    for (const blank of ["\u00AD", "\u2800", "\u3164", "\u115F", "\u1160", "\uFFA0", "\u180E", "\u{1D159}", "\u{1D173}"]) expect(hasUnsafe(`a${blank}b`), blank).toBe(true);
  });

  it("shows `##[` (a legacy workflow command, anywhere in a line) as #\\u0023[, which is `#` again in JSON", () => {
    expect(sanitize("a ##[error]x")).toBe("a #\\u0023[error]x");
    expect(sanitize("###[")).toBe("##\\u0023[");
    expect(JSON.parse(sanitize(JSON.stringify("x ##[stop-commands]y")))).toBe("x ##[stop-commands]y");
  });

  it("shows a line break as \\n in a single-line field, and escapes a line-starting `::` elsewhere", () => {
    expect(sanitizeLine("c\n::error::x\r\n")).toBe("c\\n::error::x\\u000d\\n");
    expect(neutraliseCommands("ok\n::error::x\n  ::warning::y\nnot :: this")).toBe("ok\n\\u003a:error::x\n  \\u003a:warning::y\nnot :: this");
  });

  it("escapes HTML as one expression does, texts with nothing to escape kept whole (property)", () => {
    const piece = fc.constantFrom("&", "<", ">", '"', "'", "#", ":", "::", " ", "\t", "\n", "\r", "a", "é", "##[", "x::y");
    holds(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(escapeHtml(text)).toBe(text.replace(/[&<>"'#]|^(?=[^\S\n]*::)[^\S\n]*:/gm, (m) => (m.length === 1 ? `&#${m.charCodeAt(0)};` : `${m.slice(0, -1)}&#58;`)));
      }),
    );
    expect(escapeHtml("plain text, 12 to 15 – é")).toBe("plain text, 12 to 15 – é");
    expect(escapeHtml("  ::error")).toBe("  &#58;:error");
  });

  it("escapes a line-starting `::` line by line exactly as one expression over the whole text (property)", () => {
    const piece = fc.constantFrom(":", "::", ":::", " ", "\t", "\u00a0", "\u3000", "\n", "\r", "\u2028", "a", "x::y", "::error::", "\n  ::");
    holds(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(neutraliseCommands(text)).toBe(text.replace(/^([^\S\n]*):(?=:)/gm, "$1\\u003a"));
      }),
    );
  });

  it("never lets a forbidden character through, on any string (property)", () => {
    const anyUnit = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 100 });
    const nasty = fc.string({ unit: fc.constantFrom("\u001b", "[", "]", "m", "0", ";", "3", "1", "\u0007", "\u009b", "\u202e", "\u200b", "a", "\\", "u"), maxLength: 40 });
    holds(
      fc.property(fc.oneof(anyUnit, nasty), (text) => {
        expect(forbiddenIn(sanitize(text))).toEqual([]);
        expect(forbiddenIn(sanitizeKeepingColour(text), true)).toEqual([]);
        // Idempotent: escaping twice changes nothing more.
        expect(sanitize(sanitize(text))).toBe(sanitize(text));
        // Inside JSON strings the escape is the same character again.
        expect(JSON.parse(sanitize(JSON.stringify(text)))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
