import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Synchronous reads: probes run in worker threads (probe-pool.ts), where a blocking read costs
 * one system call, while the promise API adds a thread-pool round trip per call that cost more
 * than the read itself (docs/performance.md).
 */

/** The first `length` bytes (fewer if the file is shorter). */
export function readHead(absPath: string, length: number): Buffer {
  const fd = openSync(absPath, 'r');
  try {
    return readAt(fd, 0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `headLength` and the last `tailLength` bytes of a file of `size` bytes: one read
 * of the whole file when the two would meet.
 */
export function readHeadAndTail(
  absPath: string,
  size: number,
  headLength: number,
  tailLength: number,
): { head: Buffer; tail: Buffer } {
  const fd = openSync(absPath, 'r');
  try {
    if (size <= headLength + tailLength) {
      const whole = readAt(fd, 0, size);
      return { head: whole, tail: whole };
    }
    return { head: readAt(fd, 0, headLength), tail: readAt(fd, size - tailLength, tailLength) };
  } finally {
    closeSync(fd);
  }
}

/** Runs `read` with the file open for reading, and closes it whatever happens. */
export function withOpenFile<T>(absPath: string, read: (fd: number) => T): T {
  const fd = openSync(absPath, 'r');
  try {
    return read(fd);
  } finally {
    closeSync(fd);
  }
}

/** `length` bytes from `position` (fewer at the end of the file). */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  const bytesRead = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
