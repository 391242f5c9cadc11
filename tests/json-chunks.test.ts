/** The streamed JSON is the same text as JSON.stringify(value, null, 2). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holds } from "./helpers/property.js";
import { jsonChunks } from "../src/formats/json-chunks.js";

const join = (value: object) => [...jsonChunks(value)].join("");

describe("jsonChunks", () => {
  it.each<[string, object]>([
    ["an empty object", {}],
    ["empty arrays", { a: [], b: {} }],
    ["a report-like object", { version: 1, summary: { files: 2 }, diagnostics: [{ code: "x", line: 1 }], claims: [{ id: "a", says: ["p", { min: 1 }] }, { id: "b" }] }],
    ["undefined and nested undefined", { a: undefined, b: [undefined, 1], c: { d: undefined } }],
    ["strings with line breaks", { q: "a\nb", list: ["x\ny"] }],
  ])("%s", (_name, value) => {
    expect(join(value)).toBe(JSON.stringify(value, null, 2));
  });

  it("agrees with JSON.stringify on arbitrary objects", () => {
    holds(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => join(value) === JSON.stringify(value, null, 2)));
  });
});
