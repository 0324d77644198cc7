/**
 * What an instance keeps in memory (reads, verdicts, recent joins) is a `Map` bounded by a count.
 * Maps iterate in insertion order, so deleting a key before setting it keeps them in the order
 * entries were last set, and the first key is the one set longest ago: the one to forget first.
 */

/**
 * Sets `key` as the newest entry and forgets the oldest ones beyond `limit`; `forgotten` hears of
 * each (to drop what is kept beside it).
 */
export function setNewest<K, V>(
  map: Map<K, V>,
  key: K,
  value: V,
  limit: number,
  forgotten?: (key: K, value: V) => void,
): void {
  map.delete(key);
  map.set(key, value);
  forgetOldest(map, limit, forgotten);
}

/** Forgets the entries set longest ago until at most `limit` are left. */
export function forgetOldest<K, V>(
  map: Map<K, V>,
  limit: number,
  forgotten?: (key: K, value: V) => void,
): void {
  while (map.size > Math.max(0, limit)) {
    const [oldest] = map.entries();
    if (!oldest) return;
    map.delete(oldest[0]);
    forgotten?.(oldest[0], oldest[1]);
  }
}
