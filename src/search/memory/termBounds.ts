/** A kept bound is rescanned once the averages have moved it this far from the postings' own maximum. */
const RESCAN_RATIO = 1.25;

interface KeptBound {
  /** The largest weighted count of any posting scanned, at {@link averages}. */
  max: number;
  averages: number[];
  /** How many postings were scanned (postings only grow, until a compaction clears every bound). */
  scanned: number;
}

/**
 * Per term, an upper bound of its BM25F weighted count (before saturation) over all its postings:
 * what top-k pruning needs to know a term cannot lift an entry into the best few. Kept between
 * searches and brought up to date cheaply: new postings are scanned alone, and a change of average
 * field lengths (which every write brings) rescales the kept bound instead of rescanning.
 *
 * The rescaling: a field's count is divided by `1 - B + B·len/avg`; with a larger average `avg'`
 * that divisor is at least `avg/avg'` times the old one, so no weighted count grows by more than
 * the largest `avg'/avg` over the fields (and none grows when averages shrink).
 */
export class TermBounds {
  private readonly kept = new Map<number, KeptBound>();

  /**
   * The bound of term `id`, whose postings number `length`, at `averages`. `scan(from, to)` gives
   * the largest weighted count of postings `[from, to)` at `averages`.
   */
  bound(
    id: number,
    length: number,
    averages: readonly number[],
    scan: (from: number, to: number) => number,
  ): number {
    const kept = this.kept.get(id);
    if (kept === undefined || kept.scanned > length) return this.rescan(id, length, averages, scan);
    let ratio = 1;
    for (let field = 0; field < averages.length; field++) {
      const now = averages[field] as number;
      const then = kept.averages[field] as number;
      if (now > then) ratio = Math.max(ratio, then > 0 ? now / then : Number.POSITIVE_INFINITY);
    }
    if (ratio > RESCAN_RATIO) return this.rescan(id, length, averages, scan);
    if (kept.scanned === length) return kept.max * ratio;
    kept.max = Math.max(kept.max * ratio, scan(kept.scanned, length));
    kept.averages = [...averages];
    kept.scanned = length;
    return kept.max;
  }

  /** Term ids were reassigned (a compaction): every bound is forgotten. */
  clear(): void {
    this.kept.clear();
  }

  private rescan(
    id: number,
    length: number,
    averages: readonly number[],
    scan: (from: number, to: number) => number,
  ): number {
    const max = scan(0, length);
    this.kept.set(id, { max, averages: [...averages], scanned: length });
    return max;
  }
}
