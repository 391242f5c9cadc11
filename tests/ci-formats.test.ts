/**
 * The CI formats read back by real consumers: JUnit XML against the Jenkins schema (libxml2), GitLab
 * Code Quality against GitLab's schemas, SARIF against OASIS's; fingerprints that survive edits;
 * `check` in the lint formats (conflicts and unresolved claims as results); `lint -o`; the report's
 * line and column per claim and statement; `check --format markdown`'s diagnostics.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "htmlparser2";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { Chalk } from "chalk";
import { afterAll, describe, expect, it } from "vitest";
import { diagnostic, type Diagnostic } from "../src/core/shared/diagnostics.js";
import { LINT_FORMATTERS, type LintContext } from "../src/formats/lint/index.js";
import { gitRepo, removeTempDirs, writeFiles } from "./helpers/git.js";
import { runBin, runInProcess } from "./helpers/run.js";
import { gitlabCheck, junitErrors, sarifCheck } from "./helpers/schemas.js";

afterAll(removeTempDirs);

const EVERY_FAULT = "tests/fixtures/every-fault";
const ctx: LintContext = { chalk: new Chalk({ level: 0 }), version: "0.1.0", cwd: "/work/ws" };
// Controls, a bidi override, a lone surrogate, XML's non-characters, markup and a CDATA end.
const HOSTILE = 'bad \u0001\u001b]0;t\u0007 \u202e \ud800 \uffff & <x> "q" \'a\' ]]> tab\there\nline';
const hostile: Diagnostic[] = [diagnostic("schema", HOSTILE, { file: "a&b <c>.yaml", line: 2, column: 3 })];

describe("junit", () => {
  it("the example ledger: one passing case per file, valid against the Jenkins JUnit schema", async () => {
    const result = runBin(["lint", "--format", "junit"]);
    expect(result.code).toBe(0);
    expect(await junitErrors(result.stdout)).toBe("");
    expect(result.stdout).toContain('<testsuites name="claims" tests="9" failures="0" errors="0">');
    expect(result.stdout.match(/<testcase name="no problems"/g)).toHaveLength(9);
  });

  it("every fault: errors and warnings fail, an info passes with its message", async () => {
    const result = runBin(["lint", "--format", "junit", EVERY_FAULT]);
    expect(result.code).toBe(1);
    expect(await junitErrors(result.stdout)).toBe("");
    const doc = parseDocument(result.stdout, { xmlMode: true });
    const all = (name: string) => allElements(doc, name);
    // 20 diagnostics (the stale relay, the relay mismatch and the self-relay among them), all but the info failing.
    expect(all("testsuites")[0].attribs).toEqual({ name: "claims", tests: "20", failures: "19", errors: "0" });
    expect(all("failure")).toHaveLength(19);
    expect(all("system-out").map(textOf)).toEqual(["tests/fixtures/every-fault/toll.yaml:20:16: info: quote not checked: the archive of document 'lost-report' cannot be read (quote-unchecked)"]);
    const unknown = all("failure").find((f) => f.attribs.type === "unknown-source")!;
    expect(unknown.attribs.message).toBe("unknown source 'prosecuter-general' — did you mean 'prosecutor-general'?");
    expect((unknown.parent as { attribs: Record<string, string> }).attribs).toEqual({ name: "unknown-source at 11:17", classname: "tests/fixtures/every-fault/toll.yaml" });
    // archive/ holds no ledger file: five YAML files, one suite each (broken and NUL ones included).
    expect(all("testsuite").map((s) => s.attribs.name)).toEqual(["broken.yaml", "nul.yaml", "sources.yaml", "toll.yaml", "twice.yaml"].map((f) => `${EVERY_FAULT}/${f}`));
  });

  it("hostile text stays well-formed, valid XML and reads back as the sanitised text", async () => {
    const xml = LINT_FORMATTERS.junit(hostile, ctx);
    expect(await junitErrors(xml)).toBe("");
    const failure = allElements(parseDocument(xml, { xmlMode: true, decodeEntities: true }), "failure")[0];
    expect(failure.attribs.message).toBe('bad \\u0001\\u001b]0;t\\u0007 \\u202e \ufffd \ufffd & <x> "q" \'a\' ]]> tab\there\nline');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/);
  });

  it("no files and nothing to say is still a valid document; the validator does reject a broken one", async () => {
    const empty = LINT_FORMATTERS.junit([], { ...ctx, files: [] });
    expect(empty).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claims" tests="0" failures="0" errors="0"/>\n');
    expect(await junitErrors(empty)).toBe("");
    const broken = LINT_FORMATTERS.junit(hostile, ctx).replace(/(<testsuite [^>]*) failures="1"/, "$1");
    expect(broken).not.toBe(LINT_FORMATTERS.junit(hostile, ctx));
    expect(await junitErrors(broken)).toMatch(/The attribute 'failures' is required but missing/);
  });
});

describe("gitlab", () => {
  const check = gitlabCheck();

  it("every fault: valid against GitLab's schemas, with severities, check names, paths and lines", () => {
    const result = runBin(["lint", "--format", "gitlab", EVERY_FAULT]);
    const issues = JSON.parse(result.stdout);
    expect(check(issues)).toBe("");
    expect(issues).toHaveLength(20);
    expect(issues.find((i: { check_name: string }) => i.check_name === "unknown-source")).toEqual({
      description: "unknown source 'prosecuter-general' — did you mean 'prosecutor-general'?",
      check_name: "unknown-source",
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: "major",
      location: { path: `${EVERY_FAULT}/toll.yaml`, lines: { begin: 11 } },
    });
    expect(new Set(issues.map((i: { severity: string }) => i.severity))).toEqual(new Set(["major", "minor", "info"]));
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(20);
  });

  it("the validators reject what GitLab would not read", () => {
    expect(check([{ description: "d", check_name: "c", fingerprint: "f", severity: "warning", location: { path: "a.yaml", lines: { begin: 1 } } }])).toMatch(/allowed values/);
    expect(check([{ description: "d", check_name: "c", severity: "info", location: { path: "a.yaml", lines: { begin: 1 } } }])).toMatch(/fingerprint/);
    expect(check({})).toMatch(/must be array/);
  });

  it("a fingerprint survives lines moving, and tells apart findings alike in all but place", async () => {
    const repo = gitRepo({}, { exampleLedgerAt: "claims", commit: "example" });
    const twice = "      - source: nobody\n        says: 1\n";
    writeFiles(repo, { "claims/extra.yaml": `claims:\n  extra:\n    question: Q?\n    type: quantity\n    statements:\n${twice}${twice}` });
    const run = async () => JSON.parse((await runInProcess(["lint", "--format", "gitlab"], { cwd: repo })).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
    const before = await run();
    expect(before.map((i) => i.location.lines.begin)).toEqual([6, 8]);
    expect(before[0].fingerprint).not.toBe(before[1].fingerprint);
    expect(await run()).toEqual(before);
    const path = join(repo, "claims/extra.yaml");
    writeFileSync(path, `# a comment\n# and another\n${readFileSync(path, "utf8")}`);
    const after = await run();
    expect(after.map((i) => i.location.lines.begin)).toEqual([8, 10]);
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
    // From a folder below, paths (and so fingerprints) still count from the top of the repository.
    const below = JSON.parse((await runInProcess(["lint", "--format", "gitlab", "."], { cwd: join(repo, "claims") })).stdout);
    expect(below.map((i: { location: { path: string } }) => i.location.path)).toEqual(["claims/extra.yaml", "claims/extra.yaml"]);
    expect(below.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(after.map((i) => i.fingerprint));
  });
});

describe("sarif", () => {
  const check = sarifCheck();

  it("results carry partial fingerprints, stable across runs", () => {
    const first = JSON.parse(runBin(["lint", "--format", "sarif", EVERY_FAULT]).stdout);
    expect(check(first)).toBe("");
    const prints = first.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["claimsFinding/v1"]);
    expect(prints).toHaveLength(20);
    expect(prints.every((p: string) => /^[0-9a-f]{64}$/.test(p))).toBe(true);
    expect(JSON.parse(runBin(["lint", "--format", "sarif", EVERY_FAULT]).stdout).runs[0].results).toEqual(first.runs[0].results);
  });

  it("check --format sarif: conflicts and unresolved claims are results of their own rules", () => {
    const result = runBin(["check", "--format", "sarif", "--fail-on", "unresolved"]);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(check(log)).toBe("");
    const run = log.runs[0];
    const rules = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules.slice(-2)).toEqual(["conflict", "unresolved"]);
    const brief = run.results.map((r: { ruleId: string; level: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => {
      expect(rules[r.ruleIndex]).toBe(r.ruleId);
      const at = r.locations[0].physicalLocation;
      return `${r.level} ${r.ruleId} ${at.artifactLocation.uri}:${at.region.startLine}`;
    });
    expect(brief).toEqual([
      "note conflict claims/death-toll.yaml:13",
      "note conflict claims/death-toll.yaml:17",
      "error unresolved claims/who-fired-first.yaml:2",
      "error conflict claims/who-fired-first.yaml:8",
      "error conflict claims/who-fired-first.yaml:13",
    ]);
  });
});

describe("check in the lint formats", () => {
  it("github: a notice per conflicting position and unresolved claim, an error when --fail-on fails on it", async () => {
    const notices = await runInProcess(["check", "--format", "github"]);
    expect(notices.code).toBe(0);
    expect(notices.stdout.split("\n").filter(Boolean).map((l) => l.slice(0, l.indexOf("::", 2)))).toEqual([
      "::notice file=claims/death-toll.yaml,line=13,col=9,title=claims conflict",
      "::notice file=claims/death-toll.yaml,line=17,col=9,title=claims conflict",
      "::notice file=claims/who-fired-first.yaml,line=2,col=3,title=claims unresolved",
      "::notice file=claims/who-fired-first.yaml,line=8,col=9,title=claims conflict",
      "::notice file=claims/who-fired-first.yaml,line=13,col=9,title=claims conflict",
    ]);
    expect(notices.stdout).toContain("::death-toll: prosecutor-general says 10, which conflicts with morgue-witnesses (64)\n");
    const errors = await runInProcess(["check", "--format", "github", "--fail-on", "conflict"]);
    expect(errors.code).toBe(1);
    expect(errors.stdout.split("\n").filter(Boolean).every((l) => l.startsWith("::error "))).toBe(true);
  });

  it("junit and gitlab validate too, with the ledger's diagnostics beside the findings", async () => {
    const junit = await runInProcess(["check", "--format", "junit", "--fail-on", "conflict", EVERY_FAULT]);
    expect(await junitErrors(junit.stdout)).toBe("");
    const gitlab = JSON.parse((await runInProcess(["check", "--format", "gitlab"])).stdout);
    expect(gitlabCheck()(gitlab)).toBe("");
    expect(gitlab.map((i: { check_name: string; severity: string }) => `${i.severity} ${i.check_name}`)).toEqual(["info conflict", "info conflict", "info unresolved", "info conflict", "info conflict"]);
  });
});

describe("lint --output-file", () => {
  it("writes the report to the file, not stdout, and refuses a file of the ledger", async () => {
    const repo = gitRepo({}, { exampleLedgerAt: "claims", commit: "example" });
    const written = await runInProcess(["lint", "--format", "junit", "-o", "report.xml"], { cwd: repo });
    expect(written).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await junitErrors(readFileSync(join(repo, "report.xml"), "utf8"))).toBe("");
    const sources = readFileSync(join(repo, "claims/sources.yaml"), "utf8");
    const refused = await runInProcess(["lint", "--output-file", "claims/sources.yaml"], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^claims: refusing to write 'claims\/sources\.yaml': it is a ledger file/);
    expect(readFileSync(join(repo, "claims/sources.yaml"), "utf8")).toBe(sources);
    expect((await runInProcess(["lint", "-o", "claims/new.yaml"], { cwd: repo })).stderr).toMatch(/a YAML file inside the ledger's folder/);
  });
});

describe("check --output-file", () => {
  it("writes any format to the file, the JSON report too, with the exit code of the run", async () => {
    const repo = gitRepo({}, { exampleLedgerAt: "claims", commit: "example" });
    expect(await runInProcess(["check", "--format", "json", "-o", "report.json"], { cwd: repo })).toEqual({ code: 0, stdout: "", stderr: "" });
    const written = readFileSync(join(repo, "report.json"), "utf8");
    expect(written).toBe((await runInProcess(["check", "--format", "json"], { cwd: repo })).stdout);
    expect(await runInProcess(["check", "--format", "sarif", "--fail-on", "conflict", "--output-file", "claims.sarif"], { cwd: repo })).toEqual({ code: 1, stdout: "", stderr: "" });
    expect(sarifCheck()(JSON.parse(readFileSync(join(repo, "claims.sarif"), "utf8")))).toBe("");
  });
});

describe("the JSON report's positions (SPEC §11 v2)", () => {
  it("gives each claim its id key's line and column, and each statement its list item's", () => {
    const report = JSON.parse(runBin(["check", "--format", "json"]).stdout);
    const toll = report.claims.find((c: { id: string }) => c.id === "death-toll");
    expect([toll.line, toll.column]).toEqual([2, 3]);
    expect(toll.statements.map((s: { line: number; column: number }) => [s.line, s.column])).toEqual([
      [9, 9],
      [13, 9],
      [17, 9],
    ]);
  });
});

describe("check --format markdown", () => {
  const read = (markdown: string) => fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });

  it("lists the diagnostics and explains each claim left out of the tables", async () => {
    const repo = gitRepo({}, { exampleLedgerAt: "claims", commit: "example" });
    writeFiles(repo, { "claims/broken.yaml": "claims:\n  broken-claim:\n    question: Q?\n    type: quantity\n    unit: people\n    tagz: [a]\n    statements:\n      - source: aljazeera\n        says: 1\n" });
    const result = await runInProcess(["check", "--format", "markdown"], { cwd: repo });
    expect(result.code).toBe(1);
    const tree = read(result.stdout);
    const headings = tree.children.filter((n) => n.type === "heading").map(plain);
    expect(headings.slice(0, 2)).toEqual(["Claims report", "Diagnostics"]);
    const tables = tree.children.filter((n) => n.type === "table") as { children: { children: unknown[] }[] }[];
    const rows = (t: (typeof tables)[number]) => t.children.map((row) => row.children.map(plain));
    expect(rows(tables[1])).toEqual([
      ["where", "severity", "code", "message"],
      ["claims/broken.yaml:6:5", "error", "schema", "unknown key 'tagz' — did you mean 'tags'?"],
    ]);
    expect(rows(tables[2])).toEqual([
      ["claim", "where", "why"],
      ["broken-claim", "claims/broken.yaml:2:3", "it has schema errors outside its statements"],
    ]);
    expect(tree.children.map(plain)).toContain("1 claim left out of the tables: fix the errors above and it is analysed.");
  });

  it("the text output says which claims are left out too", async () => {
    const repo = gitRepo({}, { exampleLedgerAt: "claims", commit: "example" });
    writeFiles(repo, { "claims/broken.yaml": "claims:\n  Bad_Id:\n    question: Q?\n    type: boolean\n    statements:\n      - source: aljazeera\n        says: yes\n" });
    const result = await runInProcess(["check"], { cwd: repo });
    expect(result.stdout.split("\n")).toContain("1 claim left out of the table for errors (see above): Bad_Id (claims/broken.yaml:2:3)");
    const report = JSON.parse((await runInProcess(["check", "--format", "json"], { cwd: repo })).stdout);
    expect(report.omittedClaims).toEqual([{ id: "Bad_Id", reason: "id", file: "claims/broken.yaml", line: 2, column: 3 }]);
  });

  it("says nothing more for a clean ledger: the same text as the markdown export", async () => {
    const check = await runInProcess(["check", "--format", "markdown"]);
    const exported = await runInProcess(["export", "--format", "markdown"]);
    expect(check.stdout).toBe(exported.stdout);
    expect(read(check.stdout).children.map(plain)).not.toContain("Diagnostics");
  });
});

type Element = { name: string; attribs: Record<string, string>; children: unknown[]; parent: unknown };

function allElements(node: { children?: unknown[] }, name: string, out: Element[] = []): Element[] {
  for (const child of (node.children ?? []) as (Element & { type: string })[]) {
    if (child.type === "tag" && child.name === name) out.push(child);
    allElements(child, name, out);
  }
  return out;
}

function textOf(node: { children?: unknown[]; data?: string }): string {
  return node.data ?? (node.children ?? []).map((c) => textOf(c as typeof node)).join("");
}

/** The plain text of an mdast node. */
function plain(node: unknown): string {
  const n = node as { value?: string; children?: unknown[] };
  return n.value ?? (n.children ?? []).map(plain).join("");
}
