/**
 * Which statement stands, the brief and the timeline (SPEC §12 v2), from the built CLI on the
 * wider test ledger: relays (one stale, one misreporting), revisions, a retraction and a
 * cumulative toll, with the analysis's real diagnostics.
 */
import { parse as parseCsv } from "csv-parse/sync";
import type { TableRow } from "mdast";
import { describe, expect, it } from "vitest";
import type { Report } from "../src/core/report/types.js";
import { claimBrief, conflictSummaries } from "../src/formats/exports/brief.js";
import { standings } from "../src/formats/exports/standing.js";
import { timeline } from "../src/formats/exports/html-timeline.js";
import { hostile } from "./fixtures/reports/hostile.js";
import { zhanaozen } from "./fixtures/reports/zhanaozen.js";
import { allNodes, inspectHtml, parseMarkdown, plain } from "./helpers/exports.js";
import { runBin } from "./helpers/run.js";

const LEDGER = "tests/fixtures/wider";
const report = JSON.parse(runBin(["check", "--format", "json", LEDGER]).stdout) as Report;
const toll = report.claims.find((c) => c.id === "death-toll")!;

function exported(format: string): string {
  const result = runBin(["export", "--format", format, LEDGER], { env: { SOURCE_DATE_EPOCH: "0" } });
  expect(result.code).toBe(0);
  return result.stdout;
}

// The death toll's statements in file order (tests/fixtures/wider/death-toll.yaml).
const TOLL_STANDS = [
  "superseded", // prosecutor 10, revised
  "superseded", // interior ministry "at least 10", said again as "no fewer than ten"
  "retracted 2011-12-19", // opposition 70
  "position", // prosecutor 16
  "superseded", // prosecutor eleven
  "position", // morgue 64
  "position", // union about 60
  "agrees with position", // wire relays the morgue's 64
  "agrees with position", // regional paper relays it too
  "position", // opposition dozens
  "position", // oil company unknown
  "position", // interior ministry no fewer than ten
  "stale relay", // wire: the prosecutor's eleven after the prosecutor said 16
  "relay mismatch", // paper: the prosecutor's 70, which the prosecutor never said
  "position", // health ministry 12
];

describe("which statement stands, from the report's fields and diagnostics", () => {
  it("reads each of the toll's statements, relay warnings included", () => {
    expect(standings(report, toll)).toEqual(TOLL_STANDS.map((s) => s.replace(/ \d{4}-\d{2}-\d{2}$/, "").replace("agrees with position", "agrees").replace(" ", "-")));
  });

  it("takes a warning for the statement it stands in, not for one of another claim in the same file", () => {
    // Both claims in one file: the relay warnings of the first must not mark the second's statements.
    const other = { ...toll, id: "other", statements: toll.statements.map((s) => ({ ...s, line: s.line + 1000 })) };
    const both: Report = { ...report, claims: [toll, other] };
    expect(standings(both, other).filter((s) => s === "stale-relay" || s === "relay-mismatch")).toEqual([]);
    expect(standings(both, toll).filter((s) => s === "stale-relay" || s === "relay-mismatch")).toEqual(["stale-relay", "relay-mismatch"]);
  });

  it("markdown, csv and html show the same standing and quote check on every row", () => {
    const tree = parseMarkdown(exported("markdown"));
    const table = allNodes(tree).filter((n): n is TableRow => n.type === "tableRow" && n.children.length === 9);
    const header = table[0]!.children.map((cell) => plain(cell));
    const rows = table.slice(1, 1 + toll.statements.length).map((row) => row.children.map((cell) => plain(cell)));
    expect(rows.map((row) => row[header.indexOf("stands")])).toEqual(TOLL_STANDS);
    expect(rows.map((row) => row[header.indexOf("quote check")])).toEqual(toll.statements.map((s) => (s.quoteCheck === "verified" ? "verified" : "")));

    const [csvHeader, ...csvRows] = parseCsv(exported("csv")) as string[][];
    expect(csvRows.slice(0, toll.statements.length).map((row) => row[csvHeader!.indexOf("stands")])).toEqual(TOLL_STANDS);

    const html = inspectHtml(exported("html"));
    expect(html.tables[1]!.slice(1).map((row) => row[3])).toEqual(TOLL_STANDS);
  });

  it("check and show mark the relays it warned about", () => {
    const shown = runBin(["show", "death-toll", LEDGER]).stdout;
    expect(shown).toContain("wire-agency-a: eleven dead  [stale relay, via prosecutor-general]");
    expect(shown).toContain("regional-paper: 70 killed  [relay mismatch, via prosecutor-general, as of 2011-12-16]");
    expect(shown).toContain("prosecutor-general: eleven  [superseded]");
    expect(shown).toContain("wire-agency-a: 64 people  [agrees with position, via morgue-witnesses]");
  });
});

describe("the brief an editor can paste", () => {
  const morgue = "Witnesses at the town morgue (generic test source)";
  const prosecutor = "Prosecutor's office (generic test source)";
  const relays = "Regional paper (generic test source), Wire agency A (generic test source)";

  it("sums up each conflicting pair of origins once, relays under their origin", () => {
    expect(conflictSummaries(report, toll)).toEqual([
      `${morgue} 64 (via ${relays}) vs ${prosecutor} 16`,
      `Independent trade union (generic test source) about 60 vs ${prosecutor} 16`,
      `Opposition outlet (generic test source) dozens vs ${prosecutor} 16`,
    ]);
  });

  it("says what is disputed, who says what (latest, dated), what the sources jointly allow, and the verdict", () => {
    expect(claimBrief(report, toll)).toEqual([
      { label: "Disputed", text: `${toll.question} — 3 conflicting pairs among 4 origins:`, items: conflictSummaries(report, toll) },
      {
        label: "Who says what",
        text: [
          `${prosecutor}: 16 (2011-12-20)`,
          "Interior ministry (generic test source): no fewer than ten people (2011-12-18, as of 2011-12-16)",
          "Opposition outlet (generic test source): dozens (2011-12-20)",
          `${morgue}: 64 (2011-12-18; via ${relays})`,
          "Independent trade union (generic test source): about 60 (2011-12-18)",
          "Oil company (generic test source): unknown (2011-12-17)",
          "Health ministry (generic test source): 12 (2011-12-17)",
        ].join("; "),
      },
      { label: "Together the sources allow", text: "nothing: their positions cannot all be right (range of the positions: ≥ 10 people)" },
      { label: "Verdict", text: `Mostly false — finding: at least 16 (≥ 16 people) — by claims test suite on 2012-01-26 — rating the claim “Sixteen people were killed in Zhanaozen” by ${prosecutor}` },
    ]);
  });

  it("gives the window where the sources agree, as of the latest date of a running count", () => {
    const running = JSON.parse(runBin(["check", "--format", "json", "docs/examples/running-count"]).stdout) as Report;
    const lines = claimBrief(running, running.claims[0]!);
    expect(lines[0]).toEqual({ label: "Question", text: `${running.claims[0]!.question} — no conflict: 3 origins in 3 independent groups agree` });
    expect(lines[2]).toEqual({ label: "Together the sources allow", text: "16 to < 30 people as of 2011-12-20 (range of the positions: unbounded)" });
    expect(lines[3]).toEqual({ label: "Verdict", text: "none" });
  });

  it("says the sources agree only within the tolerance, not that they cannot all be right, when a corroborated claim has no window", () => {
    const injured = report.claims.find((c) => c.id === "injured")!;
    expect([injured.status, injured.window]).toEqual(["corroborated", null]);
    expect(claimBrief(report, injured).find((l) => l.label === "Together the sources allow")).toEqual({
      label: "Together the sources allow",
      text: "no one value: the positions agree only within the claim's tolerance (range of the positions: 86–100 people)",
    });
  });

  it("says when nothing is committed, and leaves the window out for other types", () => {
    const injured = zhanaozen.claims.find((c) => c.id === "injured")!;
    expect(claimBrief(zhanaozen, injured).map((l) => l.label)).toEqual(["Question", "Who says what", "Verdict"]);
    expect(claimBrief(zhanaozen, injured)[0]!.text).toBe(`${injured.question} — no source commits to an answer`);
    const fire = zhanaozen.claims.find((c) => c.id === "who-fired-first")!;
    expect(claimBrief(zhanaozen, fire).map((l) => l.label)).toEqual(["Disputed", "Who says what", "Verdict"]);
  });
});

describe("the timeline", () => {
  it("draws one lane per origin, a strip for each with a dated statement, and names every statement in words", () => {
    const html = inspectHtml(exported("html"));
    const origins = new Set(toll.statements.map((s) => s.origin));
    expect(html.timelines[0]).toEqual({ lanes: origins.size, strips: origins.size, label: "Timeline of each origin's statements, 2011-12-16 to 2011-12-21" });
    expect(html.images).toContain(
      "Prosecutor's office (generic test source): 10 as of 2011-12-16 (superseded); via Regional paper (generic test source): 70 killed as of 2011-12-16 (relay mismatch); eleven as of 2011-12-17 (superseded); 16 as of 2011-12-20 (position); via Wire agency A (generic test source): eleven dead as of 2011-12-21 (stale relay)",
    );
  });

  it("steps through the origin's own revisions, marks relays as diamonds and strikes retractions through", () => {
    const page = timeline(report, toll);
    const lanes = page.split('<li class="lane">').slice(1);
    const prosecutor = lanes[0]!;
    // Own statements 10, eleven, 16 (dated): two steps across and up, then the latest running on.
    expect(prosecutor.match(/<line class="step"/g)).toHaveLength(4);
    expect(prosecutor.match(/<line class="step latest"/g)).toHaveLength(1);
    expect(prosecutor.match(/<polygon class="mark relay"/g)).toHaveLength(2);
    expect(prosecutor.match(/<circle class="ring"/g)).toHaveLength(1);
    const opposition = lanes.find((lane) => lane.includes("Opposition outlet"))!;
    expect(opposition).toContain('<s>70 as of 2011-12-17 (retracted 2011-12-19)</s>');
    expect(opposition.match(/<path class="struck"/g)).toHaveLength(1);
  });

  it("is left out unless its statements refer to two dates or more, and survives dates that are not dates", () => {
    const strike = zhanaozen.claims.find((c) => c.id === "strike-began")!;
    expect(timeline(zhanaozen, strike)).toBe(""); // one statement
    const sameDay = { ...toll, statements: toll.statements.map((s) => ({ ...s, asOf: "2011-12-17" })) };
    expect(timeline(report, sameDay)).toBe(""); // every figure of one date
    const odd = { ...toll, statements: toll.statements.map((s, i) => ({ ...s, asOf: i % 2 === 0 ? "not a date" : s.asOf })) };
    expect(timeline(report, odd)).toContain('<figure class="chart timeline"');
    expect(timeline(report, odd)).not.toContain("NaN");
    for (const claim of hostile.claims) expect(timeline(hostile, claim)).not.toContain("NaN");
  });
});
