import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { IAudioMetadata } from 'music-metadata';
import { readFastHeader } from './fast-header.js';
import { openFile, type OpenBytes } from './read-bytes.js';
import { NOT_DECODED, type NativeTag } from './native-tags.js';
import { musicMetadata } from './parse-metadata.js';

/**
 * Finds the call ID a recorder wrote into the file's tags. A bare name such as `CALL_ID` is
 * looked for wherever formats keep free-form keys: an ID3v2 `TXXX` frame with that description
 * (MP3, or a WAV's `id3 ` chunk), a Vorbis comment (Ogg, Opus, FLAC), an MP4 freeform atom
 * (`----:<mean>:CALL_ID`), a RIFF INFO id (`ICMT`) or a BWF `bext` field (`originatorReference`).
 * A qualified name (`TXXX:CALL_ID`, `bext.originatorReference`, `----:com.apple.iTunes:CALL_ID`)
 * matches only that one place. Names compare case-insensitively.
 */
export function findTagValue(native: Record<string, NativeTag[]>, tag: string): string | null {
  const found = findTag(native, tag);
  return found === NOT_DECODED ? null : found;
}

/** findTagValue, or NOT_DECODED when the tag it lands on was not decoded by a fast reader. */
export function findTag(
  native: Record<string, NativeTag[]>,
  tag: string,
): string | null | typeof NOT_DECODED {
  const wanted = tag.toLowerCase();
  const qualified = /[:.]/.test(tag);
  for (const tags of Object.values(native)) {
    for (const { id, value } of tags) {
      const name = id.toLowerCase();
      const hit = qualified
        ? name === wanted
        : name === wanted ||
          name === `txxx:${wanted}` ||
          name === `bext.${wanted}` ||
          (name.startsWith('----:') && name.slice(name.lastIndexOf(':') + 1) === wanted);
      if (!hit) continue;
      if (value === NOT_DECODED) return NOT_DECODED;
      const text = textOf(value);
      if (text !== null) return text;
    }
  }
  return null;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).replace(/\0+$/, '').trim();
    return text === '' ? null : text;
  }
  // ID3 COMM frames: {language, descriptor, text}.
  if (value && typeof value === 'object' && 'text' in value) return textOf((value as { text: unknown }).text);
  return null;
}

export type TagRead = { callId: string | null } | { error: string };

/**
 * Reads the tags of one file (no audio scan) and returns the call ID under `tag`: from the
 * fast readers' tag lists when they can read the file (WAV, MPEG, Ogg), else music-metadata's.
 */
export async function readTagId(absPath: string, tag: string): Promise<TagRead> {
  let size: number | null;
  try {
    size = statSync(absPath).size;
  } catch {
    size = null; // music-metadata meets the same error and words it
  }
  const fast = size === null ? undefined : fastTagId(openFile(absPath), absPath, size, tag);
  return fast ?? musicMetadataTagId(tag, (mm) => mm.parseFile(absPath, TAGS_ONLY));
}

const TAGS_ONLY = { duration: false, skipCovers: true } as const;

/**
 * The fast readers' answer for the call ID under `tag`, or undefined when they cannot give one
 * (a format they do not read, or the tag is one they list but do not decode). `name` gives the
 * extension; `open` the bytes, from a local file or an S3 object's fetched ranges.
 */
export function fastTagId(open: OpenBytes, name: string, size: number, tag: string): TagRead | undefined {
  const tags = readFastHeader(open, extname(name).toLowerCase(), size)?.tags;
  if (tags === undefined) return undefined;
  const found = findTag(tags, tag);
  return found === NOT_DECODED ? undefined : { callId: found };
}

/** music-metadata's answer for the call ID under `tag`, from a parse of the caller's choice. */
export async function musicMetadataTagId(
  tag: string,
  parse: (library: MusicMetadata, options: typeof TAGS_ONLY) => Promise<IAudioMetadata>,
): Promise<TagRead> {
  let metadata: IAudioMetadata;
  try {
    metadata = await parse(await musicMetadata(), TAGS_ONLY);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return { callId: findTagValue(metadata.native as Record<string, NativeTag[]>, tag) };
}

type MusicMetadata = Awaited<ReturnType<typeof musicMetadata>>;
