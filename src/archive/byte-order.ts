/** Byte order of the UTF-8 encoding, so the order matches `sort` and `LC_ALL=C ls`. */
export function sortByBytes<T>(items: readonly T[], key: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  // UTF-16 order is UTF-8 byte order unless a surrogate pair (emoji, rare scripts) is involved;
  // comparing strings directly is ~10× cheaper than encoding every key.
  if (keyed.some(({ key }) => SURROGATE.test(key))) {
    return keyed
      .map(({ item, key }) => ({ item, bytes: Buffer.from(key, 'utf8') }))
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
      .map(({ item }) => item);
  }
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ item }) => item);
}

const SURROGATE = /[\uD800-\uDFFF]/;
