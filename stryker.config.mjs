// Mutation testing (`npm run mutate`): StrykerJS changes the core's code one small way at a time
// and reruns the tests that reach each change; a change no test notices is a gap in the tests.
// Not part of `npm test` or CI: it takes tens of minutes (README, Development).

import { tmpdir } from "node:os";
import { join } from "node:path";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: ["src/core/**/*.ts"],
  // Per-test coverage: each mutant reruns only the tests that executed it.
  coverageAnalysis: "perTest",
  // No type checker: Stryker's TypeScript checker and its tsconfig rewrite call TypeScript's
  // JavaScript API, which TypeScript 7 (a native compiler) no longer has. A mutant that would not
  // type-check still runs; it is killed or survives like any other. Pointing `tsconfigFile` at a
  // file that does not exist turns the rewrite off (our tsconfig has no `extends` or
  // `references` for it to fix anyway).
  checkers: [],
  tsconfigFile: "stryker-has-no-tsconfig.json",
  disableTypeChecks: false,
  concurrency: 2,
  timeoutMS: 10_000,
  // The dry run (every test once, with coverage per test) takes 3–4 minutes here when the machine
  // is shared; Stryker's default of 5 minutes failed runs under load.
  dryRunTimeoutMinutes: 30,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // The sandbox (a copy of the project) lies outside the git work tree: inside it, under an
  // ignored folder, git would call every ledger file ignored and the run would read none.
  tempDirName: join(tmpdir(), "claims-stryker"),
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
};
