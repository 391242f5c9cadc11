/**
 * The test run that mutation testing (`npm run mutate`, stryker.config.mjs) uses. Stryker mutates
 * src/ in its sandbox; the built dist/ and anything that runs it as a subprocess cannot see those
 * mutants, so the tests of the build are left out here, and `runBin` refuses to run (see
 * tests/helpers/run.ts) so that a test of the built bin can never count as killing a mutant.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The order of test files. A mutant in code that runs when a module loads (a table of words, a
 * schema) reruns every test file, and Stryker stops at the first failure: so the tests of the
 * core come first (those of the value grammar and the analysis before the rest), then the other
 * files fastest first (by the durations vitest keeps from earlier runs), then the slowest.
 */
const FIRST = [
  "tests/values.test.ts",
  "tests/values.edges.test.ts",
  "tests/analysis.test.ts",
  "tests/analysis-v2.test.ts",
  "tests/rule.test.ts",
  "tests/quotes.test.ts",
  "tests/dates.test.ts",
  "tests/wider.test.ts",
  "tests/schema-messages.test.ts",
  "tests/codes.test.ts",
  "tests/values.property.test.ts",
  "tests/conflicts.property.test.ts",
  "tests/display.property.test.ts",
];
const LAST = ["tests/hostile/", "tests/cli.test.ts", "tests/snapshots.test.ts", "tests/cli-edges.test.ts"];

class CoreTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const path = (file: TestSpecification) => relative(root, file.moduleId).replace(/\\/g, "/");
    const tier = (file: TestSpecification): number => {
      const first = FIRST.indexOf(path(file));
      if (first >= 0) return first - FIRST.length;
      const last = LAST.findIndex((prefix) => path(file).startsWith(prefix));
      return last < 0 ? 0 : 1 + last;
    };
    const duration = (file: TestSpecification) => this.ctx.cache.getFileTestResults(`${file.project.name}:${path(file)}`)?.duration ?? 1_000;
    return [...files].sort((a, b) => tier(a) - tier(b) || duration(a) - duration(b) || (a.moduleId < b.moduleId ? -1 : 1));
  }
}

/**
 * The tests that judge the core in the mutation run: those that call the library in-process (the
 * value grammar, loading, quotes, analysis, diagnostics). The rest of the suite tests other layers
 * through the core (the CLI's commands and output, git, the language server, writing files) and
 * runs each mutant for minutes: on this machine the whole suite made a run of src/core take hours.
 * A mutant those tests alone would catch counts as surviving, which errs on the side of showing a
 * gap in the core's own tests. CLAIMS_MUTATION_TESTS=all runs every test that can see a mutant.
 */
const CORE_TESTS = [
  ...FIRST,
  "tests/given-texts.test.ts",
  "tests/contents.test.ts",
  "tests/hints.test.ts",
  "tests/schema-v2.test.ts",
  "tests/distance.test.ts",
  "tests/fingerprint.test.ts",
  "tests/shared.test.ts",
  "tests/pipeline.test.ts",
  "tests/report.test.ts",
  "tests/quote-checks.test.ts",
  "tests/hostile/fuzz.test.ts",
  // `claims diff`: the comparison of two reports, and the command in-process on real git
  // repositories (the revision read through git).
  "tests/diff-compare.test.ts",
  "tests/diff.test.ts",
];

/** Tests that cannot see the mutants, left out even of the whole run. */
const OF_THE_BUILD = [
  // Files wholly about the build: the packed package, the bundles and their code cache, the
  // README's output (made by the bin), exports and writes by the bin, a ledger of every hazard
  // through the bin, the HTML export in a browser. And the layout test, which reads the source
  // text: Stryker's instrumented copy is longer and imports its own helpers.
  "tests/layout.test.ts",
  "tests/package.test.ts",
  "tests/build.test.ts",
  "tests/code-cache.test.ts",
  "tests/readme.test.ts",
  "tests/export-cli.test.ts",
  "tests/export-html.screenshot.test.ts",
  "tests/hostile/nothing-written.test.ts",
  "tests/hostile/mixed-ledger.test.ts",
  // The language server's protocol tests drive the built server through a real client.
  "tests/lsp/**",
];

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, ...OF_THE_BUILD],
      // Fewer fuzzing runs (tests/hostile/fuzz.test.ts): they check that nothing throws, which few
      // mutants change, and each run reaches most of the core.
      env: { CLAIMS_MUTATION_RUN: "1", CLAIMS_FUZZ_RUNS: "20" },
      sequence: { sequencer: CoreTestsFirst },
    },
  }),
);
/**
 * Which tests judge the mutants: the core's (by default), `all`, or a comma-separated list of test
 * files. A survivor reruns every test that reaches it, and on a shared machine that is half a
 * minute for a mutant of the quote normaliser, which nearly every ledger test reaches: a folder's
 * own tests measure it in a fraction of the time, and can only report more survivors, not fewer.
 */
function judges(choice: string | undefined): string[] | undefined {
  if (choice === "all") return undefined;
  if (choice === undefined || choice.trim() === "") return CORE_TESTS;
  return choice.split(",").map((file) => file.trim()).filter((file) => file !== "");
}
// Set after merging: mergeConfig would add this list to the base's instead of replacing it.
const include = judges(process.env.CLAIMS_MUTATION_TESTS);
if (include) config.test!.include = include;

export default config;
