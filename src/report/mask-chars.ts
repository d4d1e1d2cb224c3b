/** The character that stands for a hidden one in masked text. */
export const MASK = '•';

/** An ASCII digit, as `\d` matches even with the `u` flag. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The end of a run of ASCII digits starting at `from`. */
export function digitsEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** An ASCII letter. */
export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
