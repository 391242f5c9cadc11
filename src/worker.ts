/**
 * The worker thread script (built as dist/parse-worker.cjs): it parses files for `loadFiles` and
 * analyses shares of the claims for `checkLedger`, posting each job's result back in turn. It
 * stands above the core and the formats because a share asked for as JSON is written here, by
 * the same code that writes the report on the main thread.
 */
import { parentPort } from "node:worker_threads";
import { parseJob, type ParseJob } from "./core/load/parse-pool.js";
import { analyseShare, type AnalysedShare, type AnalyseJob } from "./core/pipeline.js";
import { jsonElements } from "./formats/json-chunks.js";

function answer(job: ParseJob | AnalyseJob): unknown {
  if (job.kind === "parse") return parseJob(job);
  const share = analyseShare(job);
  return job.render === "json" ? ({ ...share, entries: [], json: jsonElements("claims", share.entries) } satisfies AnalysedShare) : share;
}

parentPort?.on("message", (job: ParseJob | AnalyseJob) => parentPort?.postMessage(answer(job)));
