// Types for mpeg-ogg-bytes.mjs, so TypeScript tests can import it without allowJs.

export interface Mp3Options {
  /** Default 1. */
  version?: 1 | 2 | 2.5;
  /** Must suit the version; default its first rate. */
  sampleRate?: number;
  /** Bitrate per frame, cycled; one value = CBR. Default [32]. */
  kbps?: number[];
  /** Default 1. */
  channels?: 1 | 2;
  /** Audio frames, default 40. */
  frames?: number;
  /** A Xing/Info first frame, default 'Info'. */
  xing?: 'Info' | 'Xing' | null;
  /** Which Xing fields are present (1 frames, 2 bytes, 4 TOC, 8 quality), default 0x0f. */
  xingFlags?: number;
  /** A LAME extension in the Xing frame, default true. */
  lame?: boolean;
  /** Frames protected by CRC, default false. */
  crc?: boolean;
  /** ID3v2.3 text frames, default none. */
  id3v2?: Record<string, string> | null;
  /** Zero bytes after the ID3v2 frames, default 0. */
  id3Padding?: number;
}

export interface OggOptions {
  /** Default 8000 (Opus: the input rate it records). */
  sampleRate?: number;
  /** Default 1. */
  channels?: 1 | 2;
  /** Default 1. */
  seconds?: number;
  /** Default 10. */
  packetsPerPage?: number;
  /** Default 40. */
  packetBytes?: number;
  /** Default {ENCODER: 'callaudit'}. */
  comments?: Record<string, string>;
  /** Size of the Vorbis setup header, default 600. */
  setupBytes?: number;
  /** Opus pre-skip, default 312. */
  preSkip?: number;
  /** Stream serial number. */
  serial?: number;
}

export function mp3(options?: Mp3Options): Buffer;
export function id3v2(frames: Record<string, string>, padding?: number): Buffer;
export function oggVorbis(options?: OggOptions): Buffer;
export function oggOpus(options?: OggOptions): Buffer;
