import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CallauditError, isCallauditError } from '../errors.js';
import { readInputFile } from '../input-file.js';
import { addLeafPaths, recordRows } from './json-paths.js';
import { sha256OfPath } from '../archive/sha256-file.js';
import { RecordFeed } from './record-feed.js';
import type { CallLogOptions, CallLogResult } from './types.js';

/** A .json file is parsed whole; V8 cannot hold a string much over 512 MiB anyway. */
const JSON_FILE_LIMIT = 500 * (1 << 20);
/** Records whose paths make the header; a column first seen later is still read when named. */
const HEADER_SAMPLE = 1000;

type JsonKind = 'json' | 'ndjson' | 'ndjson-gzip';

/**
 * Reads call-log records from JSON: an array (or an object holding one array of records, or the
 * one `--records` names), or NDJSON, one record a line, streamed and possibly gzip-compressed
 * (Amazon Connect's Firehose delivery). Columns are dotted paths; events name the NDJSON line, or
 * the record's position (1 = the first) in a .json file.
 */
export async function readJsonCallLog(
  path: string,
  displayName: string,
  options: CallLogOptions,
  kind: JsonKind,
): Promise<CallLogResult> {
  const sha256 = sha256OfPath(path);
  sha256.catch(() => {});
  const feed = new RecordFeed(displayName, options);
  try {
    if (kind === 'json') {
      const { records, at } = jsonRecords(path, displayName, options.records);
      const json = new JsonRecordFeed(feed, options);
      const numbered = records.map((record, i) => ({ record, line: i + 1 }));
      json.start(numbered);
      for (const item of numbered) json.add(item);
      return feed.result(displayName, await sha256, 'json', at);
    }
    await feedLines(feed, path, displayName, kind === 'ndjson-gzip', options);
    return feed.result(displayName, await sha256, 'ndjson');
  } catch (error) {
    if (isCallauditError(error)) throw error;
    throw new CallauditError(
      'JSON_UNREADABLE',
      `cannot read the call log ${displayName}: ${error instanceof Error ? error.message : String(error)}`,
      kind === 'ndjson-gzip'
        ? 'Check that the file is a complete gzip file (gunzip -t) of one JSON record a line.'
        : 'Check the path and that this user may read the file.',
      displayName,
    );
  }
}

interface Numbered {
  record: unknown;
  line: number;
}
interface BadLine {
  line: number;
  message: string;
}

/** Records in, rows out: the header comes from a sample of records, then every record is fed. */
class JsonRecordFeed {
  private headers: string[] | null = null;
  private wanted: boolean[] = [];

  constructor(
    private readonly feed: RecordFeed,
    private readonly options: CallLogOptions,
  ) {}

  get started(): boolean {
    return this.headers !== null;
  }

  /** Builds the header from the sample's paths (plus named columns first seen later). */
  start(sample: readonly Numbered[]): void {
    const paths = new Set<string>();
    for (const { record } of sample.slice(0, HEADER_SAMPLE)) addLeafPaths(record, paths);
    const c = this.options.columns;
    for (const named of [c.outcome, c.time, c.notice, c.purpose, c.customer]) {
      // Only under an object the sample has: a typo stays a missing column with a clear error.
      const parent = named?.includes('.') ? named.slice(0, named.lastIndexOf('.') + 1) : null;
      if (parent !== null && [...paths].some((p) => p.startsWith(parent))) paths.add(named!);
    }
    this.headers = [...paths];
    this.feed.row(this.headers, 0);
    this.wanted = this.feed.wantedColumns ?? [];
  }

  add(item: Numbered | BadLine): void {
    if ('message' in item) {
      this.feed.unreadable(item.line, 'BAD_JSON_LINE', item.message);
      return;
    }
    const { record, line } = item;
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      this.feed.unreadable(line, 'NOT_A_RECORD', `record at line ${line} is not a JSON object; row skipped`);
      return;
    }
    for (const cells of recordRows(record, this.headers!, this.wanted)) this.feed.row(cells, line);
  }
}

async function feedLines(
  feed: RecordFeed,
  path: string,
  displayName: string,
  gzip: boolean,
  options: CallLogOptions,
): Promise<void> {
  const file = createReadStream(path);
  const input = gzip ? file.pipe(createGunzip()) : file;
  file.on('error', (error) => input.destroy(error));
  const lines = createInterface({ input, crlfDelay: Infinity });
  const json = new JsonRecordFeed(feed, options);
  // Held until the sample for the header is complete.
  const pending: Array<Numbered | BadLine> = [];
  const sample: Numbered[] = [];
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    const trimmed = (lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    const item = parseLine(trimmed, lineNumber);
    if (json.started) {
      json.add(item);
      continue;
    }
    pending.push(item);
    if ('record' in item) sample.push(item);
    if (sample.length >= HEADER_SAMPLE) {
      json.start(sample);
      for (const held of pending) json.add(held);
      pending.length = 0;
    }
  }
  if (json.started) return;
  if (sample.length === 0) {
    const bad = pending[0] as BadLine | undefined;
    throw new CallauditError(
      'JSON_NO_RECORDS',
      `${displayName} holds no JSON records${bad ? ` (${bad.message})` : ''}`,
      'An NDJSON call log has one JSON object a line.',
      displayName,
      bad?.line,
    );
  }
  json.start(sample);
  for (const held of pending) json.add(held);
}

function parseLine(text: string, line: number): Numbered | BadLine {
  try {
    return { record: JSON.parse(text) as unknown, line };
  } catch (error) {
    return { line, message: `line ${line} is not valid JSON (${(error as Error).message}); row skipped` };
  }
}

/** The records of a .json file: the array, the array `--records` names, or the object's one array. */
function jsonRecords(
  path: string,
  displayName: string,
  recordsPath: string | undefined,
): { records: unknown[]; at?: string } {
  const text = readInputFile(path, {
    code: 'JSON_UNREADABLE',
    what: `the call log ${displayName}`,
    hint: 'check the --crm path',
    maxBytes: JSON_FILE_LIMIT,
  })
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw malformedJsonError(displayName, text, error as Error);
  }
  if (Array.isArray(document) && recordsPath === undefined) return { records: document };
  if (recordsPath !== undefined) {
    const value = valueAt(document, recordsPath);
    if (Array.isArray(value)) return { records: value, at: recordsPath };
    throw new CallauditError(
      'JSON_NO_RECORDS',
      `${displayName} has no array at "${recordsPath}"`,
      `Name the array of records with --records; arrays found: ${listArrays(document).join(', ') || 'none'}.`,
      displayName,
    );
  }
  const arrays = listArrays(document);
  if (arrays.length === 1) return { records: valueAt(document, arrays[0]!) as unknown[], at: arrays[0] };
  throw new CallauditError(
    'JSON_NO_RECORDS',
    arrays.length === 0
      ? `${displayName} holds no array of records`
      : `${displayName} holds several arrays of records (${arrays.join(', ')})`,
    arrays.length === 0
      ? 'A JSON call log is an array of objects, or an object holding one; NDJSON has one object a line.'
      : 'Name the one to read with --records, e.g. --records ' + arrays[0] + '.',
    displayName,
  );
}

/** The value at a dotted path of plain keys (`data.items`), undefined where the path breaks off. */
function valueAt(document: unknown, dotted: string): unknown {
  let value = document;
  for (const key of dotted.split('.'))
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Dotted paths of arrays of objects, down to two levels (`conversations`, `data.items`). */
function listArrays(document: unknown, prefix = '', depth = 0): string[] {
  if (document === null || typeof document !== 'object' || Array.isArray(document) || depth > 1) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(document)) {
    const path = prefix + key;
    if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v)))
      found.push(path);
    else found.push(...listArrays(value, `${path}.`, depth + 1));
  }
  return found;
}

function malformedJsonError(displayName: string, text: string, error: Error): CallauditError {
  const position = /position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : -1;
  let line: number | undefined;
  let column: number | undefined;
  if (offset >= 0) {
    const before = text.slice(0, offset);
    line = before.split('\n').length;
    column = offset - before.lastIndexOf('\n');
  } else {
    const match = /line (\d+) column (\d+)/.exec(error.message);
    if (match) [line, column] = [Number(match[1]), Number(match[2])];
  }
  return new CallauditError(
    'JSON_MALFORMED',
    `${displayName} is not valid JSON${line !== undefined ? ` at line ${line}, column ${column}` : ''}: ${error.message.replace(/^JSON\.parse: /, '')}`,
    'Fix the file or export it again; for one record a line, name it .ndjson.',
    displayName,
    line,
  );
}
