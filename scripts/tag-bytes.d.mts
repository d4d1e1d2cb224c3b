// Types for tag-bytes.mjs, so TypeScript tests and benchmarks can import it without allowJs.

export interface Id3Frame {
  /** Frame id (3 letters for ID3v2.2). */
  id: string;
  /** Value of a text, TXXX or COMM frame. */
  text?: string;
  /** TXXX/COMM description. */
  description?: string;
  /** 0 Latin-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 UTF-8; default 0. */
  encoding?: 0 | 1 | 2 | 3;
  /** The frame's bytes as they are (PRIV, APIC, anything else). */
  raw?: Uint8Array;
  /** ID3v2.3/2.4 frame flags. */
  flags?: number;
}

export interface Id3Options {
  /** Default 3. */
  version?: 2 | 3 | 4;
  frames: Id3Frame[];
  /** Zero bytes after the frames. */
  padding?: number;
  /** Size field of an extended header (10 = nothing beyond it). */
  extendedHeader?: number | null;
  /** Sets the tag's unsynchronisation flag and applies it to the frames. */
  unsynchronised?: boolean;
}

export interface Id3v1Fields {
  title?: string;
  artist?: string;
  album?: string;
  year?: string;
  comment?: string;
  track?: number;
  genre?: number;
}

export interface BextFields {
  description?: string;
  originator?: string;
  originatorReference?: string;
  originationDate?: string;
  originationTime?: string;
  codingHistory?: string;
}

export function encodeText(text: string, encoding: number): Buffer;
export function frameBody(frame: Id3Frame): Buffer;
export function unsynchronise(bytes: Uint8Array): Buffer;
export function id3v2Tag(options: Id3Options): Buffer;
export function id3v1Tag(fields: Id3v1Fields): Buffer;
export function apeTag(items: Record<string, string>): Buffer;
export function riffChunk(id: string, body: Uint8Array): Buffer;
export function infoList(tags: Record<string, string>): Buffer;
export function bextChunk(fields: BextFields): Buffer;
export function withWavChunks(wav: Buffer, before: Buffer[], after: Buffer[]): Buffer;
