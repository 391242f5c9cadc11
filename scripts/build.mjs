// Bundles the CLI into dist/ and builds a V8 code cache for it, so that start-up reads two files
// and compiles almost nothing.
//
// One CommonJS bundle: esbuild wraps every module that is only imported dynamically (exports,
// HTML parsing, each command's own code) in a lazy initialiser, so a command still evaluates
// only what it uses. CommonJS because Node 20 can take a code cache for a script (vm.Script) but
// not for an ES module; the cache is made after running `check` on the example ledger, so the
// functions a first run needs are in it already compiled. A Node whose V8 differs rejects the
// cache, and the bundle is then simply compiled as usual (see bin/load-cli.cjs).
import { build } from "esbuild";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

// The yaml package reads two debugging switches from the environment, LOG_TOKENS once per
// lexical token and LOG_STREAM once per document. `process.env` is not a plain object: each
// read asks the operating system's environment, and at two million tokens for a 10,000-file
// ledger that was a fifth of all parsing time. In the bundle both reads are `false`; nothing else
// in yaml changes. A yaml release that renames them only costs the speed again (with a warning
// here), and tests/build.test.ts checks that the bundles no longer read them.
const YAML_DEBUG_SWITCHES = /\bnode_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/g;
/** @type {import("esbuild").Plugin} */
const yamlWithoutDebugSwitches = {
  name: "yaml-without-debug-switches",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const patched = source.replace(YAML_DEBUG_SWITCHES, "false");
      const warnings = patched === source ? [{ text: `no LOG_TOKENS/LOG_STREAM read found in ${args.path}; parsing is slower than it could be` }] : [];
      return { contents: patched, loader: "js", warnings };
    });
  },
};
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli/main.ts", "parse-worker": "src/core/load/parse-worker.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  // The source is ES modules; in the bundle, import.meta.url is the bundle's own file URL.
  define: { "import.meta.url": "__claimsModuleUrl" },
  // A script run through vm has no dynamic import(); the few of Node's own modules loaded on
  // demand (worker_threads) are required instead.
  supported: { "dynamic-import": false },
  banner: { js: 'const __claimsModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  legalComments: "none",
  logLevel: "warning",
  plugins: [yamlWithoutDebugSwitches],
});

// The code cache: load the bundle as the bin does, run a first check, keep what V8 compiled.
const require = createRequire(import.meta.url);
const { loadCli, CODE_CACHE } = require("../bin/load-cli.cjs");
const { cli, script } = loadCli();
if (existsSync(new URL("../claims", import.meta.url))) {
  const quiet = { stdout: () => {}, stderr: () => {}, env: {}, cwd: root, stdoutIsTTY: false, columns: undefined };
  await cli.main(["check", "claims"], quiet);
}
writeFileSync(CODE_CACHE, script.createCachedData());
