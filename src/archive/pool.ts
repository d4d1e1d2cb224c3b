/**
 * Calls `fn` for indexes 0…count-1 with at most `limit` calls in flight. Reads of a recording
 * archive are I/O-bound: around 32 in flight is fastest, and more only queues in the disk and
 * costs file descriptors. Once `shouldStop` says so no new index is started, but the calls in
 * flight finish, so their results count.
 */
export async function forEachWithConcurrency(
  count: number,
  limit: number,
  fn: (index: number) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count && !shouldStop()) await fn(next++);
  };
  const lanes = Math.max(1, Math.min(Math.floor(limit) || 1, count));
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** Maps `items` through `fn` as forEachWithConcurrency calls it, keeping the input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  shouldStop: () => boolean = () => false,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachWithConcurrency(
    items.length,
    limit,
    async (index) => {
      results[index] = await fn(items[index] as T, index);
    },
    shouldStop,
  );
  return results;
}
