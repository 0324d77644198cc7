/** Pair costs looked up, at most, fitting people to the plane's points (a few ms). */
const FIT_WORK = 600_000;
/** Starting temperature of the annealing: a few same-department pairs (2 each) may be accepted. */
const START_TEMPERATURE = 3;

/**
 * Seats people on the points of a design (rounds of groups of points in which no two points
 * meet twice) so that the pairs who do meet cost the least: where people sit never changes that
 * nobody meets twice, only which people meet, so swapping two people's seats is always allowed.
 * Simulated annealing over such swaps within a budget (a plain descent stalls: 16 people from 4
 * departments in 3 rounds can all meet other departments only if each department sits on a line
 * of a fourth round, which single improving swaps seldom reach). Returns the person at each point.
 */
export function fitPeopleToPoints(
  rounds: readonly (readonly (readonly number[])[])[],
  people: number,
  cost: (a: number, b: number) => number,
  initial: readonly number[],
  random: () => number,
): number[] {
  const at = [...initial];
  if (people < 2) return at;
  /** The lines (groups of points) through each point, over the rounds used. */
  const linesOf: (readonly number[])[][] = Array.from({ length: people }, () => []);
  for (const groups of rounds)
    for (const line of groups) for (const point of line) linesOf[point]?.push(line);
  const lineCost = (line: readonly number[]) => {
    let c = 0;
    for (let i = 0; i < line.length; i++)
      for (let j = i + 1; j < line.length; j++)
        c += cost(at[line[i] as number] as number, at[line[j] as number] as number);
    return c;
  };
  let total = 0;
  for (const groups of rounds) for (const line of groups) total += lineCost(line);
  let best = total;
  let bestAt = [...at];
  const perSwap = 2 * rounds.length * (rounds[0]?.[0]?.length ?? 0) ** 2;
  const steps = Math.floor(FIT_WORK / Math.max(1, perSwap));
  for (let step = 0; step < steps && best > 0; step++) {
    const u = Math.floor(random() * people);
    const v = (u + 1 + Math.floor(random() * (people - 1))) % people;
    const touched = new Set([...(linesOf[u] ?? []), ...(linesOf[v] ?? [])]);
    let before = 0;
    for (const line of touched) before += lineCost(line);
    [at[u], at[v]] = [at[v] as number, at[u] as number];
    let after = 0;
    for (const line of touched) after += lineCost(line);
    const delta = after - before;
    const temperature = START_TEMPERATURE * (1 - step / steps);
    if (delta <= 0 || random() < Math.exp(-delta / temperature)) {
      total += delta;
      if (total < best) {
        best = total;
        bestAt = [...at];
      }
    } else [at[u], at[v]] = [at[v] as number, at[u] as number];
  }
  return bestAt;
}
