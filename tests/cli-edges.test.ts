/** Edges found in review: broken pipes, records with schema errors, init hints, display paths. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, describeBuilt, ROOT, runInProcess } from "./helpers/run.js";

const codes = (stdout: string) => (JSON.parse(stdout) as { code: string; line: number }[]).map((d) => `${d.code}@${d.line}`);

describeBuilt("a reader that stops early", () => {
  it("ends the run quietly: no stack trace, the exit code of the findings", () => {
    const dir = mkdtempSync(join(tmpdir(), "claims-pipe-"));
    try {
      let yaml = "sources:\n  s:\n    name: S\n    type: official\nclaims:\n";
      for (let i = 0; i < 400; i++) yaml += `  c-${i}:\n    question: How many, question ${i}?\n    type: quantity\n    statements:\n      - source: s\n        says: ${i}\n`;
      writeFileSync(join(dir, "ledger.yaml"), yaml);
      // The report is far larger than a pipe's buffer, so writing goes on after `head` has gone.
      const script = `"${process.execPath}" "${BIN}" check --format json "${dir}" | head -c 100 >/dev/null`;
      const result = spawnSync("sh", ["-c", script], { cwd: ROOT, encoding: "utf8" });
      expect(result.stderr).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("records with schema errors", () => {
  it("a claim dropped for a schema error still cites its sources and documents (no false unused warnings)", async () => {
    const result = await runInProcess(["lint", "--format", "json", "tests/fixtures/edges/broken-claim"]);
    expect(codes(result.stdout)).toEqual(["schema@9", "schema@14"]);
    expect(result.code).toBe(1);
  });

  it("a claim left out for a duplicate or malformed id still cites its sources and documents", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claims-dup-"));
    writeFileSync(join(dir, "s.yaml"), "sources:\n  a: {name: A, type: official}\n  b: {name: B, type: union}\n  e: {name: E, type: media}\ndocuments:\n  d: {title: T, publisher: P}\n");
    const claim = (id: string, source: string, extra = "") => `claims:\n  ${id}:\n    question: Did it happen?\n    type: boolean\n    statements:\n      - {source: ${source}, says: yes${extra}}\n`;
    writeFileSync(join(dir, "1.yaml"), claim("q", "a"));
    writeFileSync(join(dir, "2.yaml"), claim("q", "b", ", in: d"));
    writeFileSync(join(dir, "3.yaml"), claim("Not_A_Slug", "e"));
    const result = await runInProcess(["lint", "--format", "json", dir], { cwd: dir });
    expect(codes(result.stdout)).toEqual(["duplicate-id@2", "schema@2"]);
    expect(result.code).toBe(1);
  });

  it("a quote citing a document with errors says so, not that it is undeclared", async () => {
    const result = await runInProcess(["lint", "--format", "json", "tests/fixtures/edges/bad-document"]);
    const [, unchecked] = JSON.parse(result.stdout) as { code: string; message: string }[];
    expect(unchecked.code).toBe("quote-unchecked");
    expect(unchecked.message).toBe("quote not checked: document 'report' has errors; fix them to check this quote");
  });

  it("show of a claim with errors points at lint, exit 1", async () => {
    const result = await runInProcess(["show", "toll", "tests/fixtures/edges/broken-claim"]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("claims: claim 'toll' has errors and cannot be shown; run 'claims lint' to see them\n");
    expect(result.code).toBe(1);
  });
});

describe("init", () => {
  it("quotes a folder with a space in its next-step hint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claims-init-"));
    try {
      const result = await runInProcess(["init", "my ledger"], { cwd: dir });
      expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("Next: claims check 'my ledger'");
      expect(result.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("display paths", () => {
  it("name a file by its path from the working directory, whatever root it was found under", async () => {
    const top = mkdtempSync(join(tmpdir(), "claims-paths-"));
    mkdirSync(join(top, "a", "b"), { recursive: true });
    mkdirSync(join(top, "a", "c"));
    for (const file of [join(top, "a", "b", "x.yaml"), join(top, "a", "c", "y.yaml")]) writeFileSync(file, "sources:\n  s:\n    name: S\n    tpye: official\n");
    const files = async (root: string, cwd: string) => {
      const result = await runInProcess(["lint", "--format", "json", root], { cwd });
      return [...new Set(JSON.parse(result.stdout).map((d: { file: string }) => d.file))];
    };
    // A root above the working directory: its files under the working directory are named from it.
    expect(await files("..", join(top, "a", "b"))).toEqual(["../c/y.yaml", "x.yaml"]);
    expect(await files(".", join(top, "a"))).toEqual(["b/x.yaml", "c/y.yaml"]);
    expect(await files("b/", join(top, "a"))).toEqual(["b/x.yaml"]);
    expect(await files("../c", join(top, "a", "b"))).toEqual(["../c/y.yaml"]);
    expect(await files(join(top, "a"), top)).toEqual(["a/b/x.yaml", "a/c/y.yaml"]);
  });
});

describe("a missing type", () => {
  it("lists the types of the record it is missing from", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claims-type-"));
    writeFileSync(join(dir, "ledger.yaml"), "sources:\n  s:\n    name: S\n    tpye: official\nclaims:\n  c:\n    question: How many?\n    statements:\n      - source: s\n        says: 3\n");
    const result = await runInProcess(["lint", "--format", "json", dir], { cwd: dir });
    const missing = JSON.parse(result.stdout).filter((d: { message: string }) => d.message.startsWith("missing")).map((d: { line: number; column: number; message: string }) => [d.line, d.column, d.message]);
    expect(missing).toEqual([
      [2, 3, "missing required key 'type' (one of official, company, union, eyewitness, media, journalist, ngo, expert, other)"],
      [6, 3, "missing required key 'type' (quantity, choice, boolean or date)"],
    ]);
    expect(result.code).toBe(1);
  });
});

describe("statements in error", () => {
  const LEDGER = `sources:
  b: {name: B, type: media}
  z: {name: Z}
claims:
  c:
    question: Who?
    type: choice
    options: [police, protesters]
    statements:
      - {source: b, says: Police}
      - {source: x, says: police}
      - {source: b, says: protesters, via: y}
      - {source: z, says: police}
      - {source: b, says: police}
`;

  it("say in the report why they take no part in positions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claims-errors-"));
    writeFileSync(join(dir, "ledger.yaml"), LEDGER);
    const result = await runInProcess(["check", "--format", "json", dir], { cwd: dir });
    const [claim] = JSON.parse(result.stdout).claims;
    expect(claim.statements.map((s: { error: string | null; position: boolean }) => [s.error, s.position])).toEqual([
      ["invalid-value", false],
      ["unknown-source", false],
      ["unknown-source", false],
      ["invalid-source", false],
      [null, true],
    ]);
    expect(result.code).toBe(1);
  });

  it("are marked in show, so a reader knows to run lint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claims-errors-"));
    writeFileSync(join(dir, "ledger.yaml"), LEDGER);
    const result = await runInProcess(["show", "c", dir], { cwd: dir });
    const lines = result.stdout.split("\n").filter((line) => /^\s+[•✖ ] undated/.test(line)).map((line) => line.trim());
    expect(lines).toEqual([
      "undated     b: Police  [value not read: see lint]",
      "undated     x: police  [unknown source: see lint]",
      "undated     b: protesters  [unknown source: see lint, via y]",
      "undated     z: police  [source has errors: see lint]",
      "• undated     b: police  [position]",
    ]);
    expect(result.code).toBe(1);
  });
});
