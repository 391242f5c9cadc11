/** The README's output examples are the real output of the built CLI on the example ledger. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run.js";

describe("README", () => {
  it("shows the current output of every command it quotes", () => {
    const result = spawnSync(process.execPath, ["scripts/readme.mjs", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("opens with the two commands a newcomer runs", () => {
    const readme = readFileSync(`${ROOT}/README.md`, "utf8");
    const firstBlock = readme.slice(readme.indexOf("```sh"), readme.indexOf("```", readme.indexOf("```sh") + 5));
    expect(firstBlock).toContain("npm install && npx claims check");
    expect(firstBlock).toContain("npm test");
  });
});
