/**
 * Calls `fn` on each item, at most `lanes` at a time, and returns the results in the items' order: a bounded fan-out
 * of storage round trips (a thousand reads at once would queue in the SDK's agent and time out together).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  lanes: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, lanes), items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T, i);
    }),
  );
  return out;
}
