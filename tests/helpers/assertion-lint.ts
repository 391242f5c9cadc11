/**
 * Finds assertions in test source that cannot fail (tests/assertions.test.ts runs it over the
 * suite). It reads the text with a small tokenizer that knows strings, template literals, comments
 * and regular-expression literals, so that code inside a string is never taken for code.
 */

export interface Finding {
  readonly rule: string;
  /** 1-based line of the finding. */
  readonly line: number;
  readonly excerpt: string;
}

interface Scanned {
  /** The source with the insides of strings, templates, comments and regexes blanked out. */
  readonly code: string;
  /** [start, end) of every regular-expression literal, delimiters included. */
  readonly regexes: readonly (readonly [number, number])[];
  /** [start, end) of every string or template literal, delimiters included. */
  readonly strings: readonly (readonly [number, number])[];
}

// After these characters a `/` starts a regular expression, not a division.
const BEFORE_REGEX = new Set([..."(,=:[!&|?{};+-*%<>~^"]);
const KEYWORDS_BEFORE_REGEX = new Set(["return", "typeof", "case", "in", "of", "void", "throw", "yield", "await", "delete", "instanceof", "new", "do", "else"]);

/** Blanks out everything that is not code, keeping the text's length and line breaks. */
export function scan(source: string): Scanned {
  const out = source.split("");
  const regexes: [number, number][] = [];
  const strings: [number, number][] = [];
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  // Brace depths at which a template literal's `${` was opened.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const previousSignificant = (at: number): string => {
    let k = at - 1;
    while (k >= 0 && /\s/.test(out[k])) k--;
    if (k < 0) return "";
    if (/[\w$]/.test(out[k])) {
      let start = k;
      while (start > 0 && /[\w$]/.test(out[start - 1])) start--;
      return out.slice(start, k + 1).join("");
    }
    return out[k];
  };
  /** Reads a template literal's text from i (just after ` or }) up to its end or the next `${`. */
  const templateText = (from: number, open: number): number => {
    let k = from;
    while (k < source.length) {
      if (source[k] === "\\") k += 2;
      else if (source[k] === "`") {
        blank(from, k);
        strings.push([open, k + 1]);
        return k + 1;
      } else if (source[k] === "$" && source[k + 1] === "{") {
        blank(from, k);
        templates.push(depth);
        depth++;
        return k + 2;
      } else k++;
    }
    blank(from, k);
    return k;
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < source.length && source[k] !== c && source[k] !== "\n") k += source[k] === "\\" ? 2 : 1;
      blank(i + 1, k);
      strings.push([i, k + 1]);
      i = k + 1;
    } else if (c === "`") {
      i = templateText(i + 1, i);
    } else if (c === "/") {
      const before = previousSignificant(i);
      if (before === "" || BEFORE_REGEX.has(before) || KEYWORDS_BEFORE_REGEX.has(before)) {
        let k = i + 1;
        let inClass = false;
        while (k < source.length && source[k] !== "\n") {
          if (source[k] === "\\") k += 2;
          else if (source[k] === "[") (inClass = true), k++;
          else if (source[k] === "]") (inClass = false), k++;
          else if (source[k] === "/" && !inClass) break;
          else k++;
        }
        k++;
        while (k < source.length && /[a-z]/.test(source[k])) k++;
        blank(i + 1, k);
        regexes.push([i, k]);
        i = k;
      } else i++;
    } else if (c === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      depth--;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i = templateText(i + 1, i);
      } else i++;
    } else i++;
  }
  return { code: out.join(""), regexes, strings };
}

/** Index just after the parenthesis that closes the one at `open` (in blanked code). */
function closing(code: string, open: number): number {
  let level = 0;
  for (let k = open; k < code.length; k++) {
    if (code[k] === "(") level++;
    else if (code[k] === ")" && --level === 0) return k + 1;
  }
  return code.length;
}

const lineOf = (source: string, at: number): number => source.slice(0, at).split("\n").length;

/** Every assertion in `source` that cannot fail, by rule. */
export function findEmptyAssertions(source: string): Finding[] {
  const { code, regexes, strings } = scan(source);
  const found: Finding[] = [];
  const report = (rule: string, at: number, end: number) =>
    found.push({ rule, line: lineOf(source, at), excerpt: source.slice(at, Math.min(end, at + 120)).replace(/\s+/g, " ") });
  const argumentOf = (at: number): [number, number] => {
    const open = code.indexOf("(", at);
    return [open, closing(code, open)];
  };
  const literalIn = (spans: readonly (readonly [number, number])[], from: number, to: number) => spans.find(([a, b]) => a >= from && b <= to);

  // toMatchObject matches a RegExp by its own keys, and it has none: the property is not checked.
  for (const m of code.matchAll(/\.toMatchObject\s*\(/g)) {
    const [open, close] = argumentOf(m.index);
    // A RegExp handed to an asymmetric matcher (`expect.stringMatching(/re/)`) is fine.
    const bare = regexes.some(([a, b]) => a >= open && b <= close && !/stringMatching\s*\(\s*$/.test(code.slice(open, a)));
    if (bare) report("toMatchObject with a RegExp", m.index, close);
    else if (/^\(\s*\{\s*\}\s*\)$/.test(code.slice(open, close))) report("toMatchObject with {}", m.index, close);
  }
  // An `expect(...)` that no matcher follows asserts nothing.
  for (const m of code.matchAll(/(?<![\w$.])expect\s*\(/g)) {
    const close = closing(code, m.index + m[0].length - 1);
    if (!/^\s*\./.test(code.slice(close))) report("expect without a matcher", m.index, close);
  }
  // A matcher named but not called (`expect(x).toBeNull`) asserts nothing.
  for (const m of code.matchAll(/(?<![\w$.])expect\s*\(/g)) {
    const close = closing(code, m.index + m[0].length - 1);
    const chain = /^(?:\s*\.\s*(?:not|resolves|rejects))*\s*\.\s*(to\w*)(\s*\()?/.exec(code.slice(close));
    if (chain && chain[2] === undefined) report("matcher not called", m.index, close + chain[0].length);
  }
  // `.resolves` and `.rejects` return a promise; unless it is awaited or returned the test ends first.
  for (const m of code.matchAll(/(?<![\w$.])expect\s*\(/g)) {
    const close = closing(code, m.index + m[0].length - 1);
    if (!/^\s*(?:\.\s*not\s*)?\.\s*(?:resolves|rejects)\b/.test(code.slice(close))) continue;
    const before = code.slice(Math.max(0, m.index - 20), m.index);
    if (!/(?:\bawait|\breturn)\s*$/.test(before)) report("resolves/rejects not awaited", m.index, close);
  }
  // A skipped or focused test, and a test left to do, check nothing (or hide the others).
  for (const m of code.matchAll(/(?<![\w$.])(?:it|test|describe|suite)\s*\.\s*(?:skip|only|todo)\b|(?<![\w$.])x(?:it|describe|test)\s*\(/g)) {
    report("skipped, focused or to-do test", m.index, m.index + m[0].length);
  }
  // Matchers that accept anything.
  for (const m of code.matchAll(/\.\s*(?:toEqual|toStrictEqual|toBe|toMatchObject)\s*\(\s*expect\s*\.\s*anything\s*\(\s*\)\s*\)/g)) {
    report("matches anything", m.index, m.index + m[0].length);
  }
  for (const m of code.matchAll(/\.\s*(?:toMatch|toContain)\s*\(/g)) {
    const [open, close] = argumentOf(m.index);
    const inner = source.slice(open + 1, close - 1).trim();
    const regex = literalIn(regexes, open, close);
    const string = literalIn(strings, open, close);
    const trivialRegex = regex !== undefined && /^\/(?:\.\*|\(\?:\)|\^|\$|)\/[a-z]*$/.test(inner);
    const emptyString = string !== undefined && /^(["'`])\1$/.test(inner);
    if (trivialRegex || emptyString) report("matches anything", m.index, close);
  }
  return found.sort((a, b) => a.line - b.line);
}
