// Bundles the CLI and the library into dist/, writes the library's type declarations and the
// notices of the code the bundles contain, and builds a V8 code cache for the CLI, so that start-up
// reads two files and compiles almost nothing.
//
// The package installs nothing else: every dependency is bundled (and so is a devDependency), and
// dist/THIRD-PARTY-NOTICES.md carries the name, version, licence and licence text of each.
//
// One CommonJS bundle: esbuild wraps every module that is only imported dynamically (exports,
// HTML parsing, each command's own code) in a lazy initialiser, so a command still evaluates
// only what it uses. CommonJS because Node 20 can take a code cache for a script (vm.Script) but
// not for an ES module; the cache is made after running `check` on the example ledger, so the
// functions a first run needs are in it already compiled. A Node whose V8 differs rejects the
// cache, and the bundle is then simply compiled as usual (see bin/load-cli.cjs).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
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
// string-width and strip-ansi (which cli-table3 calls for every word of every cell it draws)
// build their regular expressions anew on each call: `emojiRegex()` and `ansiRegex()` return a
// new RegExp of a pattern thousands of characters long. Each result is only ever passed to
// String#replace, which starts a global expression from the beginning and leaves it there, so one
// expression made once per module is the same. Building them was a fifth of `claims check`'s
// text output at 10,000 claims. tests/build.test.ts checks the bundle holds the hoisted forms.
const REGEX_PER_CALL = [
  { file: /[\\/]node_modules[\\/]strip-ansi[\\/]index\.js$/, call: "string.replace(ansiRegex(), '')", hoisted: "string.replace(ANSI_REGEX_ONCE, '')", made: "const ANSI_REGEX_ONCE = ansiRegex();" },
  { file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/, call: "string.replace(emojiRegex(), '  ')", hoisted: "string.replace(EMOJI_REGEX_ONCE, '  ')", made: "const EMOJI_REGEX_ONCE = emojiRegex();" },
];
/** @type {import("esbuild").Plugin} */
const regexMadeOnce = {
  name: "regex-made-once",
  setup(build) {
    for (const { file, call, hoisted, made } of REGEX_PER_CALL) {
      build.onLoad({ filter: file }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (!source.includes(call)) return { contents: source, loader: "js", warnings: [{ text: `no \`${call}\` in ${args.path}; tables are drawn slower than they could be` }] };
        return { contents: `${source.replace(call, hoisted)}\n${made}\n`, loader: "js" };
      });
    }
  },
};

// What a cache entry of `--cache` is good for (with the version): a hash of the sources and the
// locked dependencies this bundle is built from, so that no build trusts another's cache.
const BUILD_ID = (() => {
  const hash = createHash("sha256");
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}\0`).update(readFileSync(join(root, path))).update("\0");
    }
  };
  walk("src");
  hash.update(readFileSync(join(root, "package-lock.json")));
  return hash.digest("hex").slice(0, 16);
})();

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

const cliBuild = await build({
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
  define: { "import.meta.url": "__claimsModuleUrl", __CLAIMS_BUILD__: JSON.stringify(BUILD_ID) },
  // A script run through vm has no dynamic import(); the few of Node's own modules loaded on
  // demand (worker_threads) are required instead.
  supported: { "dynamic-import": false },
  banner: { js: 'const __claimsModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // Licences are kept whole in THIRD-PARTY-NOTICES.md (below), not as scattered comments.
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  plugins: [yamlWithoutDebugSwitches, regexMadeOnce],
});

// The library (`import … from "claims"`): an ES module. Its CommonJS dependencies call require(),
// which an ES module lacks, so the banner makes one.
const libraryBuild = await build({
  absWorkingDir: root,
  entryPoints: { index: "src/index.ts" },
  outdir: "dist",
  outExtension: { ".js": ".js" },
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  banner: { js: 'import { createRequire as __claimsCreateRequire } from "node:module"; const require = __claimsCreateRequire(import.meta.url);' },
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  plugins: [yamlWithoutDebugSwitches, regexMadeOnce],
});

// Type declarations of the library, from the same sources (tsconfig.build.json).
const tsc = spawnSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
if (tsc.status !== 0) {
  process.stderr.write(tsc.stdout + tsc.stderr);
  throw new Error("tsc could not write the library's declarations");
}

writeFileSync(join(root, "dist", "THIRD-PARTY-NOTICES.md"), notices([cliBuild.metafile, libraryBuild.metafile]));

/** The notices of every package whose code a bundle contains: name, version, licence, and its licence file. */
function notices(metafiles) {
  const packages = new Map();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match && !packages.has(match[1])) packages.set(match[1], join(root, match[1]));
    }
  }
  const sections = [...packages.values()]
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const file = readdirSync(dir).find((name) => /^licen[cs]e(-[a-z0-9]+)?(\.(md|txt))?$/i.test(name));
      if (file === undefined) throw new Error(`${pkg.name} ships no licence file; its notice cannot be kept`);
      return { name: pkg.name, text: `## ${pkg.name} ${pkg.version} (${pkg.license})\n\n\`\`\`text\n${readFileSync(join(dir, file), "utf8").trim()}\n\`\`\`\n` };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return `# Third-party notices\n\nThe files in dist/ bundle the code of these packages. Each is used under the licence below.\n\n${sections.map((s) => s.text).join("\n")}`;
}

// The code cache: load the bundle as the bin does, run a first check, keep what V8 compiled.
const require = createRequire(import.meta.url);
const { loadCli, CODE_CACHE } = require("../bin/load-cli.cjs");
const { cli, script } = loadCli();
if (existsSync(new URL("../claims", import.meta.url))) {
  const quiet = { stdout: () => {}, stderr: () => {}, env: {}, cwd: root, stdoutIsTTY: false, columns: undefined };
  await cli.main(["check", "claims"], quiet);
}
writeFileSync(CODE_CACHE, script.createCachedData());
