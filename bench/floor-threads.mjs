// The floor as the audit now reads: the same walk, then `threads` worker threads that each
// lstat, open, read the first 4 KiB and close every file synchronously, as the audit's probe
// workers do (src/archive/probe-pool.ts). Prints {files, bytes, seconds, threads} as JSON.
// Compare with floor.mjs (the definition: promise reads, 32 in flight).
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import fg from 'fast-glob';

const CHUNK = 256;

if (isMainThread) {
  const [root, threadsArg] = process.argv.slice(2);
  const threads = Number(threadsArg ?? Math.min(availableParallelism(), 8));
  const started = process.hrtime.bigint();
  const files = [];
  for await (const entry of fg.stream('**/*', { cwd: root, onlyFiles: true, dot: false, unique: false })) {
    files.push(join(root, entry));
  }
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(new URL(import.meta.url));
      return new Promise((resolve, reject) => {
        const send = () => {
          if (next >= files.length) {
            worker.terminate().then(resolve, reject);
            return;
          }
          worker.postMessage(files.slice(next, (next += CHUNK)));
        };
        worker.on('message', (read) => {
          bytes += read;
          send();
        });
        worker.once('error', reject);
        send();
      });
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${JSON.stringify({ files: files.length, bytes, seconds, threads })}\n`);
} else {
  const buffer = Buffer.allocUnsafe(4096);
  parentPort.on('message', (paths) => {
    let read = 0;
    for (const path of paths) {
      lstatSync(path);
      const fd = openSync(path, 'r');
      try {
        read += readSync(fd, buffer, 0, 4096, 0);
      } finally {
        closeSync(fd);
      }
    }
    parentPort.postMessage(read);
  });
}
