/** The picture shows at most this many people (the most connected); the table shows everyone. */
export const PICTURE_LIMIT = 500;

/** Where the picture's people stand, computed by the job with the metrics. */
export interface PictureLayout {
  /** The people drawn, most connected first. */
  ids: string[];
  /** x then y per person, rounded to a tenth (a picture needs no more). */
  positions: number[];
}

export interface Connected {
  id: string;
  learnersFrom: number;
  learnedFrom: number;
}

/**
 * The people the picture shows (the most connected, ties either way; then by id, so the same
 * network gives the same picture) and the ties among them as pairs of their indexes.
 */
export function picturedPeople<P extends Connected>(
  people: readonly P[],
  ties: readonly { from: string; to: string }[],
  limit = PICTURE_LIMIT,
): { people: P[]; pairs: [number, number][] } {
  const ranked = [...people]
    .sort(
      (a, b) => b.learnersFrom + b.learnedFrom - (a.learnersFrom + a.learnedFrom) || a.id.localeCompare(b.id),
    )
    .slice(0, limit);
  const index = new Map(ranked.map((p, i) => [p.id, i]));
  const pairs: [number, number][] = [];
  for (const t of ties) {
    const a = index.get(t.from);
    const b = index.get(t.to);
    if (a !== undefined && b !== undefined) pairs.push([a, b]);
  }
  return { people: ranked, pairs };
}
