/** A parse worker: reads, parses and validates the files it is sent, and posts back their records. */
import { parentPort } from "node:worker_threads";
import { loadHashed } from "./load-file.js";
import type { WorkspaceFile } from "./workspace.js";

parentPort?.on("message", (message: { readonly chunk: number; readonly files: readonly WorkspaceFile[]; readonly hash: boolean }) => {
  parentPort?.postMessage({ chunk: message.chunk, results: message.files.map((f) => loadHashed(f, message.hash)) });
});
