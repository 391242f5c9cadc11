/**
 * The small helpers of core/shared that every stage uses: bounded lists and values in messages,
 * severities set by `.claims.yaml` (SPEC §13), the order and counts of diagnostics, and the "did
 * you mean" candidates. Each with exact values, at the edges of its bounds.
 */
import { describe, expect, it } from "vitest";
import { compareDiagnostics, countSeverities, type Diagnostic, diagnostic } from "../src/core/shared/diagnostics.js";
import { LISTED, listed, shortened } from "../src/core/shared/list.js";
import { applySeverity, effectiveSeverity } from "../src/core/shared/severity.js";
import { candidatesNear, closest, didYouMean } from "../src/core/shared/suggest.js";

describe("listed", () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => `o${i + 1}`);

  it("lists up to ten items whole, and beyond that the first ten and how many more", () => {
    expect(LISTED).toBe(10);
    expect(listed([])).toBe("");
    expect(listed(["a"])).toBe("a");
    expect(listed(items(10))).toBe("o1, o2, o3, o4, o5, o6, o7, o8, o9, o10");
    expect(listed(items(11))).toBe("o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, … and 1 more");
    expect(listed(items(10_010))).toBe("o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, … and 10,000 more");
  });

  it("takes another bound", () => {
    expect(listed(["a", "b", "c"], 2)).toBe("a, b, … and 1 more");
    expect(listed(["a", "b"], 2)).toBe("a, b");
  });
});

describe("shortened", () => {
  it("keeps a value of up to 64 characters, and cuts a longer one to 63 and an ellipsis", () => {
    const x64 = "x".repeat(64);
    expect(shortened(x64)).toBe(x64);
    expect(shortened(x64 + "y")).toBe("x".repeat(63) + "…");
    expect(shortened("abcdef", 4)).toBe("abc…");
    expect(shortened("abcd", 4)).toBe("abcd");
  });

  it("never cuts a surrogate pair in two", () => {
    // "ab😀cd": the pair stands at 2–3, so a cut after 3 units would keep half of it.
    expect(shortened("ab\u{1F600}cd", 4)).toBe("ab…");
    expect(shortened("abc\u{1F600}d", 4)).toBe("abc…");
  });
});

describe("severities from the configuration (SPEC §13)", () => {
  const at = { file: "claims/a.yaml", line: 1, column: 1 };
  const list = [diagnostic("unused-source", "never cited", at), diagnostic("quote-unchecked", "no archive", at), diagnostic("yaml-syntax", "bad", at), diagnostic("unknown-source", "who", at)];

  it("sets a code's level, drops one set to off, and leaves the rest as they are (the same objects)", () => {
    const out = applySeverity(list, { "unused-source": "error", "quote-unchecked": "off", "unknown-source": "error" });
    expect(out.map((d) => [d.code, d.severity])).toEqual([
      ["unused-source", "error"],
      ["yaml-syntax", "error"],
      ["unknown-source", "error"],
    ]);
    expect(out[1]).toBe(list[2]);
    expect(out[2]).toBe(list[3]);
    expect(list[0].severity).toBe("warning");
  });

  it("keeps the codes that keep a ledger readable as errors, whatever is set", () => {
    const locked = ["yaml-syntax", "unreadable-file", "schema", "duplicate-id"] as const;
    const all = locked.map((code) => diagnostic(code, "m", at));
    expect(applySeverity(all, Object.fromEntries(locked.map((c) => [c, "off"])))).toEqual(all);
    for (const code of locked) expect(effectiveSeverity(code, { [code]: "warning" })).toBe("error");
  });

  it("says what a code is reported as: the level set, or the table's", () => {
    expect(effectiveSeverity("unused-source", {})).toBe("warning");
    expect(effectiveSeverity("unused-source", { "unused-source": "off" })).toBe("off");
    expect(effectiveSeverity("quote-unchecked", { "quote-unchecked": "error" })).toBe("error");
  });
});

describe("the order and counts of diagnostics", () => {
  const d = (file: string, line: number, column: number, severity: Diagnostic["severity"], code = "schema"): Diagnostic => ({ file, line, column, severity, code: code as Diagnostic["code"], message: "" });

  it("orders by file, line, column, severity, then code", () => {
    const list = [
      d("b.yaml", 1, 1, "error"),
      d("a.yaml", 2, 1, "error"),
      d("a.yaml", 1, 5, "error"),
      d("a.yaml", 1, 1, "info"),
      d("a.yaml", 1, 1, "warning", "unused-source"),
      d("a.yaml", 1, 1, "error", "unknown-source"),
      d("a.yaml", 1, 1, "error", "schema"),
    ];
    expect([...list].sort(compareDiagnostics).map((x) => `${x.file}:${x.line}:${x.column} ${x.severity} ${x.code}`)).toEqual([
      "a.yaml:1:1 error schema",
      "a.yaml:1:1 error unknown-source",
      "a.yaml:1:1 warning unused-source",
      "a.yaml:1:1 info schema",
      "a.yaml:1:5 error schema",
      "a.yaml:2:1 error schema",
      "b.yaml:1:1 error schema",
    ]);
    expect(compareDiagnostics(d("a.yaml", 1, 1, "error"), d("a.yaml", 1, 1, "error"))).toBe(0);
    expect(compareDiagnostics(d("b.yaml", 1, 1, "error"), d("a.yaml", 9, 9, "error"))).toBe(1);
  });

  it("counts each severity", () => {
    expect(countSeverities([d("a", 1, 1, "error"), d("a", 1, 1, "info"), d("a", 1, 1, "error")])).toEqual({ error: 2, warning: 0, info: 1 });
  });
});

describe("suggestions", () => {
  it("a word within a third of its length (two edits for a short word), case ignored, never itself", () => {
    expect(closest("polise", ["police", "army"])).toBe("police");
    expect(closest("POLICE", ["police"])).toBe("police");
    expect(closest("police", ["police"])).toBeUndefined();
    // Two edits for a word of six letters; three are too many.
    expect(closest("pxlixe", ["police"])).toBe("police");
    expect(closest("pxxixe", ["police"])).toBeUndefined();
    // Never every character changed: a one-letter word has no suggestion.
    expect(closest("g", ["a"])).toBeUndefined();
    // Nine letters: three edits.
    expect(closest("xxxsource", ["abcsource"])).toBe("abcsource");
  });

  it("of candidates equally near, the first in the list", () => {
    expect(closest("cat", ["bat", "cut", "car"])).toBe("bat");
    expect(closest("cat", ["cut", "bat"])).toBe("cut");
    // Nearer wins over earlier, whatever the lengths.
    expect(closest("police", ["polic", "policy", "polise"])).toBe("polic");
    expect(closest("police", ["pol", "polize"])).toBe("polize");
  });

  it("every candidate near enough, and the message that names the closest", () => {
    expect(candidatesNear("polise", ["police", "polite", "police", "army", "polise"])).toEqual(["police", "polite", "police"]);
    expect(candidatesNear("ab", ["abcde", "abc", "b"])).toEqual(["abc", "b"]);
    expect(didYouMean("polise", ["army", "police"])).toBe(" — did you mean 'police'?");
    expect(didYouMean("zzzzzz", ["army", "police"])).toBe("");
  });
});
