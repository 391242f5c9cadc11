/**
 * Adding a record keeps every byte it did not mean to touch (issue 17): each case inserts into a
 * file of some layout, and the result must be the old text with exactly one span inserted
 * (worked out from the two texts alone), read back as the old value plus the new entry, and laid
 * out as the file around it is.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openEditable } from "../src/core/edit/editable.js";
import { EditRefused } from "../src/core/edit/types.js";
import { insertEntry } from "../src/core/edit/insert.js";
import { parseYaml } from "../src/core/load/parse.js";
import { COMMENTED_LEDGER, insertedSpan } from "./helpers/edit.js";

/** The plain value of a text, as the loader reads it (a BOM dropped). */
function valueOf(text: string): unknown {
  const parsed = parseYaml(text.replace(/^\uFEFF/, ""));
  expect(parsed.faults).toEqual([]);
  return parsed.value;
}

function insert(text: string, path: readonly string[], key: string | null, value: unknown): string {
  const after = insertEntry(openEditable(text), path, key, value).text;
  insertedSpan(text, after);
  return after;
}

const STATEMENT = { source: "aljazeera", says: 12, quote: 'He said: "yes" # not a comment', note: "two\nlines" };

describe("inserting into the commented ledger", () => {
  it("adds a source to a block mapping of a CRLF file with a BOM, in its line ends, before the commented-out entry", () => {
    const before = COMMENTED_LEDGER["people.yaml"];
    const after = insert(before, ["sources"], "morgue-witnesses", { name: "Eyewitnesses at the morgue", type: "eyewitness" });
    expect(insertedSpan(before, after)).toBe("  morgue-witnesses:\r\n    name: Eyewitnesses at the morgue\r\n    type: eyewitness\r\n");
    expect(after.startsWith("\uFEFF# Who speaks")).toBe(true);
    expect(after.indexOf("morgue-witnesses:\r\n")).toBeLessThan(after.indexOf("# morgue-witnesses: commented out"));
    expect(Object.keys((valueOf(after) as { sources: object }).sources)).toEqual(["prosecutor-general", "striking-workers", "aljazeera", "morgue-witnesses"]);
  });

  it("adds a document to a flow mapping over several lines, keeping the comment after it", () => {
    const before = COMMENTED_LEDGER["people.yaml"];
    const after = insert(before, ["documents"], "later", { title: "Later accounts", publisher: "Various" });
    expect(insertedSpan(before, after)).toBe(",\r\n  later: {title: Later accounts, publisher: Various}");
    expect(after).toContain("later: {title: Later accounts, publisher: Various}\r\n}   # the one report");
  });

  it("adds a statement to a zero-indented list, set off by a blank line as its neighbours are, before the comment that ends the list", () => {
    const before = COMMENTED_LEDGER["death-toll.yaml"];
    const after = insert(before, ["claims", "death-toll", "statements"], null, STATEMENT);
    expect(insertedSpan(before, after)).toBe(
      // The file quotes with double quotes, so the new quote does too.
      ["", "    - source: aljazeera", "      says: 12", '      quote: "He said: \\"yes\\" # not a comment"', "      note: |-", "        two", "        lines", ""].join("\n"),
    );
    expect(after.indexOf("lines\n    # more statements to come")).toBeGreaterThan(0);
    const statements = (valueOf(after) as { claims: { "death-toll": { statements: unknown[] } } }).claims["death-toll"].statements;
    expect(statements.at(-1)).toEqual(STATEMENT);
  });

  it("adds a statement to a flow list at the end of a file without a final line break, adding none", () => {
    const before = COMMENTED_LEDGER["who-fired-first.yaml"];
    const after = insert(before, ["claims", "who-fired-first", "statements"], null, { source: "aljazeera", says: ["police", "protesters"] });
    expect(insertedSpan(before, after)).toBe(",\n      {source: aljazeera, says: [police, protesters]}");
    expect(after.endsWith("    ]")).toBe(true);
  });

  it("adds a section the file lacks at its end, set off by a blank line", () => {
    const before = COMMENTED_LEDGER["death-toll.yaml"];
    const after = insert(before, ["sources"], "odak", { name: "Odak independent trade union", type: "union" });
    expect(insertedSpan(before, after)).toBe("\nsources:\n  odak:\n    name: Odak independent trade union\n    type: union\n");
  });
});

describe("inserting into files of every shape", () => {
  const source = { name: "Someone", type: "other" };
  it.each([
    ["an empty file", "", "sources:\n  s:\n    name: Someone\n    type: other\n"],
    ["a file with only a BOM", "\uFEFF", "\uFEFFsources:\n  s:\n    name: Someone\n    type: other\n"],
    ["a file of comments", "# nothing yet\n", "# nothing yet\nsources:\n  s:\n    name: Someone\n    type: other\n"],
    ["a comment without a final line break", "# nothing yet", "# nothing yet\nsources:\n  s:\n    name: Someone\n    type: other"],
    ["an empty mapping in flow style", "sources: {}\n", "sources: {s: {name: Someone, type: other}}\n"],
    ["a padded flow mapping", "sources: { a: { name: A, type: media } }\n", "sources: { a: { name: A, type: media }, s: { name: Someone, type: other } }\n"],
    ["a key with only commented-out entries", "sources:\n  # a:\n  #   name: A\nclaims: {}\n", "sources:\n  # a:\n  #   name: A\n  s:\n    name: Someone\n    type: other\nclaims: {}\n"],
    ["four-space indentation", "sources:\n    a:\n        name: A\n        type: media\n", "sources:\n    a:\n        name: A\n        type: media\n    s:\n        name: Someone\n        type: other\n"],
    ["a document start marker", "---\nsources:\n  a: {name: A, type: media}\n", "---\nsources:\n  a: {name: A, type: media}\n  s:\n    name: Someone\n    type: other\n"],
  ])("%s", (_, before, expected) => {
    expect(insert(before, ["sources"], "s", source)).toBe(expected);
  });

  it("keeps a block scalar's trailing blank lines where they were, inserting after them", () => {
    const before = "sources:\n  a:\n    name: A\n    type: media\n    note: |+\n      kept\n\n  # end\n";
    const after = insert(before, ["sources"], "s", source);
    expect((valueOf(after) as { sources: { a: { note: string } } }).sources.a.note).toBe("kept\n\n");
  });

  it("puts a new claim's list where the file puts its lists (not indented under the key)", () => {
    const before = "claims:\n  a:\n    question: Q?\n    type: boolean\n    statements:\n    - source: x\n      says: yes\n";
    const after = insert(before, ["claims"], "b", { question: "R?", type: "boolean", statements: [{ source: "x", says: false }] });
    expect(insertedSpan(before, after)).toBe("  b:\n    question: R?\n    type: boolean\n    statements:\n    - source: x\n      says: false\n");
  });

  it.each([
    ["a list where a mapping is wanted", "sources: [a, b]\n", ["sources"], "s", "'sources' is a list, not a mapping"],
    ["a single value", "claims:\n  a:\n    statements: 5\n", ["claims", "a", "statements"], null, "'claims.a.statements' holds a single value, not a list"],
    ["a syntax error", "sources:\n  a: [\n", ["sources"], "s", "it has a fault at line"],
    ["an alias", "sources:\n  a: &x {name: A}\n  b: *x\n", ["sources"], "s", "it has a fault at line 2"],
    ["a key written twice after the insertion", "sources:\n  s: {name: S, type: other}\n", ["sources"], "s", "written twice"],
  ])("refuses %s, changing nothing", (_, before, path, key, message) => {
    expect(() => insertEntry(openEditable(before), path, key, source)).toThrow(EditRefused);
    expect(() => insertEntry(openEditable(before), path, key, source)).toThrow(message);
  });
});

/** A claims file in a random layout: indentation, list style, line ends, BOM, comments and blank lines. */
const layouts = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  indentSeq: fc.boolean(),
  eol: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  finalBreak: fc.boolean(),
  statements: fc.integer({ min: 1, max: 3 }),
  comments: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  flow: fc.boolean(),
});

function claimFile(l: typeof layouts extends fc.Arbitrary<infer T> ? T : never): string {
  const pad = (n: number) => " ".repeat(n * l.step);
  const seq = l.indentSeq ? pad(3) : pad(2);
  const lines = ["# a claim", "claims:", `${pad(1)}c:${l.comments[0] ? "   # the claim" : ""}`, `${pad(2)}question: 'Q?'`, `${pad(2)}type: quantity`];
  if (l.flow) {
    lines.push(`${pad(2)}statements: [${Array.from({ length: l.statements }, (_, i) => `{source: s${i}, says: ${i}}`).join(", ")}]${l.comments[1] ? " # flow" : ""}`);
  } else {
    lines.push(`${pad(2)}statements:`);
    for (let i = 0; i < l.statements; i++) {
      if (l.comments[2 + i]) lines.push(`${seq}# statement ${i}`);
      lines.push(`${seq}- source: s${i}`, `${seq}  says: "${i}"${l.comments[5] ? " # quoted" : ""}`);
      if (l.comments[6]) lines.push("");
    }
  }
  if (l.comments[7]) lines.push(`${pad(2)}verdict: {rating: mixed}`);
  return (l.bom ? "\uFEFF" : "") + lines.join(l.eol) + (l.finalBreak ? l.eol : "");
}

const text = fc.string({ unit: fc.constantFrom("a", " ", ":", "#", "'", '"', "\n", "\r", "-", "é", "\t", "{", "1", "\\", "\u2028", "😀") });
const statements = fc.record({ source: fc.constantFrom("a", "b"), says: fc.oneof(fc.integer(), text), note: text }, { requiredKeys: ["source", "says"] });

describe("inserting a statement into any layout", () => {
  it("keeps every other byte and reads back as the old value plus the statement", () => {
    fc.assert(
      fc.property(layouts, statements, (layout, statement) => {
        const before = claimFile(layout);
        const after = insertEntry(openEditable(before), ["claims", "c", "statements"], null, statement).text;
        const span = insertedSpan(before, after);
        // The new text follows the file's line ends: no bare LF in a CRLF file (a note's own line
        // breaks are written as escapes or in a block scalar, each line ended as the file ends them).
        if (layout.eol === "\r\n") expect(span.replace(/\r\n/g, "")).not.toMatch(/\n/);
        const old = valueOf(before) as { claims: { c: { statements: unknown[] } } };
        old.claims.c.statements.push(statement);
        expect(JSON.stringify(valueOf(after))).toBe(JSON.stringify(old));
      }),
      { numRuns: 300 },
    );
  });
});
