import { Chalk } from "chalk";
import { beforeEach, describe, expect, it } from "vitest";
import { escapeData, escapeProperty } from "../src/formats/lint/github.js";
import { LINT_FORMATTERS, type LintContext, type LintFormat } from "../src/formats/lint/index.js";
import { hasUnsafe, sanitizeKeepingColour } from "../src/formats/sanitize.js";
import { DIAGNOSTIC_CODES, diagnostic, type Diagnostic } from "../src/core/shared/diagnostics.js";
import { fingerprints } from "../src/core/shared/fingerprint.js";
import { sarifCheck } from "./helpers/schemas.js";

const plain: LintContext = { chalk: new Chalk({ level: 0 }), version: "0.1.0", cwd: "/work/ws" };
const coloured: LintContext = { ...plain, chalk: new Chalk({ level: 1 }) };
const SGR = /\u001b\[[0-9;]*m/g;

// An OSC "set title" sequence, a bell, a right-to-left override and a zero-width space.
const HOSTILE = "bad \u001b]0;pwned\u0007 \u202Eevil\u200B";
const HOSTILE_SHOWN = "bad \\u001b]0;pwned\\u0007 \\u202eevil\\u200b";

// Made before each test, not at collection time, so that the mutation run (`npm run mutate`) knows
// which tests reach `diagnostic`.
let three: Diagnostic[];
let hostile: Diagnostic[];
beforeEach(() => {
  three = [
    diagnostic("unused-source", "source 'x' is never cited", { file: "ledger/b.yaml", line: 3, column: 1 }),
    diagnostic("unknown-source", "unknown source 'prosecuter' — did you mean 'prosecutor'?", { file: "ledger/a.yaml", line: 12, column: 13 }),
    diagnostic("quote-unchecked", "no archive", { file: "ledger/a.yaml", line: 4, column: 5 }),
  ];
  hostile = [diagnostic("schema", HOSTILE, { file: "led\u202Eger.yaml", line: 1, column: 1 })];
});

const format = (name: LintFormat, ds: readonly Diagnostic[], ctx: LintContext = plain): string => LINT_FORMATTERS[name](ds, ctx);

describe("LINT_FORMATTERS", () => {
  it("has one formatter per format", () => {
    expect(Object.keys(LINT_FORMATTERS)).toEqual(["stylish", "json", "github", "sarif", "junit", "gitlab"]);
  });
});

describe("stylish", () => {
  it("groups by file in sorted order, aligns columns and ends with a summary", () => {
    expect(format("stylish", three)).toBe(
      [
        "ledger/a.yaml",
        "  4:5    info   no archive                                                quote-unchecked",
        "  12:13  error  unknown source 'prosecuter' — did you mean 'prosecutor'?  unknown-source",
        "",
        "ledger/b.yaml",
        "  3:1  warning  source 'x' is never cited  unused-source",
        "",
        "✖ 3 problems (1 error, 1 warning, 1 info)",
        "",
      ].join("\n"),
    );
  });

  it("says nothing when there is nothing to say", () => {
    expect(format("stylish", [])).toBe("");
    expect(format("stylish", [], coloured)).toBe("");
  });

  it("pluralises the summary", () => {
    const one = [diagnostic("unused-document", "document 'd' is never cited", { file: "x.yaml", line: 2, column: 3 })];
    expect(format("stylish", one)).toBe("x.yaml\n  2:3  warning  document 'd' is never cited  unused-document\n\n✖ 1 problem (0 errors, 1 warning, 0 infos)\n");
  });

  it("writes no escape codes at colour level 0", () => {
    expect(format("stylish", three)).not.toMatch(/\u001b/);
  });

  it("writes SGR codes at colour level 1, and the same text once they are removed", () => {
    const out = format("stylish", three, coloured);
    expect(out).toMatch(SGR);
    expect(out).toContain("\u001b[4mledger/a.yaml\u001b[24m"); // underlined file name
    expect(out).toContain("\u001b[31merror\u001b[39m");
    expect(out).toContain("\u001b[33mwarning\u001b[39m");
    expect(out.replace(SGR, "")).toBe(format("stylish", three));
  });

  it("colours the summary red with errors, yellow with only warnings", () => {
    const summary = (ds: readonly Diagnostic[]) => format("stylish", ds, coloured).trimEnd().split("\n").at(-1)!;
    expect(summary(three)).toContain("\u001b[31m");
    const warnings = three.filter((d) => d.severity !== "error");
    expect(summary(warnings)).toContain("\u001b[33m");
    expect(summary(warnings)).not.toContain("\u001b[31m");
  });

  it("escapes control and bidi characters from the ledger, before styling", () => {
    const off = format("stylish", hostile);
    expect(off).toContain(HOSTILE_SHOWN);
    expect(off).toContain("led\\u202eger.yaml");
    expect(hasUnsafe(off)).toBe(false);
    const on = format("stylish", hostile, coloured);
    expect(on).toContain(HOSTILE_SHOWN);
    expect(sanitizeKeepingColour(on)).toBe(on); // only our own SGR sequences remain
  });
});

describe("json", () => {
  it("is the diagnostics as an indented array with a final newline", () => {
    const out = format("json", three.slice(0, 1));
    expect(out).toBe(
      '[\n  {\n    "code": "unused-source",\n    "severity": "warning",\n    "message": "source \'x\' is never cited",\n    "file": "ledger/b.yaml",\n    "line": 3,\n    "column": 1\n  }\n]\n',
    );
    expect(JSON.parse(format("json", three))).toEqual(three);
  });

  it("is an empty array when there are no diagnostics", () => {
    expect(format("json", [])).toBe("[]\n");
  });

  it("carries only the six documented fields", () => {
    const extra = { ...three[0], secret: 1 } as Diagnostic;
    expect(Object.keys(JSON.parse(format("json", [extra]))[0])).toEqual(["code", "severity", "message", "file", "line", "column"]);
  });

  it("escapes unsafe characters yet round-trips them exactly", () => {
    const out = format("json", hostile);
    expect(hasUnsafe(out)).toBe(false);
    expect(out).toContain("\\u202e");
    expect(JSON.parse(out)).toEqual(hostile);
  });
});

describe("github", () => {
  it("writes one workflow command per diagnostic, notice for info", () => {
    expect(format("github", three)).toBe(
      [
        "::warning file=ledger/b.yaml,line=3,col=1,title=claims unused-source::source 'x' is never cited",
        "::error file=ledger/a.yaml,line=12,col=13,title=claims unknown-source::unknown source 'prosecuter' — did you mean 'prosecutor'?",
        "::notice file=ledger/a.yaml,line=4,col=5,title=claims quote-unchecked::no archive",
        "",
      ].join("\n"),
    );
  });

  it("is empty when there are no diagnostics", () => {
    expect(format("github", [])).toBe("");
  });

  it("escapes %, CR and LF in data, and also : and , in properties", () => {
    expect(escapeData("50% up\r\nnext: a, b")).toBe("50%25 up%0D%0Anext: a, b");
    expect(escapeProperty("50% up\r\nnext: a, b")).toBe("50%25 up%0D%0Anext%3A a%2C b");
  });

  it("escapes message and file name in the command", () => {
    const d = diagnostic("invalid-value", "100% sure\nsecond line", { file: "ledger/a:b,c%.yaml", line: 7, column: 9 });
    // A diagnostic is one line: its line break shows as \n (issue 18), inside the one command.
    expect(format("github", [d])).toBe("::error file=ledger/a%3Ab%2Cc%25.yaml,line=7,col=9,title=claims invalid-value::100%25 sure\\nsecond line\n");
  });

  it("never sends CR or LF raw: a file name and a message are one line each, breaks shown", () => {
    const d = diagnostic("schema", "a\r\nb\u001b[2Jc", { file: "x\r.yaml", line: 1, column: 1 });
    expect(format("github", [d])).toBe("::error file=x\\u000d.yaml,line=1,col=1,title=claims schema::a\\u000d\\nb\\u001b[2Jc\n");
  });

  it("escapes control and bidi characters from the ledger", () => {
    const out = format("github", hostile);
    expect(out).toBe(`::error file=led\\u202eger.yaml,line=1,col=1,title=claims schema::${HOSTILE_SHOWN}\n`);
    expect(hasUnsafe(out)).toBe(false);
  });
});

describe("sarif", () => {
  // The OASIS schema through Ajv, its three formats checked rather than switched off (tests/helpers/schemas.ts).
  const check = sarifCheck();
  const validate = (log: unknown): boolean => check(log) === "";
  const valid = (log: unknown): boolean => {
    const errors = check(log);
    if (errors) console.error(errors);
    return errors === "";
  };

  const parse = (ds: readonly Diagnostic[], ctx = plain): any => JSON.parse(format("sarif", ds, ctx));

  it("is valid against the OASIS SARIF 2.1.0 schema", () => {
    expect(valid(parse(three))).toBe(true);
    expect(valid(parse([]))).toBe(true);
    expect(valid(parse(hostile))).toBe(true);
  });

  it("the validator does reject a broken log", () => {
    const log = parse(three);
    log.runs[0].results[0].level = "info";
    expect(validate(log)).toBe(false);
    const bad = parse(three);
    bad.runs[0].originalUriBaseIds["%SRCROOT%"].uri = "not a uri";
    expect(validate(bad)).toBe(false);
  });

  it("describes the tool and one rule per diagnostic code", () => {
    const log = parse([]);
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///work/ws/" } });
    expect(run.tool.driver.name).toBe("claims");
    expect(run.tool.driver.version).toBe("0.1.0");
    expect(run.tool.driver).not.toHaveProperty("informationUri");
    // One rule per diagnostic code, then the two findings `check` reports.
    expect(run.tool.driver.rules).toHaveLength(Object.keys(DIAGNOSTIC_CODES).length + 2);
    expect(run.tool.driver.rules.slice(-2).map((r: { id: string; defaultConfiguration: unknown }) => [r.id, r.defaultConfiguration])).toEqual([
      ["conflict", { level: "note" }],
      ["unresolved", { level: "note" }],
    ]);
    expect(run.tool.driver.rules[0]).toEqual({
      id: "yaml-syntax",
      shortDescription: { text: DIAGNOSTIC_CODES["yaml-syntax"].summary },
      defaultConfiguration: { level: "error" },
    });
    const levels = Object.fromEntries(run.tool.driver.rules.map((r: { id: string; defaultConfiguration: { level: string } }) => [r.id, r.defaultConfiguration.level]));
    expect(levels["unused-source"]).toBe("warning");
    expect(levels["quote-unchecked"]).toBe("note");
    expect(run.results).toEqual([]);
  });

  it("writes each diagnostic as a result pointing at its rule and place", () => {
    const run = parse(three).runs[0];
    expect(run.results).toEqual([
      {
        ruleId: "unused-source",
        ruleIndex: 11,
        level: "warning",
        message: { text: "source 'x' is never cited" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "ledger/b.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 1 } } }],
        partialFingerprints: { "claimsFinding/v1": fingerprints(three)[0] },
      },
      {
        ruleId: "unknown-source",
        ruleIndex: 3,
        level: "error",
        message: { text: "unknown source 'prosecuter' — did you mean 'prosecutor'?" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "ledger/a.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 12, startColumn: 13 } } }],
        partialFingerprints: { "claimsFinding/v1": fingerprints(three)[1] },
      },
      {
        ruleId: "quote-unchecked",
        ruleIndex: 17, // after the two relay warnings (SPEC §9 v2) and self-relay
        level: "note",
        message: { text: "no archive" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "ledger/a.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 4, startColumn: 5 } } }],
        partialFingerprints: { "claimsFinding/v1": fingerprints(three)[2] },
      },
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it("percent-encodes file names into URIs, and absolute names become file: URLs", () => {
    const at = (file: string) => diagnostic("schema", "m", { file, line: 1, column: 1 });
    const uris = parse([at("a:b,c.yaml"), at("my ledger/x%.yaml"), at("../up.yaml"), at("/abs/z.yaml")]).runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0].physicalLocation.artifactLocation,
    );
    expect(uris).toEqual([
      { uri: "a%3Ab%2Cc.yaml", uriBaseId: "%SRCROOT%" },
      { uri: "my%20ledger/x%25.yaml", uriBaseId: "%SRCROOT%" },
      { uri: "../up.yaml", uriBaseId: "%SRCROOT%" },
      { uri: "file:///abs/z.yaml" },
    ]);
  });

  it("gives the source root as a directory URL ending in a slash", () => {
    expect(parse([], { ...plain, cwd: "/work/my ws/" }).runs[0].originalUriBaseIds["%SRCROOT%"].uri).toBe("file:///work/my%20ws/");
  });

  it("escapes unsafe characters yet round-trips them exactly", () => {
    const out = format("sarif", hostile);
    expect(hasUnsafe(out)).toBe(false);
    expect(JSON.parse(out).runs[0].results[0].message.text).toBe(HOSTILE);
  });
});
