/**
 * Quote checks over a ledger (SPEC §3, §7), in-process: each archive read once, confined to the
 * workspace, hashed when a `sha256` is recorded; each quote verified, not found (with its closest
 * passage) or unchecked (with why), and the diagnostics each outcome gives, exactly.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkLedger } from "../src/core/pipeline.js";
import { materialize } from "../src/core/report/types.js";
import { removeTempDirs, tempDir, writeFiles } from "./helpers/git.js";

afterAll(removeTempDirs);

const ARCHIVE = "Officials said ten people were killed in Zhanaozen.\n";

/** A ledger of one claim whose statements quote the given documents. */
function ledger(documents: string, statements: string): string {
  return `sources:\n  a:\n    name: A\n    type: official\ndocuments:\n${documents}claims:\n  toll:\n    question: How many?\n    type: quantity\n    statements:\n${statements}`;
}

const doc = (id: string, extra = "") => `  ${id}:\n    title: T\n    publisher: P\n${extra}`;
const says = (quote: string, inDoc?: string) => `      - source: a\n        says: 10\n        quote: ${JSON.stringify(quote)}\n${inDoc ? `        in: ${inDoc}\n` : ""}`;

async function check(files: Record<string, string>, setUp?: (dir: string) => void) {
  const dir = tempDir("claims-quotes-");
  writeFiles(dir, files);
  setUp?.(dir);
  const report = materialize((await checkLedger(["."], dir, { threads: 0 })).report);
  return {
    results: report.claims[0]?.statements.map((s) => s.quoteCheck) ?? [],
    diagnostics: report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`),
  };
}

describe("quote checks over a ledger", () => {
  it("verified, not found with the closest passage, and a quote with nothing like it in the archive", async () => {
    const { results, diagnostics } = await check({
      "ledger.yaml": ledger(doc("report", "    archive: report.txt\n") + doc("blank", "    archive: blank.txt\n"), says("ten people were killed", "report") + says("twelve people were killed", "report") + says("ten", "blank")),
      "report.txt": ARCHIVE,
      "blank.txt": "...",
    });
    expect(results).toEqual(["verified", "not-found", "not-found"]);
    expect(diagnostics).toEqual([
      `ledger.yaml:25:16 error quote-not-found: quote not found in the archive of 'report'; closest passage (84% similar): "ten people were killed"`,
      "ledger.yaml:29:16 error quote-not-found: quote not found in the archive of 'blank'; the archive has no similar passage",
    ]);
  });

  it("says why a quote is unchecked: no `in`, a document not declared, one with errors, one without an archive, an archive that cannot be read", async () => {
    const { results, diagnostics } = await check({
      "ledger.yaml": ledger(
        doc("plain") + doc("broken", "    colour: red\n") + doc("lost", "    archive: lost.txt\n"),
        says("a") + says("b", "nowhere") + says("c", "broken") + says("d", "plain") + says("e", "lost"),
      ),
    });
    expect(results).toEqual(["unchecked", "unchecked", "unchecked", "unchecked", "unchecked"]);
    expect(diagnostics.filter((d) => d.includes("quote-unchecked"))).toEqual([
      "ledger.yaml:24:16 info quote-unchecked: quote not checked: the statement has no `in` document; add one whose `archive` holds the text",
      "ledger.yaml:27:16 info quote-unchecked: quote not checked: document 'nowhere' is not declared",
      "ledger.yaml:31:16 info quote-unchecked: quote not checked: document 'broken' has errors; fix them to check this quote",
      "ledger.yaml:35:16 info quote-unchecked: quote not checked: document 'plain' has no `archive`; archive the text to check quotes",
      "ledger.yaml:39:16 info quote-unchecked: quote not checked: the archive of document 'lost' cannot be read",
    ]);
    expect(diagnostics.filter((d) => d.includes("archive-missing"))).toEqual(["ledger.yaml:16:14 error archive-missing: archive 'lost.txt' does not exist (looked for it relative to ledger.yaml)"]);
  });

  it("an archive under a path through a file is missing; one outside the workspace root is refused", async () => {
    const outside = tempDir("claims-outside-");
    writeFiles(outside, { "secret.txt": ARCHIVE });
    const { results, diagnostics } = await check(
      { "ledger.yaml": ledger(doc("through", "    archive: report.txt/x\n") + doc("out", "    archive: link.txt\n"), says("ten", "through") + says("ten", "out")), "report.txt": ARCHIVE },
      (dir) => symlinkSync(join(outside, "secret.txt"), join(dir, "link.txt")),
    );
    expect(results).toEqual(["unchecked", "unchecked"]);
    expect(diagnostics.filter((d) => !d.includes("quote-unchecked"))).toEqual([
      "ledger.yaml:9:14 error archive-missing: archive 'report.txt/x' does not exist (looked for it relative to ledger.yaml)",
      "ledger.yaml:13:14 error archive-outside-workspace: archive 'link.txt' resolves outside the workspace root; keep archives inside the folder you check (for example archive/ beside the ledger)",
    ]);
  });

  it("a recorded hash is compared case-blind; a mismatch is an error and the archive is still used", async () => {
    const { createHash } = await import("node:crypto");
    const actual = createHash("sha256").update(ARCHIVE).digest("hex");
    const wrong = "A".repeat(64);
    const { results, diagnostics } = await check({
      "ledger.yaml": ledger(doc("same", `    archive: report.txt\n    sha256: ${actual.toUpperCase()}\n`) + doc("changed", `    archive: report.txt\n    sha256: ${wrong}\n`), says("ten people", "same") + says("ten people", "changed")),
      "report.txt": ARCHIVE,
    });
    expect(results).toEqual(["verified", "verified"]);
    expect(diagnostics).toEqual([`ledger.yaml:15:13 error archive-changed: archive 'report.txt' has SHA-256 ${actual}, not the recorded ${"a".repeat(64)}; check the change, then update \`sha256\``]);
  });

  it("an archive shared by two documents that both record its hash is hashed once and matches for both; an unreadable one is not hashed", async () => {
    const { createHash } = await import("node:crypto");
    const actual = createHash("sha256").update(ARCHIVE).digest("hex");
    const { results, diagnostics } = await check({
      "ledger.yaml": ledger(
        doc("one", `    archive: report.txt\n    sha256: ${actual}\n`) + doc("two", `    archive: report.txt\n    sha256: ${actual}\n`) + doc("bad", `    archive: bad.txt\n    sha256: ${actual}\n`),
        says("ten people", "one") + says("ten people", "two") + says("ten people", "bad"),
      ),
      "report.txt": ARCHIVE,
      "bad.txt": "ten\u0000people",
    });
    expect(results).toEqual(["verified", "verified", "unchecked"]);
    expect(diagnostics.filter((d) => !d.includes("quote-unchecked"))).toEqual(["ledger.yaml:19:14 error unreadable-file: archive 'bad.txt': file holds a NUL character; it is binary or corrupted"]);
  });

  it("an unreadable archive shared by two documents is reported once", async () => {
    const { results, diagnostics } = await check({
      "ledger.yaml": ledger(doc("one", "    archive: bad.txt\n") + doc("two", "    archive: bad.txt\n"), says("ten", "one") + says("ten", "two")),
      "bad.txt": "ten\u0000people",
    });
    expect(results).toEqual(["unchecked", "unchecked"]);
    expect(diagnostics.filter((d) => !d.includes("quote-unchecked"))).toEqual(["ledger.yaml:9:14 error unreadable-file: archive 'bad.txt': file holds a NUL character; it is binary or corrupted"]);
  });

  it("an archive whose extension is HTML in any case is read as HTML", async () => {
    const { results } = await check({
      "ledger.yaml": ledger(doc("page", "    archive: page.HTML\n") + doc("text", "    archive: page.txt\n"), says("ten people were killed", "page") + says("ten people were killed", "text")),
      "page.HTML": "<p>ten <b>people</b> were <i>killed</i></p>",
      "page.txt": "<p>ten <b>people</b> were <i>killed</i></p>",
    });
    expect(results).toEqual(["verified", "not-found"]);
  });
});
