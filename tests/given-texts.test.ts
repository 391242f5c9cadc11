/**
 * Texts given in memory (`contents`, the seam the language server reads unsaved buffers through):
 * positions found both from the first parse and by parsing the given text again, and a given
 * text held to a file's rules, an unpaired surrogate included. tests/contents.test.ts covers the
 * rest of the seam.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { check } from "../src/index.js";
import { readGivenText } from "../src/core/load/read.js";
import { FIXTURES } from "./helpers/run.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claims-supplied-"));
  cpSync(join(FIXTURES, "wider"), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const codesAt = (report: Awaited<ReturnType<typeof check>>, file: string) =>
  report.diagnostics.filter((d) => d.file === file).map((d) => [d.code, d.line, d.column]);

describe("a given text", () => {
  it("is checked instead of the file, with positions in that text, and the file is left alone", async () => {
    const path = join(dir, "injured.yaml");
    const before = readFileSync(path, "utf8");
    const edited = `# a comment line moves everything down\n${before.replace("source: ", "source: prosecuter-").replace("finding: fewer than 80", "finding: fewer than eighty-ish")}`;
    const report = await check(["."], { cwd: dir, threads: 0, contents: new Map([[path, edited]]) });
    const at = (word: string) => {
      const line = edited.split("\n").findIndex((l) => l.includes(word));
      return [line + 1, edited.split("\n")[line].indexOf(word) + 1];
    };
    // One found from the places kept at the first parse, one by parsing the supplied text again.
    expect(codesAt(report, "injured.yaml")).toEqual([["unknown-source", ...at("prosecuter-")], ["invalid-value", ...at("fewer than eighty")]]);
    expect(readFileSync(path, "utf8")).toBe(before);
    // Without the supplied text the same ledger has no such fault.
    expect(codesAt(await check(["."], { cwd: dir, threads: 0 }), "injured.yaml")).toEqual([]);
  });

});

describe("readGivenText holds a given text to the rules of a file", () => {
  it.each([
    ["a BOM is dropped", "\uFEFFsources: {}\n", { ok: true, text: "sources: {}\n", bytes: Buffer.from("\uFEFFsources: {}\n") }],
    ["a NUL is refused at its place", "a: 1\nb: \u0000\n", { ok: false, message: "file holds a NUL character; it is binary or corrupted", line: 2, column: 4 }],
    ["an unpaired surrogate is refused at its place", "a: \uD800x\n", { ok: false, message: "text holds an unpaired surrogate, which UTF-8 cannot encode; save the file as UTF-8", line: 1, column: 4 }],
    ["a surrogate pair is text", "a: 😀\n", { ok: true, text: "a: 😀\n", bytes: Buffer.from("a: 😀\n") }],
    ["an unpaired surrogate after a BOM is placed in the text without it", "\uFEFFa: \uDC00\n", { ok: false, message: "text holds an unpaired surrogate, which UTF-8 cannot encode; save the file as UTF-8", line: 1, column: 4 }],
  ])("%s", (_, text, expected) => {
    expect(readGivenText(text)).toEqual(expected);
  });

  it("refuses more than 10 MiB once written as UTF-8, counting bytes, not characters", () => {
    // 3.5 Mi characters of a three-byte character: 10.5 MiB of UTF-8.
    expect(readGivenText("€".repeat(3.5 * 1024 * 1024))).toEqual({ ok: false, message: "file is 10.5 MiB, over the 10 MiB limit" });
    expect(readGivenText("a".repeat(10 * 1024 * 1024)).ok).toBe(true);
  });
});
