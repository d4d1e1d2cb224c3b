/**
 * Tags as music-metadata lists them under `metadata.native`: tag type (`ID3v2.3`, `exif`,
 * `vorbis`, …) → tags in file order. The fast readers fill the same shape, so one lookup
 * (findTagValue in tag-ids.ts) serves both, and agreement tests compare them directly.
 */
export interface NativeTag {
  id: string;
  value: unknown;
}

export type NativeTags = Record<string, NativeTag[]>;

/**
 * Stands for the value of a frame whose decoding the fast readers do not reproduce (genre
 * lists, credits): a lookup that lands on it asks music-metadata instead of guessing.
 */
export const NOT_DECODED = Symbol('not decoded');

/** MetadataCollector.addTag: the tag type's list is created on its first tag. */
export function addNativeTag(tags: NativeTags, type: string, id: string, value: unknown): void {
  (tags[type] ??= []).push({ id, value });
}
