// Worker threads parse the files of a large ledger (src/core/load/parse-pool.ts): every command
// and format must print exactly what the single-threaded run prints. CLAIMS_THREADS=2 puts even a
// small ledger on two workers, so each fixture below runs both ways.
import { describe, expect, it } from "vitest";
import { check } from "../src/index.js";
import { ROOT, runBin } from "./helpers/run.js";

const LEDGERS = ["tests/fixtures/every-fault", "tests/fixtures/wider", "claims"] as const;

const COMMANDS: readonly (readonly string[])[] = [
  ["check", "--format", "json"],
  ["check"],
  ["check", "--format", "sarif"],
  ["check", "--format", "markdown"],
  ["lint", "--format", "json"],
  ["sources"],
  ["export", "--format", "csv", "--all"],
];

describe("files parsed on worker threads", () => {
  for (const ledger of LEDGERS) {
    it(`prints what one thread prints, for every command, on ${ledger}`, () => {
      for (const command of COMMANDS) {
        const args = [...command, "--no-ignore", ledger];
        const one = runBin(args, { env: { CLAIMS_THREADS: "0" }, timeout: 60_000 });
        const two = runBin(args, { env: { CLAIMS_THREADS: "2" }, timeout: 60_000 });
        expect(one.stdout.length, args.join(" ")).toBeGreaterThan(1);
        expect(one.stderr, args.join(" ")).not.toMatch(/^\s+at /m);
        expect(two, args.join(" ")).toEqual(one);
      }
    });
  }

  it("keeps a file list's focus and its order (check --format json, two files named)", () => {
    const args = ["check", "--format", "json", "--no-ignore", "tests/fixtures/wider/injured.yaml", "tests/fixtures/wider/death-toll.yaml"];
    const one = runBin(args, { env: { CLAIMS_THREADS: "0" } });
    const two = runBin(args, { env: { CLAIMS_THREADS: "2" } });
    expect(two).toEqual(one);
    const report = JSON.parse(two.stdout) as { claims: { id: string }[]; diagnostics: unknown[] };
    expect(report.claims.map((c) => c.id)).toEqual(["injured", "death-toll"]);
  });

  it("gives the library's report, when the built bin parses on workers", async () => {
    // Running from source there is no built worker script, so this compares the built bin's JSON
    // with the in-process library on one thread.
    const built = runBin(["check", "--format", "json", "--no-ignore", "tests/fixtures/every-fault"], { env: { CLAIMS_THREADS: "2" } });
    expect(built.code).toBe(1);
    const report = await check(["tests/fixtures/every-fault"], { cwd: ROOT, threads: 0, config: false });
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(JSON.stringify(report)));
  });
});
