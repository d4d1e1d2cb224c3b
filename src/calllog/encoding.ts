import type { CallLogEncoding } from './types.js';

export type BomEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Bom {
  encoding: BomEncoding;
  length: number;
}

/** The byte-order mark at the start of `bytes`, if any. */
export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * What the first bytes of a file say about its encoding: a BOM, or the NUL-every-other-byte
 * pattern of BOM-less UTF-16 (which is valid UTF-8, so the UTF-8 check alone would accept it
 * and yield headers full of NULs). `null` means only decoding the whole file can tell.
 */
export function sniffEncoding(head: Uint8Array): BomEncoding | null {
  const bom = detectBom(head);
  if (bom) return bom.encoding;
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return 'utf-16le';
  if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0) return 'utf-16be';
  return null;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The `auto` rule applied to a whole byte array: BOM (or UTF-16 pattern) first, then UTF-8 if
 * every byte sequence is valid, else Windows-1250 (Excel's "CSV" on Slovenian Windows).
 * The file reader applies the same rule while streaming; this form is for small inputs and tests.
 */
export function detectEncoding(bytes: Uint8Array): CallLogEncoding | 'utf-16be' {
  return sniffEncoding(bytes) ?? (isValidUtf8(bytes) ? 'utf-8' : 'windows-1250');
}
