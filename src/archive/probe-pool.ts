import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CallauditError } from '../errors.js';
import { inspectFile, type InspectJob, type Inspection, type Prober } from './inspect-file.js';
import { forEachWithConcurrency } from './pool.js';
import type { ChunkRequest } from './probe-worker.js';

/**
 * A probe holds a few kilobytes at a time, so a small young generation costs no speed; the
 * default one added tens of megabytes of resident memory per thread, in the same time
 * (figures in docs/performance.md).
 */
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 4 } };
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

export interface InspectOptions {
  /** Worker threads; 0 inspects on this thread (`concurrency` files at once). */
  threads: number;
  concurrency: number;
  skipFastReaders: boolean;
  signal?: AbortSignal;
  /** Test seam: probes with this on this thread (a function cannot cross to a worker). */
  probe?: Prober;
  /** Told the number of files inspected so far. */
  onProgress?: (done: number) => void;
}

// Running from the TypeScript sources (tests) there is no compiled worker to start; the
// inspections are then made on this thread, by the same function.
const WORKER_FILE = fileURLToPath(new URL('./probe-worker.js', import.meta.url));
const workerAvailable = existsSync(WORKER_FILE);

/**
 * Inspects jobs 0…count-1, in worker threads when asked for, and hands each inspection to
 * `onInspected` with its index as soon as it is made (in any order). Jobs are made by `jobAt`
 * only when they are sent, and nothing is kept here: at a million files, lists of all the jobs
 * and all the answers were hundreds of megabytes of short-lived data the collector had to move.
 * Once `signal` is aborted no new file is started; those indexes are never reported.
 */
export async function inspectFiles(
  count: number,
  jobAt: (index: number) => InspectJob,
  onInspected: (index: number, inspection: Inspection) => void,
  options: InspectOptions,
): Promise<void> {
  const stop = () => options.signal?.aborted === true;
  if (options.threads === 0 || options.probe || !workerAvailable || count < MIN_FILES_FOR_WORKERS) {
    let done = 0;
    await forEachWithConcurrency(
      count,
      options.concurrency,
      async (index) => {
        onInspected(index, await inspectFile(jobAt(index), options.skipFastReaders, options.probe));
        options.onProgress?.(++done);
      },
      stop,
    );
    return;
  }
  await inspectInWorkers(count, jobAt, onInspected, options, stop);
}

async function inspectInWorkers(
  count: number,
  jobAt: (index: number) => InspectJob,
  onInspected: (index: number, inspection: Inspection) => void,
  options: InspectOptions,
  stop: () => boolean,
): Promise<void> {
  const threads = Math.min(options.threads, Math.ceil(count / MIN_FILES_FOR_WORKERS));
  // About eight chunks per thread on small archives, so the threads finish together.
  const chunkFiles = Math.max(64, Math.min(MAX_CHUNK_FILES, Math.ceil(count / (threads * 8))));
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_FILE, WORKER_OPTIONS));
  let next = 0;
  let done = 0;
  const drive = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      // The chunks sent and not yet answered, by start index and first file; answered in order.
      const pending: Array<{ start: number; firstFile: string }> = [];
      const send = () => {
        if (next >= count || stop()) return;
        const start = next;
        next = Math.min(count, next + chunkFiles);
        const jobs: InspectJob[] = [];
        for (let index = start; index < next; index++) jobs.push(jobAt(index));
        pending.push({ start, firstFile: jobs[0]!.absPath });
        const request: ChunkRequest = { jobs, skipFastReaders: options.skipFastReaders };
        worker.postMessage(request);
      };
      worker.on('message', (answers: Inspection[]) => {
        const { start } = pending.shift()!;
        for (let i = 0; i < answers.length; i++) onInspected(start + i, answers[i]!);
        done += answers.length;
        options.onProgress?.(done);
        send();
        if (pending.length === 0) resolve();
      });
      const stopped = (why: string) => reject(workerStopped(why, pending[0]?.firstFile));
      worker.once('error', (error) => stopped(error.message));
      worker.once('exit', (code) => stopped(`exit ${code}`));
      for (let i = 0; i < CHUNKS_IN_FLIGHT; i++) send();
      if (pending.length === 0) resolve();
    });
  try {
    await Promise.all(workers.map(drive));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** A worker that died (a bug, or out of memory): which files it held, and how to go on without workers. */
function workerStopped(why: string, firstFile: string | undefined): CallauditError {
  return new CallauditError(
    'PROBE_WORKER_STOPPED',
    `a probe worker stopped unexpectedly (${why})${firstFile ? ` while reading the files from ${firstFile} on` : ''}`,
    'run the audit again with --threads 0 to read on the main thread, and please report this with the file named',
  );
}
