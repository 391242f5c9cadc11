// Preloaded with NODE_OPTIONS="--require bench/peak-rss.cjs" when /usr/bin/time is not available:
// on exit, writes the process's peak resident set size (KiB, like GNU time's %M) to the file named
// in BENCH_PEAK_RSS_FILE, with user and system CPU seconds. Worker threads share the process, so their memory is included.
"use strict";
const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) {
  // Only the measured process itself: do not let children inherit the hook.
  delete process.env.BENCH_PEAK_RSS_FILE;
  process.on("exit", () => {
    try {
      const u = process.resourceUsage();
      // Same layout as GNU time -f "%M %U %S": KiB, user seconds, system seconds.
      require("node:fs").writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
    } catch {
      // measurement only; never disturb the measured program
    }
  });
}
