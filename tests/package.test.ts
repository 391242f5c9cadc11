/**
 * The package as users get it (README "Use as a library"): packed with `npm pack`, installed into
 * an empty project, it brings nothing else along, its bin checks a ledger, its library entry runs
 * the README's example, its type declarations stand on their own, and it carries the licences of
 * everything it bundles.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { ROOT } from "./helpers/run.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
let work: string;
let project: string;
let tarball: string;

/** Runs a command in the consumer project; npm's own update checks and audits stay off. */
function run(command: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const env = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", NO_COLOR: "1" };
  const result = spawnSync(command, args, { cwd: project, env, encoding: "utf8", timeout: 120_000 });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The fenced block after `<!-- NAME -->` in the README. */
function readmeBlock(name: string): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const match = new RegExp(`<!-- ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match) throw new Error(`README has no block marked <!-- ${name} -->`);
  return match[1];
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "claims-package-"));
  // dist/ is built by `npm test` before the suite runs, so packing needs no build of its own.
  const packed = execFileSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" });
  tarball = join(work, (JSON.parse(packed) as { filename: string }[])[0].filename);
  project = join(work, "project");
  cpSync(join(ROOT, "claims"), join(project, "ledger"), { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
  const installed = run(NPM, ["install", "--no-audit", "--no-fund", "--offline", tarball]);
  expect(installed.code, installed.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed package, installed into an empty project", () => {
  it("installs itself and nothing else", () => {
    const listed = run(NPM, ["ls", "--all", "--parseable"]);
    expect(listed.code).toBe(0);
    const installed = listed.stdout.trim().split("\n").slice(1).map((path) => path.slice(project.length + 1));
    expect(installed).toEqual(["node_modules/claims"]);
    expect(readdirSync(join(project, "node_modules")).filter((name) => !name.startsWith("."))).toEqual(["claims"]);
  });

  it("ships the bundles, declarations, licence and notices, and no source maps", () => {
    const files = (JSON.parse(execFileSync(NPM, ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: ROOT, encoding: "utf8" })) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    for (const file of ["LICENSE", "README.md", "bin/claims.js", "dist/cli.cjs", "dist/index.js", "dist/parse-worker.cjs", "dist/types/index.d.ts", "dist/THIRD-PARTY-NOTICES.md"]) expect(files).toContain(file);
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    expect(Object.keys(pkg)).not.toContain("dependencies");
  });

  it("runs `npx claims --version` and checks a copy of the example ledger", () => {
    const version = run("npx", ["--no-install", "claims", "--version"]);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const checked = run("npx", ["--no-install", "claims", "check", "ledger"]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^8 claims from 9 sources in 9 files: 2 in conflict \(1 unresolved\)/m);
  });

  it("runs the README's library example and prints what the README says", () => {
    writeFileSync(join(project, "example.mjs"), readmeBlock("library example"));
    const result = run(process.execPath, ["example.mjs"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readmeBlock("library example output"));
  });

  it("type-checks a program against the declarations alone (skipLibCheck off)", () => {
    writeFileSync(join(project, "use.ts"), `${readmeBlock("library example")}\nconst unknownWord: number = (await check([])).summary.claims;\nexport { unknownWord };\n`);
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["use.ts"] }),
    );
    const tsc = run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"]);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
    // …and a program that misuses the types is refused, so the check above means something.
    writeFileSync(join(project, "use.ts"), `import { check } from "claims";\nconst n: string = (await check([])).summary.claims;\nexport { n };\n`);
    const wrong = run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toMatch(/TS2322/);
  });

  it("keeps the licence of every package whose code the bundles contain", () => {
    const notices = readFileSync(join(project, "node_modules", "claims", "dist", "THIRD-PARTY-NOTICES.md"), "utf8");
    // What the bundles contain, read from their source maps (independently of how the build lists it).
    const bundled = new Set<string>();
    for (const map of ["cli.cjs.map", "index.js.map", "parse-worker.cjs.map"]) {
      const { sources } = JSON.parse(readFileSync(join(ROOT, "dist", map), "utf8")) as { sources: string[] };
      for (const source of sources) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
        if (name) bundled.add(name);
      }
    }
    expect(bundled.size).toBeGreaterThan(20);
    for (const name of bundled) {
      const { version, license } = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string; license: string };
      const heading = `## ${name} ${version} (${license})`;
      expect(notices, name).toContain(heading);
      // The heading is followed by the licence's own text, not just its name.
      const body = notices.slice(notices.indexOf(heading) + heading.length, notices.indexOf(heading) + heading.length + 400);
      expect(body, name).toMatch(/permission|copyright|licen[cs]e/i);
    }
  });
});
