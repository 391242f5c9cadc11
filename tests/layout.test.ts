/**
 * The source layout (README "Design notes"): the core's folders are its stages in the order data
 * flows, no module imports a later stage, no import cycle, and no source file is over 300 lines.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run.js";

/**
 * Stages, earliest first; a module may import its own stage and earlier ones. `values` (the §5
 * grammar, pure) comes before `load` because the schema judges dates with its calendar. `edit`
 * (adding records, fixes) comes after the pipeline: a change is checked with the whole ledger.
 */
const STAGES = ["core/shared", "core/values", "core/load", "core/quotes", "core/analysis", "core/report", "core/pipeline", "core/diff", "core/edit", "formats", "index", "lsp", "cli"] as const;
const MAX_LINES = 300;
const SRC = join(ROOT, "src");

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The stage a file belongs to (its index in STAGES), or -1. */
function stageOf(file: string): number {
  const rel = relative(SRC, file).replace(/\\/g, "/").replace(/\.ts$/, "");
  return STAGES.findIndex((stage) => rel === stage || rel.startsWith(`${stage}/`));
}

/** The relative imports of a source file (static, dynamic and type-only), as absolute .ts paths. */
function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    out.push(resolve(dirname(file), match[1]).replace(/\.js$/, ".ts"));
  }
  return out.filter((path) => path.startsWith(SRC));
}

/** Strongly connected components of more than one module (or a module importing itself): the import cycles. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const files = sourceFiles();
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const rel = (file: string) => relative(ROOT, file).replace(/\\/g, "/");

describe("the source layout", () => {
  it("places every source file in a stage", () => {
    expect(files.filter((file) => stageOf(file) < 0).map(rel)).toEqual([]);
  });

  it("has each core stage as a folder", () => {
    for (const stage of STAGES.filter((s) => s.startsWith("core/") && s !== "core/pipeline")) {
      expect(files.some((file) => rel(file).startsWith(`src/${stage}/`)), stage).toBe(true);
    }
  });

  it("never imports a later stage", () => {
    const backwards = [...graph].flatMap(([file, deps]) => deps.filter((dep) => stageOf(dep) > stageOf(file)).map((dep) => `${rel(file)} -> ${rel(dep)}`));
    expect(backwards).toEqual([]);
  });

  it("has no import cycle", () => {
    expect(cycles(graph).map((cycle) => cycle.map(rel))).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = files.map((file) => [rel(file), readFileSync(file, "utf8").split("\n").length] as const).filter(([, lines]) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});

describe("the layout checks can fail", () => {
  it("a backward import is seen", () => {
    const from = join(SRC, "core", "load", "x.ts");
    const deps = importsOf(from, `import type { Report } from "../report/types.js";\nconst m = await import("../analysis/analyse-claim.js");`);
    expect(deps.map(rel)).toEqual(["src/core/report/types.ts", "src/core/analysis/analyse-claim.ts"]);
    expect(deps.every((dep) => stageOf(dep) > stageOf(from))).toBe(true);
  });

  it("a cycle is found, and a chain is not one", () => {
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
  });
});
