/**
 * The one output sanitiser: every string that leaves the program passes through here, so that a
 * ledger cannot drive the reader's terminal (clear the screen, set the title, write the clipboard),
 * hide text from the reader (invisible characters), reorder what is shown (bidi controls), or
 * command a CI runner that reads the output (GitHub Actions workflow commands).
 */

// What never reaches the output as itself, as a class built from Unicode's own properties rather
// than a list that misses the next invisible character:
// - C0 controls except TAB and LF, DEL, C1 controls (Cc);
// - every Default_Ignorable_Code_Point: zero-width characters, bidi controls, the soft hyphen,
//   Hangul fillers, Mongolian selectors, the tag characters U+E0000–E007F (which can carry a
//   hidden copy of any ASCII text), variation selectors, and the unassigned ones kept for more;
// - every format character (Cf) that property leaves out (the interlinear annotation characters,
//   the Egyptian hieroglyph format controls, the Arabic number signs);
// - the line and paragraph separators, and blanks that are neither: the Braille pattern blank and
//   the musical null notehead, which fonts draw as nothing.
// Variation selectors are let through again where they follow a character they can modify.
const UNSAFE = /^[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Default_Ignorable_Code_Point}\p{Cf}\u2028\u2029\u2800\u{1D159}]$/u;

/** A variation selector, and the characters it can follow: text or emoji presentation, a CJK or Mongolian variant. */
const VARIATION_BASES: readonly [RegExp, RegExp][] = [
  [/^[\uFE00-\uFE0F]$/u, /^[\p{L}\p{N}\p{S}#*]$/u],
  [/^[\u{E0100}-\u{E01EF}]$/u, /^\p{Ideographic}$/u],
  [/^[\u180B-\u180D\u180F]$/u, /^\p{Script=Mongolian}$/u],
];

/**
 * Where to look: a superset of the class above (and of the variation selectors), in few UTF-16
 * ranges, so that scanning an output of tens of megabytes costs what it did before — a regular
 * expression of the exact class with the `u` flag took ten times as long. Each match is then
 * judged by the exact class, code point by code point. Astral characters are found by their
 * surrogates (both halves, so that a pair is never split between a match and the text after it). tests/hostile/output.test.ts checks, for every code point, that this covers the
 * class of the Unicode version Node carries.
 */
export const CANDIDATES = /[\u0000-\u0008\u000B-\u001F\u007F-\u00AD\u034F\u0600-\u08E2\u115F-\u180F\u200B-\u200F\u2028-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFEFF\uFFA0-\uFFFB\uD804-\uDFFF]+/g;
const SGR = /\u001B\[[0-9;]*m/y;

// Verdicts; a variation selector n is SELECTOR + n, safe only after a base of VARIATION_BASES[n].
const UNKNOWN = 0;
const SAFE = 1;
const ESCAPE = 2;
const SELECTOR = 3;

// One verdict per BMP code point, found on first sight: a text repeats few distinct characters.
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

function judge(ch: string): number {
  for (let k = 0; k < VARIATION_BASES.length; k++) if (VARIATION_BASES[k][0].test(ch)) return SELECTOR + k;
  return UNSAFE.test(ch) ? ESCAPE : SAFE;
}

function kindOf(cp: number, ch: string): number {
  if (cp < 0x10000) {
    let kind = BMP[cp];
    if (kind === UNKNOWN) BMP[cp] = kind = judge(ch);
    return kind;
  }
  let kind = ASTRAL.get(cp);
  if (kind === undefined) {
    kind = judge(ch);
    // Bounded: a text of a million distinct astral characters must not grow this without end.
    if (ASTRAL.size < 4096) ASTRAL.set(cp, kind);
  }
  return kind;
}

/** Every UTF-16 unit of `ch` as `\uXXXX`: inside a JSON string that is the same character again. */
function escapeUnits(ch: string): string {
  let out = "";
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}

/** The code point that ends just before `offset`, "" at the start. */
function before(text: string, offset: number): string {
  if (offset === 0) return "";
  const low = text.charCodeAt(offset - 1);
  const high = offset >= 2 ? text.charCodeAt(offset - 2) : 0;
  return text.slice(low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? offset - 2 : offset - 1, offset);
}

/** Whether every code point of a run is safe as it stands (the common case: letters, dashes, quotes). */
function allSafe(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
    const unit = run.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return false;
    let kind = BMP[unit];
    if (kind === UNKNOWN) BMP[unit] = kind = judge(run[i]);
    if (kind !== SAFE) return false;
  }
  return true;
}

function clean(text: string, keepSgr: boolean): string {
  const out = text.replace(CANDIDATES, (run: string, offset: number) => {
    if (allSafe(run)) return run;
    let out = "";
    let previous = before(text, offset);
    let previousKept = true;
    for (let i = 0; i < run.length; ) {
      const cp = run.codePointAt(i)!;
      const ch = run.slice(i, (i += cp > 0xffff ? 2 : 1));
      let kind = kindOf(cp, ch);
      if (kind >= SELECTOR) kind = previousKept && VARIATION_BASES[kind - SELECTOR][1].test(previous) ? SAFE : ESCAPE;
      if (kind === ESCAPE && cp === 0x1b && keepSgr) {
        SGR.lastIndex = offset + i - 1;
        if (SGR.test(text)) kind = SAFE;
      }
      out += kind === SAFE ? ch : escapeUnits(ch);
      previous = ch;
      previousKept = kind === SAFE;
    }
    return out;
  });
  // `##[` anywhere in a line is a legacy workflow command to the GitHub Actions runner (its parser
  // searches the whole line for it); `\u0023` is `#` again inside JSON.
  return out.includes("##[") ? out.replaceAll("##[", "#\\u0023[") : out;
}

/**
 * Replaces every unsafe character by a visible `\uXXXX` escape (and `##[` by `#\u0023[`). Inside
 * JSON strings those escapes are the same characters again, so JSON output stays valid and
 * round-trips exactly.
 */
export function sanitize(text: string): string {
  return clean(text, false);
}

/** Like `sanitize`, but keeps SGR colour sequences; for final output whose pieces were sanitised before styling. */
export function sanitizeKeepingColour(text: string): string {
  return clean(text, true);
}

/**
 * Like `sanitize`, for a file's text that a patch must reproduce byte for byte (`--dry-run` diffs,
 * read by `git apply` and `patch`): a BOM at its very start and each CR that ends a line (before
 * its LF) are the file's own bytes, and neither can hide or reorder what is shown, so they stay.
 * Every other unsafe character, a lone CR or a BOM elsewhere included, is escaped as usual.
 */
export function sanitizeFileText(text: string): string {
  const bom = text.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
  return bom + text.slice(bom.length).split("\r\n").map(sanitize).join("\r\n");
}

/**
 * `sanitize` for a field that holds one line (a file name, an id, a name, a title, a message):
 * a line break shows as `\n`, so that nothing in the field can start a line of its own — which a
 * terminal would show as the tool's own output, and a CI runner would obey as a command.
 */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/\n/g, "\\n");
}

/**
 * A line that starts (after blanks) with `::` is a workflow command to GitHub Actions. Only the
 * `github` lint format writes them, as its own lines; in any other output such a line can only
 * come from multi-line text of the ledger (a CSV cell), so its first colon is shown escaped.
 */
export function neutraliseCommands(text: string): string {
  // Only a line holding `::` can match, and no match spans a line break: the expression runs on
  // those lines alone, so an output of a hundred megabytes with none costs one search, and one
  // where no such line starts a command (CSS's `li::marker`) is returned as it is, not copied.
  let out = "";
  let done = 0;
  for (let at = text.indexOf("::"); at !== -1; ) {
    const start = text.lastIndexOf("\n", at) + 1;
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    const safe = line.replace(COMMAND_START, "$1\\u003a");
    if (safe !== line) {
      out += text.slice(done, start) + safe;
      done = end;
    }
    at = text.indexOf("::", end);
  }
  return done === 0 ? text : out + text.slice(done);
}

const COMMAND_START = /^([^\S\n]*):(?=:)/gm;

/** True when the text holds something `sanitize` would escape. */
export function hasUnsafe(text: string): boolean {
  return sanitize(text) !== text;
}
