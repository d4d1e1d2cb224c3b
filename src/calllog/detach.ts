/** V8 cuts substrings this long as views into their parent string instead of copying them. */
const SLICED_MIN_LENGTH = 13;

/**
 * A copy of `text` that does not keep alive the string it was cut from. Fields are cut from
 * 64 KiB decoded chunks, so one kept call ID of 16 characters would pin its whole chunk: the
 * events of a call log would hold the entire file, and every young-generation GC copies it.
 */
export function detach(text: string): string {
  if (text.length < SLICED_MIN_LENGTH) return text;
  // Joining two pieces writes a fresh flat string; `+` would make a rope that still points back.
  return [text.slice(0, 1), text.slice(1)].join('');
}
