/** Extensions (lower case, no dot) of files treated as recordings; everything else is ignored. */
const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set([
  'wav',
  'bwf',
  'mp3',
  'ogg',
  'oga',
  'opus',
  'flac',
  'm4a',
  'mp4',
  'aac',
  'gsm',
  'wma',
]);

/** The key ignored files without an extension are counted under. */
export const NO_EXTENSION = '(none)';

/** Lower-case extension without the dot, or '' when the file name has none. */
export function extensionOf(relativePath: string): string {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  // `.hidden` is a name, not an extension; `name.` has an empty one.
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Case-insensitive: Asterisk's wav49 writes `.WAV`. */
export function isAudioPath(relativePath: string): boolean {
  return AUDIO_EXTENSIONS.has(extensionOf(relativePath));
}
