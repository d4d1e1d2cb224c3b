// Worker-thread entry of the probe pool (probe-pool.ts): inspects the files of each chunk it is
// sent, one after another, and answers with their inspections in the same order.
import { parentPort } from 'node:worker_threads';
import { inspectFile, type InspectJob, type Inspection } from './inspect-file.js';

export interface ChunkRequest {
  jobs: InspectJob[];
  skipFastReaders: boolean;
}

// Chunks are answered strictly in the order they came: the pool matches answers to chunks by
// order, and up to two chunks wait here at a time.
let queue = Promise.resolve();
parentPort?.on('message', (request: ChunkRequest) => {
  queue = queue.then(async () => {
    const answers: Inspection[] = [];
    for (const job of request.jobs) answers.push(await inspectFile(job, request.skipFastReaders));
    parentPort?.postMessage(answers);
  });
});
