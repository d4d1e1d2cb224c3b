/**
 * A recording preset: how one telephony system lays out its archive. Presets are plain data;
 * every field can be overridden by a flag or the config file, so a preset never hides a setting.
 */
export interface RecordingPreset {
  name: string;
  /** One line for `callaudit presets`. */
  description: string;
  /** Globs (relative to the archive root, matched case-insensitively) of the files to audit. */
  include: string[];
  /**
   * Regex with a named group `id`, matched against the path relative to the root; null takes
   * the file name without its extension.
   */
  idPattern: string | null;
  /** When the call started, read from named groups of `idPattern`, if the name says so. */
  startedAt: NameTime | null;
  /** Recordings named by another ID that a CSV maps to the call ID (Twilio RecordingSid → CallSid). */
  idMap: IdMapSpec | null;
  /** Sidecar files read for fields, `{file}` and `{stem}` replaced; first existing wins. */
  sidecars: string[];
  /** The archive folder on the system itself, for the README and `presets <name>`. */
  typicalRoot: string;
  /** A real file name this preset understands. */
  example: string;
  /** The command a user of this system would type. */
  command: string;
}

export interface NameTime {
  /** Named groups of idPattern, joined with a space, in the order `format` reads them. */
  groups: string[];
  /** luxon format tokens for the joined groups, e.g. `yyyyMMdd HHmmss`. */
  format: string;
  /** `local`: wall time of the PBX, read in --timezone; `UTC`: the name is in UTC. */
  zone: 'local' | 'UTC';
  /** Where the time sits: in the file name or in folder names. */
  source: 'filename' | 'path';
}

export interface IdMapSpec {
  /** Header names (case-insensitive; first present wins) of the column the file name holds. */
  fromColumns: string[];
  /** Header names of the column holding the call ID. */
  toColumns: string[];
  /** What to tell a user who forgot the map. */
  why: string;
}
