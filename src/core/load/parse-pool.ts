/**
 * Reading, parsing and validating on worker threads. Parsing YAML is most of the cost of a large
 * ledger and each file is independent, so it is spread over the machine's cores; the results come
 * back in file order, exactly as `loadFile` gives them on the main thread.
 */
import { availableParallelism } from "node:os";
import { type HashedFile, type LoadedFile, loadHashed } from "./load-file.js";
import { currentHash, type FileCache } from "./file-cache.js";
import { Compactor } from "./compact.js";
import type { WorkspaceFile } from "./workspace.js";

export interface ParseOptions {
  /** Worker threads to use; 0 or 1 parses on the main thread. Default: by ledger size and cores. */
  readonly threads?: number;
  /** The built worker script; without it everything is parsed on the main thread. */
  readonly worker?: URL;
  /** Files as an earlier run loaded them, by content: only the files not found there are parsed. */
  readonly cache?: FileCache;
}

/**
 * Below this many files, starting workers costs more than it saves: on two cores, checking 1,000
 * files took 7 % longer on workers and 3,000 files the same, while 10,000 took a quarter less.
 */
const MIN_FILES_FOR_WORKERS = 2_500;
/** Files per message at most: large enough to amortise messaging, small enough to balance the load. */
const CHUNK = 128;

/** How many workers a ledger of `files` files gets by default. */
export function defaultThreads(files: number): number {
  return files < MIN_FILES_FOR_WORKERS ? 0 : Math.min(availableParallelism(), 4);
}

/**
 * Reads and parses every file, on workers when that pays; results in the order given. With a
 * cache, a file whose bytes hash as when it was kept is taken from it, and each file parsed is
 * given to it under the hash of the bytes that were parsed.
 */
export async function loadFiles(found: readonly WorkspaceFile[], options: ParseOptions = {}): Promise<LoadedFile[]> {
  const { cache } = options;
  const compact = new Compactor();
  if (cache === undefined) return (await loadAll(found, options, false, compact)).map((h) => h.loaded);
  const results: LoadedFile[] = new Array(found.length);
  const missing: number[] = [];
  for (let i = 0; i < found.length; i++) {
    const hash = currentHash(found[i]);
    const kept = hash === undefined ? undefined : cache.get(found[i], hash);
    if (kept === undefined) missing.push(i);
    else results[i] = compact.loaded(kept);
  }
  const fresh = await loadAll(missing.map((i) => found[i]), options, true, compact);
  fresh.forEach(({ loaded, sha256 }, k) => {
    const f = found[missing[k]];
    results[missing[k]] = loaded;
    if (sha256 !== undefined && f.text === undefined && f.fault === undefined) cache.set(f, sha256, loaded);
  });
  return results;
}

/**
 * A worker's result with this thread's strings for the file's paths. A clone brings its own copies:
 * three strings per file, the workspace root among them, which every file of a root would
 * otherwise share (at 200,000 files, some 35 MB).
 */
function withOwnPaths({ loaded, sha256 }: HashedFile, found: WorkspaceFile): HashedFile {
  return { loaded: { ...loaded, file: { ...loaded.file, abs: found.abs, display: found.display, root: found.root } }, sha256 };
}

/** Every file loaded, each compacted as it arrives (see `Compactor.loaded`). */
async function loadAll(found: readonly WorkspaceFile[], options: ParseOptions, hash: boolean, compact: Compactor): Promise<HashedFile[]> {
  // More workers than cores only adds contention (at least two, so the threaded path can be tried anywhere).
  const wanted = Math.min(options.threads ?? defaultThreads(found.length), Math.max(2, availableParallelism()));
  if (wanted <= 1 || options.worker === undefined || found.length === 0) {
    return found.map((f) => {
      const result = loadHashed(f, hash);
      compact.loaded(result.loaded);
      return result;
    });
  }
  // At least a few chunks per worker, so one slow chunk does not leave the others idle.
  const size = Math.max(1, Math.min(CHUNK, Math.ceil(found.length / (wanted * 4))));
  const chunks: WorkspaceFile[][] = [];
  for (let i = 0; i < found.length; i += size) chunks.push(found.slice(i, i + size));
  const threads = Math.min(wanted, chunks.length);
  const results: HashedFile[][] = new Array(chunks.length);
  const workerUrl = options.worker;
  // Loaded only here: a small ledger never pays for the threading module.
  const { Worker } = await import("node:worker_threads");
  let next = 0;
  const workers: InstanceType<typeof Worker>[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = new Worker(workerUrl);
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= chunks.length) return resolve();
            const chunk = next++;
            worker.postMessage({ chunk, files: chunks[chunk], hash });
          };
          worker.on("message", (message: { chunk: number; results: HashedFile[] }) => {
            const sent = chunks[message.chunk];
            results[message.chunk] = message.results.map((result, k) => {
              const own = withOwnPaths(result, sent[k]);
              compact.loaded(own.loaded);
              return own;
            });
            send();
          });
          worker.on("error", reject);
          // After this worker resolved, a later exit (terminate) changes nothing.
          worker.on("exit", (code) => reject(new Error(`a parse worker stopped early (exit code ${code})`)));
          send();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
