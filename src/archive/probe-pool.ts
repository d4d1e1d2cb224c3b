import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inspectFile, type InspectJob, type Inspection } from './inspect-file.js';
import { mapWithConcurrency } from './pool.js';
import type { ChunkRequest } from './probe-worker.js';

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 256;
/**
 * Files a worker is sent at once, at most: enough that a cached file's lstat (microseconds) is
 * not outweighed by the round trip, few enough for a smooth progress bar and an even finish.
 */
const MAX_CHUNK_FILES = 1024;
/**
 * Chunks queued per worker: the next one is already there when it finishes one, so it never
 * waits for the main thread, which is busy reading the call logs at the same time.
 */
const CHUNKS_IN_FLIGHT = 2;
/** More threads than this only add memory: probing is bound by system calls by then. */
const MAX_DEFAULT_THREADS = 8;

export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_THREADS));
}

export interface InspectOptions {
  /** Worker threads; 0 inspects on this thread (`concurrency` files at once). */
  threads: number;
  concurrency: number;
  needTags: boolean;
  signal?: AbortSignal;
  /** Told the number of files inspected so far. */
  onProgress?: (done: number) => void;
}

// Running from the TypeScript sources (tests) there is no compiled worker to start; the
// inspections are then made on this thread, by the same function.
const WORKER_FILE = fileURLToPath(new URL('./probe-worker.js', import.meta.url));
const workerAvailable = existsSync(WORKER_FILE);

/**
 * Inspects every job, in worker threads when asked for, and returns the inspections in job
 * order. Once `signal` is aborted no new file is started; the entries of files never started
 * are left empty (undefined).
 */
export async function inspectFiles(
  jobs: readonly InspectJob[],
  options: InspectOptions,
): Promise<Array<Inspection | undefined>> {
  const stop = () => options.signal?.aborted === true;
  if (options.threads === 0 || !workerAvailable || jobs.length < MIN_FILES_FOR_WORKERS) {
    let done = 0;
    return mapWithConcurrency(
      jobs,
      options.concurrency,
      async (job) => {
        const inspection = await inspectFile(job, options.needTags);
        options.onProgress?.(++done);
        return inspection;
      },
      stop,
    );
  }
  return inspectInWorkers(jobs, options, stop);
}

async function inspectInWorkers(
  jobs: readonly InspectJob[],
  options: InspectOptions,
  stop: () => boolean,
): Promise<Array<Inspection | undefined>> {
  const results = new Array<Inspection | undefined>(jobs.length);
  const threads = Math.min(options.threads, Math.ceil(jobs.length / MIN_FILES_FOR_WORKERS));
  // About eight chunks per thread on small archives, so the threads finish together.
  const chunkFiles = Math.max(64, Math.min(MAX_CHUNK_FILES, Math.ceil(jobs.length / (threads * 8))));
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_FILE));
  let next = 0;
  let done = 0;
  const drive = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      // Start indexes of the chunks sent and not yet answered; the worker answers in order.
      const pending: number[] = [];
      const send = () => {
        if (next >= jobs.length || stop()) return;
        const start = next;
        next = Math.min(jobs.length, next + chunkFiles);
        pending.push(start);
        const request: ChunkRequest = { jobs: jobs.slice(start, next), needTags: options.needTags };
        worker.postMessage(request);
      };
      worker.on('message', (answers: Inspection[]) => {
        const start = pending.shift()!;
        for (let i = 0; i < answers.length; i++) results[start + i] = answers[i];
        done += answers.length;
        options.onProgress?.(done);
        send();
        if (pending.length === 0) resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a probe worker stopped unexpectedly (exit ${code})`)));
      for (let i = 0; i < CHUNKS_IN_FLIGHT; i++) send();
      if (pending.length === 0) resolve();
    });
  try {
    await Promise.all(workers.map(drive));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
