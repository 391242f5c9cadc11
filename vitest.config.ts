import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A test must assert something, and `toMatchObject` must be given something that can fail
    // (tests/helpers/setup.ts); tests/assertions.test.ts scans the suite for the rest.
    setupFiles: ["tests/helpers/setup.ts"],
    expect: { requireAssertions: true },
  },
});
