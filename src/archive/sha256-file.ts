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

/**
 * Streams a file through SHA-256 without holding it in memory. Opened with O_NOFOLLOW so a
 * symlink swapped in for the file is refused (ELOOP) rather than followed outside the archive.
 */
export async function sha256OfFile(file: string): Promise<FileDigest> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const stats = await handle.stat();
    const hash = createHash('sha256');
    // Sized to the file, one byte over so the first read can find the end: recordings are often
    // a few kilobytes, and a stream's 1 MiB buffer per file made hashing the violations of a
    // 20,000-recording audit take longer than the rest of a warm run (docs/performance.md).
    const buffer = Buffer.allocUnsafe(Math.min(stats.size + 1, MAX_BUFFER_BYTES));
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return { sha256: hash.digest('hex'), size: stats.size, mtime: stats.mtime.toISOString() };
  } finally {
    await handle.close();
  }
}

/**
 * The same digest, read with blocking calls: for many small files in a row (the violations of an
 * audit) a thread-pool round trip per open, stat, read and close costs more than the work.
 */
export function sha256OfFileSync(file: string): FileDigest {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const stats = fstatSync(fd);
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(stats.size + 1, MAX_BUFFER_BYTES));
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return { sha256: hash.digest('hex'), size: stats.size, mtime: stats.mtime.toISOString() };
  } finally {
    closeSync(fd);
  }
}
