/**
 * `--cache`: a warm run's output is byte for byte a cold run's, in every format, across random
 * edits, renames, deletions and copies of the ledger's files between runs; a foreign, truncated
 * or corrupted cache file is ignored and rewritten; the cache is written atomically and never
 * inside the ledger folder; `cache: true` in .claims.yaml turns it on and --no-cache off.
 */
import fc from "fast-check";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CacheFile, cacheFilePath, osCacheFolder } from "../src/cli/cache.js";
import { FIXTURES, ROOT, runBin, runInProcess } from "./helpers/run.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A work folder holding a copy of the example ledger and the every-fault fixture, and a cache folder beside it. */
function workspace(): { dir: string; ledger: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), "claims-cache-"));
  dirs.push(dir);
  const ledger = join(dir, "ledger");
  cpSync(join(ROOT, "claims"), ledger, { recursive: true });
  cpSync(join(FIXTURES, "every-fault"), join(ledger, "faults"), { recursive: true });
  const cache = join(dir, "cache");
  return { dir, ledger, cache };
}

const FORMATS: readonly (readonly string[])[] = [
  ["check"],
  ["check", "--format", "json"],
  ["check", "--format", "markdown"],
  ["check", "--format", "github"],
  ["check", "--format", "sarif"],
  ["check", "--format", "junit"],
  ["check", "--format", "gitlab"],
  ["lint"],
  ["lint", "--format", "json"],
  ["sources"],
  ["show", "death-toll"],
  ["export", "--format", "csv", "--all"],
  ["export", "--format", "json", "--all"],
  ["export", "--format", "html", "--all"],
  ["export", "--format", "claimreview", "--all"],
  ["export", "--format", "markdown", "--all"],
];

/** The ledger's YAML files, relative, in a stable order. */
function yamlFiles(ledger: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(ledger, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(e.name)) out.push(path);
    }
  };
  walk("");
  return out.sort();
}

type Step = { readonly op: "edit" | "break" | "rename" | "delete" | "copy" | "same"; readonly pick: number; readonly n: number };
const step: fc.Arbitrary<Step> = fc.record({ op: fc.constantFrom("edit", "break", "rename", "delete", "copy", "same"), pick: fc.nat(), n: fc.integer({ min: 0, max: 99_999 }) });

/** Applies a step to the ledger on disk. */
function apply(ledger: string, { op, pick, n }: Step): void {
  const files = yamlFiles(ledger);
  if (files.length === 0) return;
  const path = join(ledger, files[pick % files.length]);
  const text = readFileSync(path, "utf8");
  if (op === "edit") writeFileSync(path, text.replace(/\d+/, String(n)));
  else if (op === "break") writeFileSync(path, `${text}\n  broken: [${n}\n`);
  else if (op === "rename") renameSync(path, path.replace(/(\.ya?ml)$/, `-${n}$1`));
  else if (op === "delete") rmSync(path);
  else if (op === "copy") writeFileSync(path.replace(/(\.ya?ml)$/, `-copy${n}$1`), text);
  else writeFileSync(path, text); // the same bytes again: a newer time, nothing else
}

async function same(args: readonly string[], ledger: string, cache: string): Promise<void> {
  // The html page is stamped with the time of the run unless SOURCE_DATE_EPOCH gives one.
  const env = { SOURCE_DATE_EPOCH: "1700000000" };
  const cold = await runInProcess([...args, "--no-cache", ledger], { cwd: ROOT, env });
  const warm = await runInProcess([...args, "--cache", "--cache-location", `${cache}/`, ledger], { cwd: ROOT, env });
  expect(warm.stdout, args.join(" ")).toBe(cold.stdout);
  expect(warm.stderr, args.join(" ")).toBe(cold.stderr);
  expect(warm.code, args.join(" ")).toBe(cold.code);
}

describe("a warm run is a cold run", () => {
  it("in every format, after the cache was made and after an edit", async () => {
    const { ledger, cache } = workspace();
    for (const args of FORMATS) await same(args, ledger, cache);
    apply(ledger, { op: "edit", pick: 1, n: 4321 });
    apply(ledger, { op: "break", pick: 3, n: 7 });
    for (const args of FORMATS) await same(args, ledger, cache);
    expect(readdirSync(cache).filter((f) => f.endsWith(".cache"))).toHaveLength(1);
  });

  it("across random edits, renames, deletions and copies between runs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(step, fc.nat({ max: FORMATS.length - 1 })), { minLength: 1, maxLength: 6 }), async (steps) => {
        const { ledger, cache } = workspace();
        await same(["check", "--format", "json"], ledger, cache); // the cache made
        for (const [s, format] of steps) {
          apply(ledger, s);
          await same(FORMATS[format], ledger, cache);
          await same(["check", "--format", "json"], ledger, cache);
        }
        rmSync(join(ledger, ".."), { recursive: true, force: true });
      }),
      { numRuns: 12 },
    );
  });

  it("parses only changed files: a kept entry is what the warm run uses", async () => {
    const { ledger, cache } = workspace();
    await runInProcess(["check", "--cache", "--cache-location", `${cache}/`, ledger], { cwd: ROOT });
    const [file] = readdirSync(cache);
    // An entry whose bytes say something else than the file would show through if it were used
    // for a file that changed: edit the file, and the run must not show the kept entry.
    const before = await runInProcess(["check", "--format", "json", "--cache", "--cache-location", `${cache}/`, ledger], { cwd: ROOT });
    writeFileSync(join(ledger, "death-toll.yaml"), readFileSync(join(ledger, "death-toll.yaml"), "utf8").replace("death-toll:", "death-toll-renamed:"));
    const after = await runInProcess(["check", "--format", "json", "--cache", "--cache-location", `${cache}/`, ledger], { cwd: ROOT });
    expect(before.stdout).toContain('"id": "death-toll"');
    expect(after.stdout).toContain('"id": "death-toll-renamed"');
    expect(readdirSync(cache)).toEqual([file]);
  });
});

describe("a cache file that is not exactly as written is never trusted", () => {
  it.each([
    ["foreign", () => Buffer.from("{\"not\": \"ours\"}\n")],
    ["truncated", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    // A letter changed inside a record deserialises fine: only the entry's checksum tells.
    ["a letter changed in a record", (b: Buffer) => {
      const c = Buffer.from(b);
      const at = c.indexOf("Prosecutor-General");
      expect(at).toBeGreaterThan(0);
      c[at] = "Q".charCodeAt(0);
      return c;
    }],
    ["a byte flipped near the end", (b: Buffer) => {
      const c = Buffer.from(b);
      c[c.length - 40] ^= 0xff;
      return c;
    }],
    ["empty", () => Buffer.alloc(0)],
    ["bytes added", (b: Buffer) => Buffer.concat([b, Buffer.from("x")])],
  ])("%s: ignored, the output is the cold run's, and it is rewritten", async (_what, damage) => {
    const { ledger, cache } = workspace();
    const args = ["check", "--format", "json"];
    await same(args, ledger, cache);
    const [name] = readdirSync(cache);
    const good = readFileSync(join(cache, name));
    writeFileSync(join(cache, name), damage(good));
    await same(args, ledger, cache);
    expect(readFileSync(join(cache, name)).subarray(0, 15).toString("latin1")).toBe("claims cache 1\n");
    expect(readFileSync(join(cache, name)).length).toBe(good.length);
  });

  it("another build's cache is not read", () => {
    const { dir } = workspace();
    const path = join(dir, "c.cache");
    const found = { abs: "/x/a.yaml", display: "a.yaml", root: "/x" };
    const loaded = { file: { ...found, parsed: true }, records: [], diagnostics: [] };
    const one = CacheFile.open(path, "build one");
    one.set(found, "ab".repeat(32), loaded);
    one.save();
    expect(CacheFile.open(path, "build one").get(found, "ab".repeat(32))).toEqual(loaded);
    expect(CacheFile.open(path, "build two").get(found, "ab".repeat(32))).toBeUndefined();
    expect(CacheFile.open(path, "build one").get(found, "cd".repeat(32))).toBeUndefined();
    expect(CacheFile.open(path, "build one").get({ ...found, display: "b.yaml" }, "ab".repeat(32))).toBeUndefined();
  });
});

describe("where the cache is", () => {
  it("--cache-location inside the ledger folder is refused with exit 2, and nothing is written there", async () => {
    const { ledger } = workspace();
    const r = await runInProcess(["check", "--cache", "--cache-location", join(ledger, "c.cache"), ledger], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cache-location '.*c\.cache' is inside the ledger folder .*; a cache is never written among the ledger's files, so choose a place outside it\n$/);
    expect(existsSync(join(ledger, "c.cache"))).toBe(false);
  });

  it("in node_modules/.cache/claims of the project, else the OS cache folder, never in a ledger", () => {
    const { dir, ledger } = workspace();
    writeFileSync(join(dir, "package.json"), "{}");
    const env = { XDG_CACHE_HOME: "/var/cache-home" };
    expect(cacheFilePath({ cwd: dir, location: undefined, roots: [ledger], env })).toMatch(new RegExp(`^${dir}/node_modules/\\.cache/claims/ledger-[0-9a-f]{16}\\.cache$`));
    // The project folder is the ledger itself: its node_modules would be inside it.
    expect(cacheFilePath({ cwd: dir, location: undefined, roots: [dir], env, platform: "linux", home: "/home/u" })).toMatch(/^\/var\/cache-home\/claims\/ledger-[0-9a-f]{16}\.cache$/);
    expect(osCacheFolder({}, "linux", "/home/u")).toBe("/home/u/.cache");
    expect(osCacheFolder({ XDG_CACHE_HOME: "relative" }, "linux", "/home/u")).toBe("/home/u/.cache");
    expect(osCacheFolder({}, "darwin", "/Users/u")).toBe("/Users/u/Library/Caches");
    expect(osCacheFolder({ LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }, "win32", "C:\\Users\\u")).toBe("C:\\Users\\u\\AppData\\Local");
    // Two ledgers, two caches.
    expect(cacheFilePath({ cwd: dir, location: undefined, roots: [ledger], env })).not.toBe(cacheFilePath({ cwd: dir, location: undefined, roots: [join(ledger, "faults")], env }));
  });

  it("cache: true in .claims.yaml turns it on (through the built CLI), --no-cache off", () => {
    const { dir } = workspace();
    writeFileSync(join(dir, "package.json"), "{}");
    writeFileSync(join(dir, ".claims.yaml"), "ledger: ledger\ncache: true\n");
    const folder = join(dir, "node_modules", ".cache", "claims");
    const off = runBin(["check", "--no-cache", "--format", "json"], { cwd: dir });
    expect(existsSync(folder)).toBe(false);
    const on = runBin(["check", "--format", "json"], { cwd: dir });
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^ledger-[0-9a-f]{16}\.cache$/)]);
    const warm = runBin(["check", "--format", "json"], { cwd: dir });
    expect(on.stdout).toBe(off.stdout);
    expect(warm.stdout).toBe(off.stdout);
    expect([on.code, warm.code]).toEqual([off.code, off.code]);
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("cache: must be true or false", async () => {
    const { dir } = workspace();
    mkdirSync(join(dir, "claims"));
    writeFileSync(join(dir, ".claims.yaml"), "cache: yes please\n");
    const r = await runInProcess(["check"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".claims.yaml:1:8  'cache' must be true or false, not 'yes please'");
  });
});
