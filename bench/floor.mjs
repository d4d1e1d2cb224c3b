// The least any audit must do: walk the tree as the audit does, stat every file and read its
// first 4 KiB, with the same number of reads in flight. Prints {files, seconds} as JSON.
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';

const [root, concurrencyArg = '32'] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const started = process.hrtime.bigint();
const files = [];
for await (const entry of fg.stream('**/*', { cwd: root, onlyFiles: true, dot: false, unique: false })) {
  files.push(entry);
}
const buffer = () => Buffer.allocUnsafe(4096);
let next = 0;
let bytes = 0;
async function worker() {
  const own = buffer();
  while (next < files.length) {
    const path = join(root, files[next++]);
    await lstat(path);
    const handle = await open(path, 'r');
    try {
      // Not `bytes += await …`: that reads `bytes` before the await and loses the other reads' sums.
      const { bytesRead } = await handle.read(own, 0, 4096, 0);
      bytes += bytesRead;
    } finally {
      await handle.close();
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, seconds })}\n`);
