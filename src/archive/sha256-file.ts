import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** What was hashed: the digest plus the size and mtime of the very file descriptor that was read. */
export interface FileDigest {
  sha256: string;
  size: number;
  mtime: string;
}

/** Reads of at most this size: bounded memory for large files. */
const MAX_BUFFER_BYTES = 1 << 20;
/** Opened with O_NOFOLLOW so a symlink swapped in for an archive file is refused (ELOOP), not followed outside the archive. */
const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * The one read loop of every whole-file hash: it hands out the buffer to fill and takes the
 * number of bytes read, until a read gives none. Sized to the file, one byte over so the first
 * read can find the end: recordings are often a few kilobytes, and a stream's 1 MiB buffer per
 * file made hashing the violations of a 20,000-recording audit take longer than the rest of a
 * warm run (docs/performance.md).
 */
function* hashReads(size: number): Generator<Buffer, string, number> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(size + 1, MAX_BUFFER_BYTES));
  for (;;) {
    const bytesRead = yield buffer;
    if (bytesRead === 0) return hash.digest('hex');
    hash.update(buffer.subarray(0, bytesRead));
  }
}

async function digestOf(file: string, flags: number): Promise<FileDigest> {
  const handle = await open(file, flags);
  try {
    const stats = await handle.stat();
    const reads = hashReads(stats.size);
    let step = reads.next();
    while (!step.done)
      step = reads.next((await handle.read(step.value, 0, step.value.length, null)).bytesRead);
    return { sha256: step.value, size: stats.size, mtime: stats.mtime.toISOString() };
  } finally {
    await handle.close();
  }
}

/** Streams an archive file through SHA-256 without holding it in memory; a symlink is refused. */
export async function sha256OfFile(file: string): Promise<FileDigest> {
  return digestOf(file, NO_FOLLOW);
}

/** The SHA-256 of an input the user named (a call log): a symbolic link to it is followed. */
export async function sha256OfPath(file: string): Promise<string> {
  return (await digestOf(file, constants.O_RDONLY)).sha256;
}

/**
 * The same digest as sha256OfFile, read with blocking calls: for many small files in a row (the
 * violations of an audit) a thread-pool round trip per open, stat, read and close costs more than the work.
 */
export function sha256OfFileSync(file: string): FileDigest {
  const fd = openSync(file, NO_FOLLOW);
  try {
    const stats = fstatSync(fd);
    const reads = hashReads(stats.size);
    let step = reads.next();
    while (!step.done) step = reads.next(readSync(fd, step.value, 0, step.value.length, null));
    return { sha256: step.value, size: stats.size, mtime: stats.mtime.toISOString() };
  } finally {
    closeSync(fd);
  }
}
