import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Synchronous reads: probes run in worker threads (probe-pool.ts), where a blocking read costs
 * one system call, while the promise API adds a thread-pool round trip per call that cost more
 * than the read itself (docs/performance.md).
 */

/**
 * The bytes of one recording, wherever it lives: an open local file, or the ranges of an S3
 * object fetched so far (src/archive/s3/object-bytes.ts). The header readers read through this
 * and nothing else, so one set of readers serves both.
 */
export interface ByteSource {
  /** `length` bytes from `position` (fewer at the end of the recording). */
  readAt(position: number, length: number): Buffer;
}

/** Runs `read` with a recording's bytes and releases them whatever happens. */
export type OpenBytes = <T>(read: (source: ByteSource) => T) => T;

/**
 * Thrown by a byte source that does not hold the bytes asked for yet (an S3 object whose range
 * was not fetched): the caller fetches them and runs the synchronous reader again. Readers that
 * turn errors into problems must let it through (`rethrowMissingBytes`).
 */
export class MissingBytes extends Error {
  constructor(
    readonly position: number,
    readonly length: number,
  ) {
    super(`bytes ${position}+${length} are not fetched yet`);
    this.name = 'MissingBytes';
  }
}

export function rethrowMissingBytes(error: unknown): void {
  if (error instanceof MissingBytes) throw error;
}

/** Runs `read` with the file open for reading, and closes it whatever happens. */
export function withOpenFile<T>(absPath: string, read: (source: ByteSource) => T): T {
  const fd = openSync(absPath, 'r');
  try {
    return read({ readAt: (position, length) => readAt(fd, position, length) });
  } finally {
    closeSync(fd);
  }
}

/** The local file as an `OpenBytes`. */
export function openFile(absPath: string): OpenBytes {
  return (read) => withOpenFile(absPath, read);
}

/** `length` bytes from `position` (fewer at the end of the file). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  const bytesRead = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
