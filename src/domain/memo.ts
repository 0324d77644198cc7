/**
 * The value kept for `key`, made by `make` the first time it is asked for. With a WeakMap keyed by
 * an object that is never changed once made (a record read from storage, its lists), what is
 * derived from it is worked out once however many callers share it, and goes with it.
 */
export function memo<K, V>(
  cache: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: (key: K) => V,
): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    cache.set(key, value);
  }
  return value;
}
