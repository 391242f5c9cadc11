/**
 * Reading, parsing and validating on worker threads. Parsing YAML is most of the cost of a large
 * ledger and each file is independent, so it is spread over the machine's cores; the results come
 * back in file order, exactly as `loadFile` gives them on the main thread.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { type HashedFile, type LoadedFile, loadHashed } from "./load-file.js";
import { currentHash, type FileCache } from "./file-cache.js";
import type { WorkspaceFile } from "./workspace.js";

export interface ParseOptions {
  /** Worker threads to use; 0 or 1 parses on the main thread. Default: by ledger size and cores. */
  readonly threads?: number;
  /** The built worker script; without it everything is parsed on the main thread. */
  readonly worker?: URL;
  /** Files as an earlier run loaded them, by content: only the files not found there are parsed. */
  readonly cache?: FileCache;
  /** Workers already started (by the pipeline, which uses them again after parsing); `worker` and `threads` are then not used. */
  readonly pool?: WorkerPool;
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

/** A parse job, as `loadFiles` sends it to a worker thread (src/worker.ts answers it with `parseJob`). */
export interface ParseJob {
  readonly kind: "parse";
  readonly files: readonly WorkspaceFile[];
  readonly hash: boolean;
}

/** Answers one parse job: each file read, parsed and validated, in order. */
export function parseJob(job: ParseJob): HashedFile[] {
  return job.files.map((f) => loadHashed(f, job.hash));
}

/** Worker threads a run over `files` files uses: 0 (or 1) reads them on the calling thread. */
export function workersFor(files: number, options: Pick<ParseOptions, "threads" | "worker">): number {
  if (options.worker === undefined || files === 0) return 0;
  // More workers than cores only adds contention (at least two, so the threaded path can be tried anywhere).
  return Math.min(options.threads ?? defaultThreads(files), Math.max(2, availableParallelism()));
}

/**
 * Reads and parses every file, on workers when that pays; results in the order given. With a
 * cache, a file whose bytes hash as when it was kept is taken from it, and each file parsed is
 * given to it under the hash of the bytes that were parsed.
 */
export async function loadFiles(found: readonly WorkspaceFile[], options: ParseOptions = {}): Promise<LoadedFile[]> {
  const { cache } = options;
  if (cache === undefined) return (await loadAll(found, options, false)).map((h) => h.loaded);
  const results: LoadedFile[] = new Array(found.length);
  const missing: number[] = [];
  for (let i = 0; i < found.length; i++) {
    const hash = currentHash(found[i]);
    const kept = hash === undefined ? undefined : cache.get(found[i], hash);
    if (kept === undefined) missing.push(i);
    else results[i] = kept;
  }
  const fresh = await loadAll(missing.map((i) => found[i]), options, true);
  fresh.forEach(({ loaded, sha256 }, k) => {
    const f = found[missing[k]];
    results[missing[k]] = loaded;
    if (sha256 !== undefined && f.text === undefined && f.fault === undefined) cache.set(f, sha256, loaded);
  });
  return results;
}

async function loadAll(found: readonly WorkspaceFile[], options: ParseOptions, hash: boolean): Promise<HashedFile[]> {
  const given = options.pool;
  const threads = given?.size ?? workersFor(found.length, options);
  if (threads <= 1) return found.map((f) => loadHashed(f, hash));
  // At least a few chunks per worker, so one slow chunk does not leave the others idle.
  const size = Math.max(1, Math.min(CHUNK, Math.ceil(found.length / (threads * 4))));
  const chunks: WorkspaceFile[][] = [];
  for (let i = 0; i < found.length; i += size) chunks.push(found.slice(i, i + size));
  const pool = given ?? (await WorkerPool.open(options.worker!, Math.min(threads, chunks.length)));
  try {
    const results = await Promise.all(chunks.map((files) => pool.run<HashedFile[]>({ kind: "parse", files, hash } satisfies ParseJob)));
    return results.flat();
  } finally {
    if (given === undefined) await pool.close();
  }
}

/**
 * Worker threads that take jobs in the order given, each to the first worker free, and give each
 * job's result back to its caller. The worker script answers `{ kind: "parse" }` jobs (files to
 * read, parse and validate) and, when it is the whole pipeline's (`src/worker.ts`), more kinds.
 */
export class WorkerPool {
  readonly #workers: Worker[];
  readonly #queue: Job[] = [];
  readonly #busy = new Map<Worker, Job>();
  readonly #idle: Worker[] = [];
  #failed: unknown = undefined;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
  }

  /** Starts `threads` workers of the script at `url`. */
  static async open(url: URL, threads: number): Promise<WorkerPool> {
    // Loaded only here: a small ledger never pays for the threading module.
    const threading = await import("node:worker_threads");
    const pool = new WorkerPool(Array.from({ length: Math.max(1, threads) }, () => new threading.Worker(url)));
    for (const worker of pool.#workers) pool.#listen(worker);
    return pool;
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Runs one job on the next free worker; its result, or the worker's failure. */
  run<T>(message: object): Promise<T> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ message, resolve: resolve as (value: unknown) => void, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      this.#busy.set(worker, job);
      worker.postMessage(job.message);
    }
  }

  #listen(worker: Worker): void {
    this.#idle.push(worker);
    worker.on("message", (result: unknown) => {
      const job = this.#busy.get(worker);
      this.#busy.delete(worker);
      this.#idle.push(worker);
      job?.resolve(result);
      this.#dispatch();
    });
    const fail = (error: unknown) => {
      this.#failed ??= error;
      for (const job of [...this.#busy.values(), ...this.#queue.splice(0)]) job.reject(this.#failed);
      this.#busy.clear();
    };
    worker.on("error", fail);
    // A worker that stops while the pool is open fails what it had and what waits (terminate, at
    // close, comes after every job is answered).
    worker.on("exit", (code) => fail(new Error(`a worker thread stopped early (exit code ${code})`)));
  }
}

interface Job {
  readonly message: object;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}
