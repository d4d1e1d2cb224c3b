// Types for generate-archive.mjs, so TypeScript tests can generate a small benchmark archive.

export const BENCH_ID_PATTERN: string;
export const BENCH_NOW: string;

export interface GeneratedArchive {
  archive: string;
  crm: string[];
  counts: Record<string, number>;
  kinds: Record<string, number>;
}

/** `tagged`: half the files carry the tags real exports have (see generate-archive.mjs). */
export type ArchiveShape = 'plain' | 'tagged';

export function generateArchive(
  dir: string,
  recordings: number,
  seed?: number,
  shape?: ArchiveShape,
): GeneratedArchive;
