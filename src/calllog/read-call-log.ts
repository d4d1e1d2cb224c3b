import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { kindOf } from '../file-kind.js';
import { CallauditError, isCallauditError } from '../errors.js';
import { CallLogCollector } from './collector.js';
import { CsvParseSplitter } from './csv-parse-records.js';
import { decodeFile, InvalidUtf8Error } from './decode.js';
import { FastPathUnsupported, FastRecordSplitter } from './fast-records.js';
import { ByteRecordSplitter } from './byte-records.js';
import { splitInto } from './record-splitter.js';
import { byteSource, type ByteEncoding } from './byte-source.js';
import { fieldDecoder } from './field-decoders.js';
import { sniffEncoding } from './encoding.js';
import { LineEndNormaliser } from './line-ends.js';
import { isValidTimeZone } from './parse-time.js';
import { excelSepLine, headerLineEnd, sniffDelimiter } from './sniff-delimiter.js';
import type { CallLogEncoding, CallLogOptions, CallLogResult } from './types.js';

/** Text buffered to find the header line for delimiter sniffing; headers are far shorter. */
const HEADER_SNIFF_CHARS = 1 << 20;

/**
 * Reads one call-log CSV into call events. Streams the file; a broken row becomes a RowProblem
 * and only that row is skipped, unless more than 1% of the data lines are unreadable.
 * Throws CallauditError for an unreadable or empty file, a missing column, a bad time zone or
 * encoding, and too many bad rows. `firstTry` picks the splitter tried before csv-parse:
 * on the bytes where the encoding allows (the default), or always on decoded text, which the
 * tests use as the reference the bytes must agree with.
 */
export async function readCallLog(
  path: string,
  displayName: string,
  options: CallLogOptions,
  firstTry: FirstTry = 'bytes',
): Promise<CallLogResult> {
  if (!isValidTimeZone(options.timezone)) {
    throw new CallauditError(
      'INVALID_TIMEZONE',
      `"${options.timezone}" is not a time zone (reading ${displayName})`,
      'Use an IANA zone name such as Europe/Ljubljana or UTC.',
      displayName,
    );
  }
  const head = await readHead(path, displayName);
  try {
    return await readDetected(path, displayName, options, head, firstTry);
  } catch (error) {
    // Reaches here only when UTF-8 was asked for, or promised by a BOM, and the bytes disagree.
    if (error instanceof InvalidUtf8Error) throw notUtf8Error(displayName, error);
    throw error;
  }
}

/** Chooses the encoding: as asked, else from the BOM, else UTF-8 with a Windows-1250 restart. */
async function readDetected(
  path: string,
  displayName: string,
  options: CallLogOptions,
  head: Uint8Array,
  firstTry: FirstTry,
): Promise<CallLogResult> {
  if (options.encoding !== 'auto')
    return readPass(path, displayName, options, options.encoding, false, firstTry);
  const sniffed = sniffEncoding(head);
  if (sniffed === 'utf-16be') {
    throw new CallauditError(
      'CSV_UNSUPPORTED_ENCODING',
      `${displayName} is UTF-16 big-endian, which callaudit does not read`,
      'Save the file as "CSV UTF-8" or as UTF-16LE ("Unicode text") and run again.',
      displayName,
    );
  }
  if (sniffed !== null) return readPass(path, displayName, options, sniffed, true, firstTry);
  try {
    return await readPass(path, displayName, options, 'utf-8', true, firstTry);
  } catch (error) {
    // Not UTF-8 somewhere in the file: Excel's plain "CSV" on Slovenian Windows is Windows-1250.
    if (error instanceof InvalidUtf8Error)
      return readPass(path, displayName, options, 'windows-1250', true, firstTry);
    throw error;
  }
}

/** Checks the file can be read and is not empty, and returns its first bytes for BOM sniffing. */
async function readHead(path: string, displayName: string): Promise<Uint8Array> {
  let handle;
  try {
    // expandCallLogs refused FIFOs and devices; this open does not block on one swapped in since.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile()) throw unreadableError(displayName, `it is ${kindOf(stats)}, not a regular file`);
    if (stats.size === 0) {
      throw new CallauditError(
        'CSV_EMPTY_FILE',
        `${displayName} is empty (0 bytes)`,
        'Export the call log again; it needs a header row and one row per call.',
        displayName,
      );
    }
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw isCallauditError(error) ? error : unreadableError(displayName, describeIoError(error));
  } finally {
    await handle?.close();
  }
}

/**
 * One full read in one encoding: a fast splitter first (on the bytes when the encoding allows,
 * else on the decoded text), csv-parse for files it declines.
 */
async function readPass(
  path: string,
  displayName: string,
  options: CallLogOptions,
  encoding: CallLogEncoding,
  encodingDetected: boolean,
  firstTry: FirstTry,
): Promise<CallLogResult> {
  const fast =
    firstTry === 'bytes' && (encoding === 'utf-8' || encoding === 'windows-1250') ? 'bytes' : 'text';
  try {
    return await readPassWith(fast, path, displayName, options, encoding, encodingDetected);
  } catch (error) {
    if (!(error instanceof FastPathUnsupported)) throw error;
    return readPassWith('csv-parse', path, displayName, options, encoding, encodingDetected);
  }
}

/** The fast splitter a pass tries first. */
export type FirstTry = 'bytes' | 'text';
type Splitter = FirstTry | 'csv-parse';

/** Where a pass reads from: decoded text, or raw bytes with the text of their start for sniffing. */
interface PassSource {
  /** The next piece of text (LF line breaks) to look for the header in, or null at the end. */
  nextText(): Promise<string | null>;
  close(): Promise<void>;
}

async function readPassWith(
  splitter: Splitter,
  path: string,
  displayName: string,
  options: CallLogOptions,
  encoding: CallLogEncoding,
  encodingDetected: boolean,
): Promise<CallLogResult> {
  const hash = createHash('sha256');
  const normaliser = new LineEndNormaliser();
  const onBytes = (chunk: Buffer) => hash.update(chunk);
  const bytes = splitter === 'bytes' ? byteSource(path, encoding as ByteEncoding, onBytes) : null;
  const source = bytes ?? textSource(decodeFile(path, encoding, { onBytes, normaliser }));
  try {
    const { head, sepLine } = await readHeader(source);
    const sniffed = sepLine?.delimiter ?? sniffDelimiter(head);
    const delimiter = options.delimiter === 'auto' ? sniffed : options.delimiter;
    const makeCollector = (fieldsAreCopies: boolean) =>
      new CallLogCollector(displayName, options, sepLine === null ? 1 : 2, fieldsAreCopies);
    const restOfText = async function* () {
      if (head.length > 0) yield head;
      for (let next = await source.nextText(); next !== null; next = await source.nextText()) yield next;
    };
    const { collector, skipped } =
      bytes !== null
        ? await splitInto(
            (async function* () {
              yield bytes.startAfter(sepLine !== null);
              for (let next = await bytes.nextBytes(); next !== null; next = await bytes.nextBytes())
                yield next;
            })(),
            (sink) =>
              new ByteRecordSplitter(
                delimiter,
                fieldDecoder(bytes.encoding),
                sink,
                bytes.encoding === 'utf-8',
              ),
            makeCollector,
            options.onRows,
          )
        : await splitInto(
            restOfText(),
            (sink) =>
              splitter === 'text'
                ? new FastRecordSplitter(delimiter, sink)
                : new CsvParseSplitter(delimiter, sink, displayName),
            makeCollector,
            options.onRows,
          );
    for (const error of skipped) collector.onSkip(error, normaliser.lines);
    collector.finish();
    options.onRows?.(collector.rows);
    return {
      file: displayName,
      sha256: hash.digest('hex'),
      encoding,
      encodingDetected,
      delimiter,
      headers: collector.headers ?? [],
      rows: collector.rows,
      events: collector.events,
      problems: collector.problems,
      firstAt: collector.firstAt,
      lastAt: collector.lastAt,
      ...(collector.layout !== undefined ? { layout: collector.layout } : {}),
    };
  } catch (error) {
    if (isCallauditError(error) || error instanceof InvalidUtf8Error || error instanceof FastPathUnsupported)
      throw error;
    throw unreadableError(displayName, describeIoError(error));
  } finally {
    await source.close();
  }
}

type SepLine = NonNullable<ReturnType<typeof excelSepLine>>;

/** Decoded text as a PassSource. */
function textSource(text: AsyncGenerator<string, void>): PassSource {
  return {
    nextText: async () => {
      const next = await text.next();
      return next.done ? null : next.value;
    },
    close: async () => {
      await text.return(undefined);
    },
  };
}

/**
 * Reads text up to the end of the header line for sniffing, past an Excel `sep=` line when the
 * file starts with one; `head` is that text without the `sep=` line.
 */
async function readHeader(source: PassSource): Promise<{ head: string; sepLine: SepLine | null }> {
  let head = '';
  const bufferUntil = async (ready: () => boolean): Promise<void> => {
    while (!ready() && head.length < HEADER_SNIFF_CHARS) {
      const next = await source.nextText();
      if (next === null) return;
      head += next;
    }
  };
  await bufferUntil(() => headerLineEnd(head) >= 0);
  const sepLine = excelSepLine(head);
  if (sepLine !== null) {
    await bufferUntil(() => headerLineEnd(head.slice(sepLine.length)) >= 0);
    head = head.slice(sepLine.length);
  }
  return { head, sepLine };
}

function notUtf8Error(displayName: string, error: InvalidUtf8Error): CallauditError {
  return new CallauditError(
    'CSV_BAD_ENCODING',
    `${displayName} is not valid UTF-8 (${error.message})`,
    'Use --encoding windows-1250 for a file saved by Excel as plain "CSV", or save the file as "CSV UTF-8".',
    displayName,
  );
}

function unreadableError(displayName: string, reason: string): CallauditError {
  return new CallauditError(
    'CSV_UNREADABLE',
    `cannot read call log ${displayName}: ${reason}`,
    'Check the path and that this user may read the file.',
    displayName,
  );
}

function describeIoError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
