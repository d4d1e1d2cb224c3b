import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** What a call-log file holds, judged by its bytes (and, for JSON lines, by its name). */
export type CallLogKind = 'csv' | 'xlsx' | 'xls' | 'zip' | 'json' | 'ndjson' | 'ndjson-gzip';

/** Bytes looked at: enough for the first ZIP entry's name and the first JSON line's start. */
const SNIFF_BYTES = 4096;

/**
 * The kind of a call-log file. A workbook is a ZIP whose entries include `[Content_Types].xml`
 * (Excel writes it first); an old binary workbook starts with the OLE2 signature. JSON is told
 * from CSV by its first character; one record a line by the name (`.ndjson`, `.jsonl`) or by a
 * second line that starts a new object.
 */
export async function callLogKind(path: string): Promise<CallLogKind> {
  const head = await readHead(path);
  return kindOfHead(head, path);
}

export function kindOfHead(head: Buffer, name: string): CallLogKind {
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
    return head.includes('[Content_Types].xml') || /\.xls[xm]$/i.test(name) ? 'xlsx' : 'zip';
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'ndjson-gzip';
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return 'csv';
  if (/\.(nd)?jsonl?$/i.test(name) && !/\.json$/i.test(name)) return 'ndjson';
  if (/\.json$/i.test(name)) return 'json';
  // An unnamed `{…}\n{` is one object a line; a single object spans lines with `"key"` inside.
  return first === '{' && /\}\s*\r?\n\s*\{/.test(text) ? 'ndjson' : 'json';
}

async function readHead(path: string): Promise<Buffer> {
  // The CSV reader reports a missing or unreadable file in its own words; no bytes is "csv".
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!(await handle.stat()).isFile()) return Buffer.alloc(0);
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return Buffer.alloc(0);
  } finally {
    await handle?.close();
  }
}
