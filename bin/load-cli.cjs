// Loads the bundled CLI (dist/cli.cjs) through the V8 code cache that the build made for it
// (dist/cli.cjs.cache). When the cache is missing, or was made by another V8 and is rejected,
// the bundle is compiled as usual: the cache only ever saves time.
"use strict";
const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");

const DIST = join(__dirname, "..", "dist");
const BUNDLE = join(DIST, "cli.cjs");
const CODE_CACHE = join(DIST, "cli.cjs.cache");

/** The CLI module's exports, and the script it was compiled from (for making the cache). */
function loadCli(cache = CODE_CACHE) {
  const source = readFileSync(BUNDLE, "utf8");
  let cachedData;
  try {
    cachedData = readFileSync(cache);
  } catch {
    cachedData = undefined; // not built yet: compile without it
  }
  // The same wrapper Node gives a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, DIST);
  return { cli: module.exports, script };
}

module.exports = { loadCli, CODE_CACHE };
