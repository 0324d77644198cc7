/**
 * The sizes of the groups `count` people make for groups of `size`, as balanced as possible (no
 * two differ by more than one) and, where the count allows, within `min`–`max`. Among the
 * counts of groups that fit, groups no larger than `size` come first ("at most 4" in Knowledge
 * Café: 13 people make 4 + 3 + 3 + 3, not 5 + 4 + 4). Nobody is ever alone unless only one
 * person is there; when no count of groups fits (2 people for groups of 4), the nearest does.
 * Larger groups come first.
 */
export function balancedGroupSizes(count: number, size: number, min: number, max: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [1];
  let best = 1;
  let bestKey: number[] | undefined;
  // Never more groups than pairs: a group of 1 is not a group.
  for (let groups = 1; groups <= Math.floor(count / 2); groups++) {
    const small = Math.floor(count / groups);
    const large = Math.ceil(count / groups);
    const outside = Math.max(0, min - small) + Math.max(0, large - max);
    const key = [outside, large > size ? 1 : 0, Math.abs(count / groups - size)];
    if (!bestKey || lexLess(key, bestKey)) {
      best = groups;
      bestKey = key;
    }
  }
  const small = Math.floor(count / best);
  const extra = count - small * best;
  return Array.from({ length: best }, (_, i) => (i < extra ? small + 1 : small));
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}
