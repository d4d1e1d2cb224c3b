/**
 * The fields of music-metadata's IFormat that probing reads, as the fast header readers
 * report them: unset where music-metadata would leave them unset.
 */
export interface StreamFormat {
  container?: string;
  codec?: string;
  sampleRate?: number;
  duration?: number;
}
