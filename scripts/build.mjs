// Bundles the CLI into dist/ so start-up reads a few files instead of hundreds of modules.
// Code splitting keeps heavy parts (exports, HTML parsing) out of the start-up path: they are
// dynamic imports, loaded only by the commands that need them.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli/main.ts", "parse-worker": "src/core/parse-worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]",
  // cli-table3 and a few others are CommonJS and call require(); give the ESM bundle one.
  banner: { js: 'import { createRequire as __claimsCreateRequire } from "node:module"; const require = __claimsCreateRequire(import.meta.url);' },
  legalComments: "none",
  logLevel: "warning",
});
