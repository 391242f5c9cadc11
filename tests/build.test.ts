/** What the build does to the bundles beyond bundling (scripts/build.mjs). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run.js";

const read = (...path: string[]) => readFileSync(join(ROOT, ...path), "utf8");

describe("the bundled yaml parser", () => {
  it("is the package's own code, which reads the debugging switches from the environment", () => {
    // If a yaml release drops these reads, the build's patch has nothing left to do: say so here.
    expect(read("node_modules", "yaml", "dist", "parse", "parser.js")).toMatch(/node_process\.env\.LOG_TOKENS/);
    expect(read("node_modules", "yaml", "dist", "compose", "composer.js")).toMatch(/node_process\.env\.LOG_STREAM/);
  });

  it.each(["cli.cjs", "parse-worker.cjs"])("in dist/%s reads neither switch (one environment lookup per token)", (bundle) => {
    const text = read("dist", bundle);
    expect(text).not.toMatch(/LOG_TOKENS|LOG_STREAM/);
    // The parser itself is in the bundle, so the check above is about it and not about its absence.
    expect(text).toContain("Not a YAML token: ");
  });
});

describe("the bundled string-width and strip-ansi", () => {
  it("are the packages' own code, which make their regular expression on every call", () => {
    expect(read("node_modules", "strip-ansi", "index.js")).toContain("string.replace(ansiRegex(), '')");
    expect(read("node_modules", "string-width", "index.js")).toContain("string.replace(emojiRegex(), '  ')");
  });

  it("in dist/cli.cjs make it once per module (cli-table3 measures every word with them)", () => {
    const text = read("dist", "cli.cjs");
    expect(text).not.toContain("string.replace(ansiRegex(), '')");
    expect(text).not.toMatch(/\.replace\(\(0, import_\w+\.default\)\(\), ""\)|emojiRegex\(\), "  "\)/);
    expect(text).toMatch(/ANSI_REGEX_ONCE = ansiRegex\(\)/);
    expect(text).toMatch(/EMOJI_REGEX_ONCE = emojiRegex\(\)/);
  });
});

