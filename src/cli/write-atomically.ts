import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { temporaryNameFor } from '../temporary-name.js';

/** What a caller may do with a file's bytes while it is written. */
export interface WriteHooks {
  /** Every run of bytes, in order, with its position in the file. */
  onBytes?(bytes: Buffer, position: number): void;
  /** After the last byte and before the rename: the file may still be patched in place. */
  beforeClose?(fd: number): void;
}

/**
 * Writes text pieces to `target` through a temporary file and a rename, so a reader never sees
 * half a file; a failed write leaves no temporary file behind.
 */
export function writeFileAtomically(target: string, chunks: Iterable<string>, hooks: WriteHooks = {}): void {
  const temporary = temporaryNameFor(target);
  // Created here ('wx'): a failure before that must not remove a file this run did not make.
  const fd = openSync(temporary, 'wx');
  try {
    writeChunks(fd, chunks, hooks);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, target);
}

/** Size of the buffer reports are encoded into: bounded memory, few system calls. */
const BUFFER_BYTES = 1 << 20;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Encodes text pieces straight into one reused buffer and writes it out whenever the next piece
 * might not fit: no joined strings and no per-write Buffers, which at 100,000 findings made up
 * most of the time and garbage of writing a report.
 */
function writeChunks(fd: number, chunks: Iterable<string>, hooks: WriteHooks): void {
  try {
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    let used = 0;
    let position = 0;
    const flush = (bytes: Buffer, length: number) => {
      if (length === 0) return;
      const written = bytes.subarray(0, length);
      hooks.onBytes?.(written, position);
      writeAll(fd, written);
      position += length;
    };
    for (const chunk of chunks) {
      const maxBytes = chunk.length * MAX_BYTES_PER_UNIT;
      if (used + maxBytes > BUFFER_BYTES) {
        flush(buffer, used);
        used = 0;
      }
      if (maxBytes > BUFFER_BYTES) {
        const bytes = Buffer.from(chunk, 'utf8');
        flush(bytes, bytes.length);
      } else {
        used += buffer.write(chunk, used, 'utf8');
      }
    }
    flush(buffer, used);
    hooks.beforeClose?.(fd);
  } finally {
    closeSync(fd);
  }
}

/** writeSync may write less than asked; a short write must not leave a hole in a report. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}
