/** Ledger settings (an extension of SPEC §1): the publisher and URL used by ClaimReview. */
import { describe, expect, it } from "vitest";
import { runInProcess } from "./helpers/run.js";

const ONE = "tests/fixtures/settings/one";
const TWICE = "tests/fixtures/settings/twice";

describe("settings", () => {
  it("names the publisher and the review URL in ClaimReview", async () => {
    const result = await runInProcess(["export", "--format", "claimreview", ONE]);
    const [review] = JSON.parse(result.stdout);
    expect(review.author).toEqual({ "@type": "Organization", name: "Example Fact Check" });
    expect(review.url).toBe("https://factcheck.example/zhanaozen#claim-toll");
    expect(review.claimReviewed).toBe("Ten people were killed");
    expect(review.itemReviewed.author).toEqual({ "@type": "Organization", name: "A" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("gives way to --publisher", async () => {
    const result = await runInProcess(["export", "--format", "claimreview", "--publisher", "Desk B", ONE]);
    expect(JSON.parse(result.stdout)[0].author.name).toBe("Desk B");
  });

  it("appear in the JSON report", async () => {
    const result = await runInProcess(["check", "--format", "json", ONE]);
    expect(JSON.parse(result.stdout).settings).toEqual({ publisher: "Example Fact Check", url: "https://factcheck.example/zhanaozen" });
  });

  it("may be given in one file only", async () => {
    const result = await runInProcess(["lint", "--format", "json", TWICE]);
    const diagnostics = JSON.parse(result.stdout).map((d: { code: string; file: string; line: number; column: number; message: string }) => [d.code, d.file, d.line, d.column, d.message]);
    expect(diagnostics).toEqual([["schema", `${TWICE}/more.yaml`, 1, 1, `settings are already given in ${TWICE}/ledger.yaml:1; keep them in one file`]]);
    expect(result.code).toBe(1);
  });

  it("reject a URL that is not http(s)", async () => {
    const result = await runInProcess(["lint", "--format", "json", `${TWICE}/more.yaml`]);
    const [d] = JSON.parse(result.stdout);
    expect([d.code, d.line, d.column]).toEqual(["schema", 3, 8]);
    expect(result.code).toBe(1);
  });
});
