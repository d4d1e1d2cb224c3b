import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  type ChunkDecoder,
  InvalidEncoding,
  Utf8ChunkDecoder,
  Utf8ChunkValidator,
  Windows1250ChunkDecoder,
} from './chunk-decoders.js';
import type { LineEndNormaliser } from './line-ends.js';
import type { CallLogEncoding } from './types.js';

/** The file is not valid UTF-8; `auto` then starts over with Windows-1250. */
export class InvalidUtf8Error extends Error {
  constructor(
    readonly byteOffset: number,
    byteLength: number,
  ) {
    super(
      byteLength > 0
        ? `a byte sequence that is not UTF-8 lies between bytes ${byteOffset} and ${byteOffset + byteLength}`
        : 'the file ends inside a UTF-8 character',
    );
    this.name = 'InvalidUtf8Error';
  }
}

export interface DecodeHooks {
  /** Sees every raw chunk, e.g. to hash the file without a second read. */
  onBytes(chunk: Buffer): void;
  normaliser: LineEndNormaliser;
}

/** Bytes read at a time; also the span a not-UTF-8 error points at. */
const CHUNK_BYTES = 1 << 16;

/**
 * Streams `path` as text with LF line breaks, one chunk at a time, so the file is never held in
 * memory as a whole. UTF-8 is decoded strictly: a byte sequence that is not UTF-8 throws
 * InvalidUtf8Error instead of turning `č` into U+FFFD. A leading BOM is dropped, as TextDecoder does.
 */
export async function* decodeFile(
  path: string,
  encoding: CallLogEncoding,
  hooks: DecodeHooks,
): AsyncGenerator<string, void, undefined> {
  const decoder = chunkDecoder(encoding);
  let offset = 0;
  for await (const bytes of readChunks(path)) {
    hooks.onBytes(bytes);
    const text = decodeChunk(decoder, bytes, offset);
    offset += bytes.length;
    const normalised = hooks.normaliser.push(text);
    if (normalised.length > 0) yield normalised;
  }
  const tail = hooks.normaliser.push(decodeChunk(decoder, undefined, offset)) + hooks.normaliser.end();
  if (tail.length > 0) yield tail;
}

/**
 * Streams the raw bytes of a UTF-8 or Windows-1250 file for splitting before decoding, checked
 * as decodeFile checks them: UTF-8 that is not throws the same InvalidUtf8Error, at the same
 * chunk. A chunk is only valid until the next one is asked for.
 */
export async function* checkedChunks(
  path: string,
  encoding: 'utf-8' | 'windows-1250',
  onBytes: (chunk: Buffer) => void,
): AsyncGenerator<Buffer, void, undefined> {
  const validator = encoding === 'utf-8' ? new Utf8ChunkValidator() : null;
  let offset = 0;
  for await (const bytes of readChunks(path)) {
    onBytes(bytes);
    if (validator !== null) checkChunk(() => validator.complete(bytes), offset, bytes.length);
    offset += bytes.length;
    yield bytes;
  }
  if (validator !== null) checkChunk(() => validator.end(), offset, 0);
}

/**
 * The bytes of `path` in chunks of CHUNK_BYTES. Two buffers take turns, so the next read runs
 * while this chunk is decoded and split, as a read stream's read-ahead did, without a fresh
 * buffer per read: a chunk is overwritten once the one after it has been asked for.
 */
async function* readChunks(path: string): AsyncGenerator<Buffer, void, undefined> {
  // Not blocking on a FIFO swapped in since readHead checked the file; refused just below.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw Object.assign(new Error('no longer a regular file'), { code: 'EINVAL' });
  }
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  let position = 0;
  let pending: Promise<{ bytesRead: number }> | null = null;
  try {
    pending = handle.read(buffers[0]!, 0, CHUNK_BYTES, position);
    for (let turn = 0; ; turn++) {
      const { bytesRead } = await pending;
      pending = null;
      if (bytesRead === 0) break;
      position += bytesRead;
      pending = handle.read(buffers[(turn + 1) % 2]!, 0, CHUNK_BYTES, position);
      yield buffers[turn % 2]!.subarray(0, bytesRead);
    }
  } finally {
    // A read still running when the caller stops early must end before the file is closed.
    await pending?.catch(() => undefined);
    await handle.close();
  }
}

/** The decoder decodeFile uses for `encoding`. */
export function chunkDecoder(encoding: CallLogEncoding): ChunkDecoder {
  if (encoding === 'utf-8') return new Utf8ChunkDecoder();
  if (encoding === 'windows-1250') return new Windows1250ChunkDecoder();
  const decoder = new TextDecoder(encoding);
  return {
    decode: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

function decodeChunk(decoder: ChunkDecoder, bytes: Buffer | undefined, offset: number): string {
  return checkChunk(
    () => (bytes === undefined ? decoder.end() : decoder.decode(bytes)),
    offset,
    bytes?.length ?? 0,
  );
}

/** Runs `decode` on the chunk at `offset`, turning InvalidEncoding into InvalidUtf8Error. */
function checkChunk<T>(decode: () => T, offset: number, byteLength: number): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof InvalidEncoding) throw new InvalidUtf8Error(offset, byteLength);
    throw error;
  }
}
