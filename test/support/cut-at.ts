interface Sliceable<T> {
  length: number;
  slice(from: number, to?: number): T;
}

/**
 * `whole` cut into pieces at the given points (each taken modulo its length + 1, repeats dropped,
 * in order): how property tests put chunk boundaries anywhere, inside a character or a CRLF.
 */
export function cutAt<T extends Sliceable<T>>(whole: T, at: readonly number[]): T[] {
  const points = [...new Set(at.map((n) => n % (whole.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(whole.slice(from, p));
    from = p;
  }
  pieces.push(whole.slice(from));
  return pieces;
}
