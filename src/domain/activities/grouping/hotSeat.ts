import { seededRandom, shuffleInPlace } from "../seededRandom.js";

/**
 * Everyone present in the order they should take the hot seat: who has had it the fewest times
 * first, then who had it longest ago (never counts as longest), then a seeded draw. With the
 * same people each session, everyone gets the hot seat once before anyone gets it twice.
 *
 * @param history who had the hot seat in the community's earlier sessions, oldest first.
 */
export function hotSeatQueue(
  participants: readonly string[],
  history: readonly string[],
  seed: string,
): string[] {
  const times = new Map<string, number>();
  const last = new Map<string, number>();
  history.forEach((id, at) => {
    times.set(id, (times.get(id) ?? 0) + 1);
    last.set(id, at);
  });
  const draw = shuffleInPlace([...new Set(participants)].sort(), seededRandom(`${seed}:hot-seat`));
  const tie = new Map(draw.map((id, i) => [id, i]));
  return draw.sort(
    (a, b) =>
      (times.get(a) ?? 0) - (times.get(b) ?? 0) ||
      (last.get(a) ?? -1) - (last.get(b) ?? -1) ||
      (tie.get(a) as number) - (tie.get(b) as number),
  );
}

/** Two people who traded places in a circle's hot-seat queue. */
export interface HotSeatSwap {
  a: string;
  b: string;
}

/**
 * The queue with the swaps made since the last hot seat applied in order: each trades the two
 * people's places (a swap naming someone no longer in the queue changes nothing).
 */
export function withSwaps(queue: readonly string[], swaps: readonly HotSeatSwap[]): string[] {
  const order = [...queue];
  for (const { a, b } of swaps) {
    const i = order.indexOf(a);
    const j = order.indexOf(b);
    if (i < 0 || j < 0 || i === j) continue;
    order[i] = b;
    order[j] = a;
  }
  return order;
}
