/**
 * The music-metadata release whose WaveParser, MpegParser and OggParser the fast header readers
 * (wav-header.ts, mpeg-header.ts, ogg-header.ts) copy and were tested to agree with. The
 * dependency is pinned to it; upgrading means comparing those parsers again first.
 */
export const PORTED_MUSIC_METADATA_VERSION = '11.16.1';
