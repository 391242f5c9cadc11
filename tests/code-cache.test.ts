/** The built CLI loads through its V8 code cache, and without a usable cache it still runs. */
import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run.js";

const require = createRequire(import.meta.url);
const { loadCli } = require(join(ROOT, "bin", "load-cli.cjs")) as {
  loadCli: (cache?: string) => { cli: { main: (argv: string[], io: object) => Promise<number> }; script: { cachedDataRejected?: boolean } };
};

const quiet = () => {
  const out: string[] = [];
  return { out, io: { stdout: (t: string) => void out.push(t), stderr: () => {}, env: {}, cwd: ROOT, stdoutIsTTY: false, columns: undefined } };
};

describe("the code cache", () => {
  it("is accepted by this Node, so start-up compiles almost nothing", () => {
    const { script } = loadCli();
    expect(script.cachedDataRejected).toBe(false);
  });

  it("is only an aid: a cache from elsewhere is rejected and the CLI runs the same", async () => {
    const bogus = join(mkdtempSync(join(tmpdir(), "claims-cache-")), "cli.cjs.cache");
    writeFileSync(bogus, Buffer.from("not a V8 code cache"));
    const { cli, script } = loadCli(bogus);
    expect(script.cachedDataRejected).toBe(true);
    const run = quiet();
    expect(await cli.main(["check", "claims"], run.io)).toBe(0);
    expect(run.out.join("")).toContain("8 claims from 9 sources in 9 files");
  });

  it("is not needed: without one the CLI runs the same", async () => {
    const { cli, script } = loadCli(join(ROOT, "no-such-cache"));
    expect(script.cachedDataRejected).toBeUndefined();
    const run = quiet();
    expect(await cli.main(["--version"], run.io)).toBe(0);
    expect(run.out.join("")).toBe("0.1.0\n");
  });
});
