/**
 * `claims add` from the built CLI (issue 17): each record kind goes where SPEC §10 (v2) says, into
 * a heavily commented ledger whose every other byte is kept; the ledger stays valid; a dry run
 * shows exactly what a real run writes; modes and symbolic links inside the ledger are kept.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, mkdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "./fixtures/hazards/hazards.js";
import { COMMENTED_LEDGER, insertedSpan, writeLedger } from "./helpers/edit.js";
import { parseYaml } from "../src/core/load/parse.js";
import { runBin } from "./helpers/run.js";

let work: string;
const file = (rel: string) => readFileSync(join(work, "claims", rel), "utf8");

beforeEach(() => {
  work = tempDir("add");
  writeLedger(join(work, "claims"));
});
afterEach(() => removeDir(work));

/** Runs `claims add …` in the work folder and checks that only `changed` changed, by one inserted span; returns that span. */
function addAndKeep(args: readonly string[], changed: string): { span: string; stdout: string; stderr: string } {
  const before = Object.fromEntries(Object.keys(COMMENTED_LEDGER).map((rel) => [rel, file(rel)]));
  const result = runBin(["add", ...args], { cwd: work });
  expect(result.stderr.split("\n").filter((l) => /^\s+\d+:\d+\s+error\s/.test(l))).toEqual([]);
  expect(result.code).toBe(0);
  for (const rel of Object.keys(COMMENTED_LEDGER)) if (rel !== changed) expect(file(rel), rel).toBe(before[rel]);
  return { span: insertedSpan(before[changed], file(changed)), stdout: result.stdout, stderr: result.stderr };
}

describe("claims add, each kind of record, into a commented ledger", () => {
  it("a statement into a block list: after the last statement, before the comment that ends the list", () => {
    const { span, stdout } = addAndKeep(["statement", "death-toll", "--source", "striking-workers", "--says", "dozens", "--on", "2011-12-17", "--note", 'He said: "many" # no comment'], "death-toll.yaml");
    expect(span).toBe('\n    - source: striking-workers\n      says: dozens\n      on: 2011-12-17\n      note: "He said: \\"many\\" # no comment"\n');
    expect(stdout).toBe("Added statement 3 of 'death-toll' to claims/death-toll.yaml, lines 23–26.\n");
  });

  it("a statement into a flow list, with a number and a retraction read as YAML would", () => {
    const { span } = addAndKeep(["statement", "who-fired-first", "--source", "aljazeera", "--says", "police,protesters", "--retracted", "true"], "who-fired-first.yaml");
    expect(span).toBe(",\n      {source: aljazeera, says: [police, protesters], retracted: true}");
  });

  it("a source into the first file that declares sources: CRLF line ends and the BOM kept", () => {
    const { span, stderr } = addAndKeep(["source", "morgue-witnesses", "--name", "Eyewitnesses at the morgue", "--type", "eyewitness", "--reliability", "C"], "people.yaml");
    expect(span).toBe("  morgue-witnesses:\r\n    name: Eyewitnesses at the morgue\r\n    type: eyewitness\r\n    reliability: C\r\n");
    expect(file("people.yaml").startsWith("\uFEFF")).toBe(true);
    // A source nobody cites yet is a warning: told, not refused.
    expect(stderr).toContain("warning  source 'morgue-witnesses' is not cited by any statement");
  });

  it("a document with its archive: the path relative to the YAML file and the SHA-256 of its bytes", () => {
    const { span } = addAndKeep(["document", "later-accounts", "--title", "Later accounts", "--publisher", "Various", "--published", "2012-01-26", "--archive", "claims/archive/report.txt"], "people.yaml");
    const sha256 = createHash("sha256").update(readFileSync(join(work, "claims", "archive", "report.txt"))).digest("hex");
    expect(span).toBe(`,\r\n  later-accounts: {title: Later accounts, publisher: Various, published: 2012-01-26, archive: archive/report.txt, sha256: ${sha256}}`);
  });

  it("a claim, with its first statement, into a new <id>.yaml in the ledger folder", () => {
    const result = runBin(["add", "claim", "order-restored", "--question", "Was order restored in Zhanaozen by 17 December 2011?", "--type", "boolean", "--tags", "security,aftermath", "--source", "aljazeera", "--says", "yes", "--in", "aljazeera-2011-12-17"], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Added claim 'order-restored' to claims/order-restored.yaml (a new file), lines 1–9.\n");
    expect(file("order-restored.yaml")).toBe(
      "claims:\n  order-restored:\n    question: Was order restored in Zhanaozen by 17 December 2011?\n    type: boolean\n    tags: [security, aftermath]\n    statements:\n      - source: aljazeera\n        says: yes\n        in: aljazeera-2011-12-17\n",
    );
  });

  it("a source into the file --file names: a new section at its end", () => {
    const { span } = addAndKeep(["source", "odak", "--name", "Odak independent trade union", "--type", "union", "--side", "workers", "--file", "claims/death-toll.yaml"], "death-toll.yaml");
    expect(span).toBe("\nsources:\n  odak:\n    name: Odak independent trade union\n    type: union\n    side: workers\n");
  });

  it("leaves a ledger that checks clean after every kind", () => {
    const runs = [
      ["statement", "death-toll", "--source", "striking-workers", "--says", "dozens", "--on", "2011-12-17"],
      ["source", "morgue-witnesses", "--name", "Eyewitnesses at the morgue", "--type", "eyewitness"],
      ["document", "later-accounts", "--title", "Later accounts", "--publisher", "Various", "--archive", "claims/archive/report.txt"],
      ["claim", "morgue-count", "--question", "How many bodies were counted at the morgue?", "--type", "quantity", "--unit", "bodies,dead", "--cumulative", "--source", "morgue-witnesses", "--says", "64", "--in", "later-accounts"],
    ];
    for (const args of runs) expect(runBin(["add", ...args], { cwd: work }).code).toBe(0);
    const lint = runBin(["lint"], { cwd: work });
    expect(lint.stdout).toBe("");
    expect(lint.code).toBe(0);
    expect(file("morgue-count.yaml")).toContain("    unit: [bodies, dead]\n    cumulative: true\n");
  });
});

describe("a ledger that already has errors", () => {
  it("takes a record that adds none, and says nothing of the errors it had", () => {
    writeFileSync(join(work, "claims", "broken.yaml"), "claims: [\n");
    const result = runBin(["add", "statement", "death-toll", "--source", "aljazeera", "--says", "12", "--on", "2011-12-18"], { cwd: work });
    expect(result).toEqual({ code: 0, stdout: "Added statement 3 of 'death-toll' to claims/death-toll.yaml, lines 23–25.\n", stderr: "" });
  });
});

describe("the library", () => {
  it("offers the same edits from its front door", async () => {
    const { addToText, fixTexts } = await import("../src/index.js");
    const before = COMMENTED_LEDGER["who-fired-first.yaml"];
    const { text, at, inserted } = addToText(before, ["claims", "who-fired-first", "statements"], null, { source: "aljazeera", says: "unknown" });
    expect(text).toBe(before.slice(0, at) + inserted + before.slice(at));
    expect(insertedSpan(before, text)).toBe(inserted);
    const { edits } = fixTexts([{ abs: "/x.yaml", display: "x.yaml", text: before.replace("type: choice", "type: CHOICE") }]);
    expect(edits.map((e) => e.after)).toEqual([before]);
  });
});

/**
 * `git apply` of `patch` to a copy of claims/`rel` as it was (`before`, its CRs and BOM kept)
 * succeeds and gives byte for byte what `args` then writes for real.
 */
function expectAppliesAsWritten(patch: string, rel: string, before: string, args: readonly string[]): void {
  const copy = tempDir("add-dry");
  try {
    mkdirSync(join(copy, "claims"));
    writeFileSync(join(copy, "claims", rel), before);
    writeFileSync(join(copy, "patch.diff"), patch);
    const apply = spawnSync("git", ["apply", "patch.diff"], { cwd: copy, encoding: "utf8" });
    expect(apply.stderr).toBe("");
    expect(apply.status).toBe(0);
    expect(runBin(args, { cwd: work }).code).toBe(0);
    expect(readFileSync(join(copy, "claims", rel), "utf8")).toBe(file(rel));
  } finally {
    removeDir(copy);
  }
}

describe("claims add --dry-run", () => {
  it("prints a unified diff that git applies to give exactly what a real run writes", () => {
    const args = ["add", "source", "morgue-witnesses", "--name", "Eyewitnesses at the morgue", "--type", "eyewitness"];
    const dry = runBin([...args, "--dry-run"], { cwd: work });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe("claims: dry run; nothing was written\n");
    expect(dry.stdout.split("\n").slice(0, 3)).toEqual(["--- a/claims/people.yaml", "+++ b/claims/people.yaml", "@@ -12,6 +12,9 @@"]);
    // The diff carries the file's CRs, so it applies to the file as it is (CRLF line ends and a
    // BOM) and gives byte for byte what the real run writes.
    expect(dry.stdout.split("\n")[3]).toBe("   aljazeera:\r");
    expectAppliesAsWritten(dry.stdout, "people.yaml", file("people.yaml"), args);
  });

  it("applies where the hunk starts at line 1 of a file with a BOM and CRLF line ends", () => {
    const small = "\uFEFFsources:\r\n  odak: {name: Odak, type: union}\r\n";
    writeFileSync(join(work, "claims", "small.yaml"), small);
    const args = ["add", "source", "kmg", "--name", "KazMunayGas", "--type", "company", "--file", "claims/small.yaml"];
    const dry = runBin([...args, "--dry-run"], { cwd: work });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe("--- a/claims/small.yaml\n+++ b/claims/small.yaml\n@@ -1,2 +1,5 @@\n \uFEFFsources:\r\n   odak: {name: Odak, type: union}\r\n+  kmg:\r\n+    name: KazMunayGas\r\n+    type: company\r\n");
    expectAppliesAsWritten(dry.stdout, "small.yaml", small, args);
  });

  it("shows a new file as made from /dev/null", () => {
    const dry = runBin(["add", "claim", "c2", "--question", "Q?", "--type", "date", "--source", "aljazeera", "--says", "2011-12-16", "--dry-run"], { cwd: work });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe("--- /dev/null\n+++ b/claims/c2.yaml\n@@ -0,0 +1,7 @@\n+claims:\n+  c2:\n+    question: Q?\n+    type: date\n+    statements:\n+      - source: aljazeera\n+        says: 2011-12-16\n");
  });
});

describe("hostile text in options", () => {
  it("reaches the file escaped and the terminal sanitised, and reads back as given", () => {
    const note = "evil\u001b[2J\u202egone\u0007";
    const result = runBin(["add", "statement", "death-toll", "--source", "aljazeera", "--says", "12", "--on", "2011-12-18", "--note", note], { cwd: work });
    expect(result.code).toBe(0);
    const text = file("death-toll.yaml");
    // yaml escapes the control characters; a bidi override is text YAML allows, kept as typed (every
    // output of claims escapes it, as the dry run below shows).
    expect(text).toContain('      note: "evil\\e[2J\u202egone\\a"\n');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    const statements = (parseYaml(text).value as { claims: { "death-toll": { statements: { note?: string }[] } } }).claims["death-toll"].statements;
    expect(statements.at(-1)?.note).toBe(note);
    const shown = runBin(["add", "statement", "death-toll", "--source", "aljazeera", "--says", "13", "--on", "2011-12-19", "--note", note, "--dry-run"], { cwd: work });
    expect(shown.stdout).toContain('+      note: "evil\\e[2J\\u202egone\\a"\n');
    expect(shown.stdout).not.toMatch(/[\u001b\u202e]/);
    const dry = runBin(["add", "source", "s\u001b[2J", "--name", "\u001b]0;title\u0007", "--type", "media"], { cwd: work });
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain("'s\\u001b[2J' is not an id");
    expect(dry.stderr + dry.stdout).not.toMatch(/\u001b/);
  });
});

describe("what a write keeps", () => {
  it("keeps the file's mode, and a new file gets the usual one", () => {
    chmodSync(join(work, "claims", "death-toll.yaml"), 0o640);
    expect(runBin(["add", "statement", "death-toll", "--source", "aljazeera", "--says", "12", "--on", "2011-12-18"], { cwd: work }).code).toBe(0);
    expect(statSync(join(work, "claims", "death-toll.yaml")).mode & 0o777).toBe(0o640);
    expect(runBin(["add", "claim", "c3", "--question", "Q?", "--type", "boolean", "--source", "aljazeera", "--says", "no"], { cwd: work }).code).toBe(0);
    const umask = process.umask();
    expect(statSync(join(work, "claims", "c3.yaml")).mode & 0o777).toBe(0o666 & ~umask);
  });

  it("writes through a symbolic link to a file inside the ledger, keeping the link", () => {
    mkdirSync(join(work, "claims", ".store"));
    renameSync(join(work, "claims", "death-toll.yaml"), join(work, "claims", ".store", "death-toll.yaml"));
    symlinkSync(".store/death-toll.yaml", join(work, "claims", "death-toll.yaml"));
    expect(runBin(["add", "statement", "death-toll", "--source", "aljazeera", "--says", "12", "--on", "2011-12-18"], { cwd: work }).code).toBe(0);
    expect(readFileSync(join(work, "claims", ".store", "death-toll.yaml"), "utf8")).toContain("      says: 12\n");
    expect(statSync(join(work, "claims", "death-toll.yaml")).isFile()).toBe(true);
    expect(spawnSync("readlink", [join(work, "claims", "death-toll.yaml")], { encoding: "utf8" }).stdout.trim()).toBe(".store/death-toll.yaml");
  });

  it("finds the ledger with --ledger, from anywhere", () => {
    cpSync(join(work, "claims"), join(work, "elsewhere"), { recursive: true });
    const result = runBin(["add", "statement", "death-toll", "--ledger", "elsewhere", "--source", "aljazeera", "--says", "12", "--on", "2011-12-18"], { cwd: work });
    expect(result.stdout).toBe("Added statement 3 of 'death-toll' to elsewhere/death-toll.yaml, lines 23–25.\n");
    expect(file("death-toll.yaml")).toBe(COMMENTED_LEDGER["death-toll.yaml"]);
  });
});

describe("help", () => {
  it.each(["statement", "source", "document", "claim"])("claims add %s --help teaches the form with an example", (form) => {
    const result = runBin(["add", form, "--help"], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: claims add ${form} \\[options\\] \\[(claim-)?id\\]\n`));
    expect(result.stdout).toMatch(new RegExp(`\nExample:\n {2}claims add ${form} [a-z]`));
    expect(result.stdout).toContain("\nExit codes: 0 added (or shown, with --dry-run), 1 not added");
  });

  it("claims fix --help lists what it fixes and what it leaves", () => {
    const result = runBin(["fix", "--help"], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  - a misspelt key with exactly one candidate   (sorce: → source:)");
    expect(result.stdout).toContain("printed as a suggestion and never applied");
    expect(result.stdout).toContain("Exit codes: 0 nothing left to fix by hand, 1 errors remain (they are listed), 2 could not do it.");
  });

  it("claims add without a form shows the forms and exits 2", () => {
    const result = runBin(["add"], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("  claims add statement <claim-id> --source S --says V [--in D --quote Q …]");
  });
});
