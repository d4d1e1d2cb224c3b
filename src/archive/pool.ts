/**
 * Maps `items` through `fn` with at most `limit` calls in flight and keeps the input order.
 * Reads of a recording archive are I/O-bound: around 32 in flight is fastest, and more only
 * queues in the disk and costs file descriptors.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  shouldStop: () => boolean = () => false,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    // Stopping takes no new item but lets the ones in flight finish, so their results count.
    while (next < items.length && !shouldStop()) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
