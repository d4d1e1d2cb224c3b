import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inspectFile, type InspectJob, type Inspection } from './inspect-file.js';
import { mapWithConcurrency } from './pool.js';
import type { ChunkRequest } from './probe-worker.js';

/** Files a worker is sent at once: few enough for a smooth progress bar and an even finish. */
const CHUNK_FILES = 256;
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
  if (options.threads === 0 || !workerAvailable || jobs.length < CHUNK_FILES) {
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
  const threads = Math.min(options.threads, Math.ceil(jobs.length / CHUNK_FILES));
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_FILE));
  let next = 0;
  let done = 0;
  const drive = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let start = 0;
      const send = () => {
        if (next >= jobs.length || stop()) {
          resolve();
          return;
        }
        start = next;
        next = Math.min(jobs.length, next + CHUNK_FILES);
        const request: ChunkRequest = { jobs: jobs.slice(start, next), needTags: options.needTags };
        worker.postMessage(request);
      };
      worker.on('message', (answers: Inspection[]) => {
        for (let i = 0; i < answers.length; i++) results[start + i] = answers[i];
        done += answers.length;
        options.onProgress?.(done);
        send();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a probe worker stopped unexpectedly (exit ${code})`)));
      send();
    });
  try {
    await Promise.all(workers.map(drive));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
