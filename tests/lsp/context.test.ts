/** Where the cursor stands for completion, read from indentation while the YAML is half typed: one line per case. */
import { describe, expect, it } from "vitest";
import { completionPlace } from "../../src/lsp/context.js";

/** The text up to `‸` is before the cursor; the cursor's line and character are where `‸` was. */
function at(text: string) {
  const offset = text.indexOf("‸");
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  const character = offset - (before.lastIndexOf("\n") + 1);
  return completionPlace(text.replace("‸", ""), line, character);
}

const CLAIM = "claims:\n  toll:\n    question: Q?\n    type: quantity\n    statements:\n";

describe("completionPlace", () => {
  it.each([
    ["a top-level key", "‸", { path: [], part: "key", prefix: "", start: 0, item: false }],
    ["a top-level key half typed", "sour‸", { path: [], part: "key", prefix: "sour", start: 0, item: false }],
    ["a source's key on a blank line", "sources:\n  a:\n    name: A\n    ‸", { path: ["sources", "a"], part: "key", prefix: "", start: 4, item: false }],
    ["a claim's key after its statements", `${CLAIM}      - source: a\n        says: 1\n    ver‸`, { path: ["claims", "toll"], part: "key", prefix: "ver", start: 4, item: false }],
    ["the key of a new statement", `${CLAIM}      - source: a\n        says: 1\n      - sou‸`, { path: ["claims", "toll", "statements", 1], part: "key", prefix: "sou", start: 8, item: false }],
    ["a key inside a statement", `${CLAIM}      - source: a\n        ‸`, { path: ["claims", "toll", "statements", 0], part: "key", prefix: "", start: 8, item: false }],
    ["a statement of a list at its key's indentation", `${CLAIM}    - source: a\n    - source: b\n      ‸`, { path: ["claims", "toll", "statements", 1], part: "key", prefix: "", start: 6, item: false }],
    ["a verdict's key", `${CLAIM}      - source: a\n    verdict:\n      ra‸`, { path: ["claims", "toll", "verdict"], part: "key", prefix: "ra", start: 6, item: false }],
    ["the value of source", `${CLAIM}      - source: pro‸`, { path: ["claims", "toll", "statements", 0, "source"], part: "value", prefix: "pro", start: 16, item: false }],
    ["the value of via, empty", `${CLAIM}      - source: a\n        via: ‸`, { path: ["claims", "toll", "statements", 0, "via"], part: "value", prefix: "", start: 13, item: false }],
    ["the value of in, quoted", `${CLAIM}      - source: a\n        in: "rep‸`, { path: ["claims", "toll", "statements", 0, "in"], part: "value", prefix: "rep", start: 13, item: false }],
    ["a says item in a flow list", `${CLAIM}      - source: a\n        says: [police, pro‸`, { path: ["claims", "toll", "statements", 0, "says"], part: "value", prefix: "pro", start: 23, item: true }],
    ["a says item in a block list", `${CLAIM}      - source: a\n        says:\n          - pol‸`, { path: ["claims", "toll", "statements", 0, "says"], part: "value", prefix: "pol", start: 12, item: true }],
    ["a finding", `${CLAIM}      - source: a\n    verdict:\n      finding: at‸`, { path: ["claims", "toll", "verdict", "finding"], part: "value", prefix: "at", start: 15, item: false }],
    ["the third statement", `${CLAIM}      - source: a\n      - source: b\n      - source: ‸`, { path: ["claims", "toll", "statements", 2, "source"], part: "value", prefix: "", start: 16, item: false }],
    ["past a block of text that looks like keys", `${CLAIM}      - source: a\n        note: |\n          looks: like a key\n        in: ‸`, { path: ["claims", "toll", "statements", 0, "in"], part: "value", prefix: "", start: 12, item: false }],
    ["past a quoted text over two lines", `${CLAIM}      - source: a\n        quote: "one\n          two: three"\n        in: ‸`, { path: ["claims", "toll", "statements", 0, "in"], part: "value", prefix: "", start: 12, item: false }],
    ["past comments and blank lines", `claims:\n  # a comment\n\n  toll:\n    # another\n    ty‸`, { path: ["claims", "toll"], part: "key", prefix: "ty", start: 4, item: false }],
    ["CRLF line ends", "sources:\r\n  a:\r\n    na‸", { path: ["sources", "a"], part: "key", prefix: "na", start: 4, item: false }],
  ])("%s", (_, text, expected) => {
    expect(at(text)).toEqual(expected);
  });

  it.each([
    ["in a comment", "sources: # a comm‸"],
    ["inside a block of text", `${CLAIM}      - source: a\n        note: |\n          some te‸`],
    ["inside a quoted text over two lines", `${CLAIM}      - source: a\n        quote: "one\n          tw‸`],
    ["after a character no key has", "sour(‸"],
  ])("nothing %s", (_, text) => {
    expect(at(text)).toBeUndefined();
  });
});
