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
