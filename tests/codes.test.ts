/** One fixture per diagnostic code (SPEC §9): the exact code, file, line and column, from the real CLI. */
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../src/core/shared/diagnostics.js";
import { itBuilt, runBin, runInProcess } from "./helpers/run.js";

interface Expected {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const dir = (name: string) => `tests/fixtures/codes/${name}`;
const at = (code: string, file: string, line: number, column: number): Expected => ({ code, file, line, column });

const CASES: readonly { name: string; exit: number; expected: Expected[]; command?: "check" }[] = [
  { name: "yaml-syntax", exit: 1, expected: [at("yaml-syntax", "bad.yaml", 3, 24)] },
  { name: "yaml-syntax-duplicate-key", exit: 1, expected: [at("yaml-syntax", "dup.yaml", 5, 5)] },
  { name: "yaml-syntax-alias", exit: 1, expected: [at("yaml-syntax", "alias.yaml", 2, 6), at("yaml-syntax", "alias.yaml", 5, 6)] },
  { name: "yaml-syntax-tag", exit: 1, expected: [at("yaml-syntax", "tag.yaml", 3, 11)] },
  { name: "schema", exit: 1, expected: [at("schema", "sources.yaml", 5, 5), at("schema", "sources.yaml", 6, 3)] },
  { name: "duplicate-id", exit: 1, expected: [at("duplicate-id", "two.yaml", 2, 3)] },
  { name: "unknown-source", exit: 1, expected: [at("unknown-source", "ledger.yaml", 12, 17)] },
  { name: "unknown-source-claimant", exit: 1, expected: [at("unknown-source", "ledger.yaml", 16, 17)] },
  { name: "unknown-document", exit: 1, expected: [at("unknown-document", "ledger.yaml", 19, 13)] },
  { name: "invalid-value", exit: 1, expected: [at("invalid-value", "ledger.yaml", 11, 15)] },
  { name: "archive-missing", exit: 1, expected: [at("archive-missing", "ledger.yaml", 9, 14)] },
  { name: "archive-outside-workspace", exit: 1, expected: [at("archive-outside-workspace", "ledger.yaml", 9, 14)] },
  { name: "archive-changed", exit: 1, expected: [at("archive-changed", "ledger.yaml", 10, 13)] },
  { name: "quote-not-found", exit: 1, expected: [at("quote-not-found", "ledger.yaml", 17, 16)] },
  { name: "unreadable-file", exit: 1, expected: [at("unreadable-file", "nul.yaml", 3, 12)] },
  { name: "unused-source", exit: 0, expected: [at("unused-source", "ledger.yaml", 5, 3)] },
  { name: "unused-document", exit: 0, expected: [at("unused-document", "ledger.yaml", 6, 3)] },
  { name: "ambiguous-revision", exit: 0, expected: [at("ambiguous-revision", "ledger.yaml", 13, 9)] },
  { name: "stale-relay", exit: 0, expected: [at("stale-relay", "ledger.yaml", 22, 15)] },
  { name: "relay-mismatch", exit: 0, expected: [at("relay-mismatch", "ledger.yaml", 19, 15)] },
  { name: "self-relay", exit: 0, expected: [at("self-relay", "ledger.yaml", 14, 14)] },
  { name: "quote-unchecked", exit: 0, expected: [at("quote-unchecked", "ledger.yaml", 12, 16)] },
  // 46 sources that all disagree: 1,035 pairs, of which the report lists 1,000. Only `check` says
  // so: `lint` shows no pair, so it lists none (issue 18).
  { name: "conflicts-truncated", exit: 0, expected: [at("conflicts-truncated", "ledger.yaml", 49, 3)], command: "check" },
];

function positions(stdout: string): Expected[] {
  return (JSON.parse(stdout) as Expected[]).map(({ code, file, line, column }) => ({ code, file, line, column }));
}

describe("every diagnostic code has a fixture", () => {
  it("covers the whole code table", () => {
    const covered = new Set(CASES.flatMap((c) => c.expected.map((e) => e.code)));
    expect([...covered].sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
  });

  for (const c of CASES) {
    it(`${c.name}: reported at the offending key or value`, async () => {
      const result = await runInProcess([c.command ?? "lint", "--format", "json", dir(c.name)]);
      expect(result.stderr).toBe("");
      const expected = c.expected.map((e) => ({ ...e, file: `${dir(c.name)}/${e.file}` }));
      const stdout = c.command === "check" ? JSON.stringify(JSON.parse(result.stdout).diagnostics) : result.stdout;
      expect(positions(stdout)).toEqual(expected);
      expect(result.code).toBe(c.exit);
    });
  }
});

describe("messages share one punctuation", () => {
  // Lower-case start (a word in capitals, a quote or an id may lead), no full stop at the end, the
  // fix after "; ", and " — " only before a "did you mean" suggestion (which quick fixes read).
  it.each(CASES.map((c) => [c.name, c.command] as const))("%s", async (name, command) => {
    const { stdout } = await runInProcess([command ?? "lint", "--format", "json", dir(name)]);
    const diagnostics = (command === "check" ? JSON.parse(stdout).diagnostics : JSON.parse(stdout)) as { message: string }[];
    const messages = diagnostics.map((d) => d.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message, message).not.toMatch(/^[A-Z][a-z]/);
      expect(message, message).not.toMatch(/\.$/);
      expect(message, message).not.toMatch(/ — (?!did you mean ')/);
    }
  });
});

describe("messages name the fix", () => {
  it("suggests the closest source id", async () => {
    const { stdout } = await runInProcess(["lint", "--format", "json", dir("unknown-source")]);
    expect(JSON.parse(stdout)[0].message).toContain("did you mean 'prosecutor-general'?");
  });
  it("suggests the closest source id for a verdict's claimant", async () => {
    const { stdout } = await runInProcess(["lint", "--format", "json", dir("unknown-source-claimant")]);
    expect(JSON.parse(stdout)[0].message).toBe("unknown source 'prosecuter-general' as claimant — did you mean 'prosecutor-general'?");
  });
  it("names both values and both dates of a stale relay and of a relay mismatch", async () => {
    const stale = JSON.parse((await runInProcess(["lint", "--format", "json", dir("stale-relay")])).stdout)[0].message;
    expect(stale).toBe(
      "'wire' reports 'ministry' as saying 500 (on 2023-10-23), but 'ministry' said 471 (on 2023-10-18); the relay repeats a figure 'ministry' has since revised, so it is not taken as its position",
    );
    const mismatch = JSON.parse((await runInProcess(["lint", "--format", "json", dir("relay-mismatch")])).stdout)[0].message;
    expect(mismatch).toBe(
      "'radio' reports 'prosecutor-general' as saying \"around 70\" (on 2011-12-20), which agrees with none of what 'prosecutor-general' itself said: 8 (on 2011-12-17); record what 'prosecutor-general' said, or correct the relay",
    );
  });
  it("names the closest passage and its similarity for a misquote", async () => {
    const { stdout } = await runInProcess(["lint", "--format", "json", dir("quote-not-found")]);
    expect(JSON.parse(stdout)[0].message).toMatch(/closest passage \(\d+% similar\): "Ten people were killed as a result of mass disorder\.?"/);
  });
});

describe("a ledger with every kind of fault", () => {
  const EVERY_FAULT = "tests/fixtures/every-fault";
  const f = (file: string) => `${EVERY_FAULT}/${file}`;
  const expected: Expected[] = [
    at("yaml-syntax", f("broken.yaml"), 3, 28),
    at("unreadable-file", f("nul.yaml"), 3, 16),
    at("unused-source", f("sources.yaml"), 10, 3),
    at("archive-changed", f("sources.yaml"), 19, 13),
    at("archive-missing", f("sources.yaml"), 23, 14),
    at("archive-outside-workspace", f("sources.yaml"), 27, 14),
    at("unused-document", f("sources.yaml"), 28, 3),
    at("quote-not-found", f("toll.yaml"), 9, 16),
    at("unknown-source", f("toll.yaml"), 11, 17),
    at("invalid-value", f("toll.yaml"), 14, 15),
    at("unknown-document", f("toll.yaml"), 17, 13),
    at("quote-unchecked", f("toll.yaml"), 20, 16),
    at("ambiguous-revision", f("toll.yaml"), 22, 9),
    at("ambiguous-revision", f("toll.yaml"), 25, 9),
    at("schema", f("toll.yaml"), 29, 9),
    at("stale-relay", f("toll.yaml"), 32, 15),
    at("relay-mismatch", f("toll.yaml"), 36, 15),
    // Read as union's own, "3 to 5" conflicts with its "about 60" of no date.
    at("ambiguous-revision", f("toll.yaml"), 37, 9),
    at("self-relay", f("toll.yaml"), 38, 14),
    at("duplicate-id", f("twice.yaml"), 2, 3),
  ];

  it("holds every code of §9", () => {
    // conflicts-truncated is no fault of a file: it says a report's list of pairs was cut.
    expect(new Set(expected.map((e) => e.code)).size).toBe(Object.keys(DIAGNOSTIC_CODES).filter((code) => code !== "conflicts-truncated").length);
  });

  itBuilt("is reported fault by fault, each at its place, by the built bin, with exit 1", () => {
    const result = runBin(["lint", "--format", "json", EVERY_FAULT]);
    expect(positions(result.stdout)).toEqual(expected);
    expect(result.code).toBe(1);
  });

  it("still analyses what is valid", async () => {
    const result = await runInProcess(["check", "--format", "json", EVERY_FAULT]);
    const report = JSON.parse(result.stdout);
    expect(report.summary.files).toBe(5);
    expect(report.claims.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([["toll", "conflict"]]);
    expect(result.code).toBe(1);
  });
});
