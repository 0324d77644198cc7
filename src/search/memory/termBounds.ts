/** BM25's term-frequency saturation (the usual value). */
const K1 = 1.2;

/** BM25's saturation of a weighted count (growing with it, never past K1 + 1). */
export function saturated(weighted: number): number {
  return (weighted * (K1 + 1)) / (K1 + weighted);
}

/** Postings per block: a block's bound lets a search leap over the block's entries unscored. */
export const BLOCK = 64;
/** A kept bound is rescanned once the averages have moved it this far from the postings' own maximum. */
const RESCAN_RATIO = 1.25;

interface KeptBound {
  /** Per block of {@link BLOCK} postings, the largest weighted count in it, at {@link averages}. */
  blocks: Float64Array;
  max: number;
  averages: number[];
  /** How many postings were scanned (postings only grow, until a compaction clears every bound). */
  scanned: number;
}

/** A term's bounds: of all its postings, and per block, to be multiplied by `scale`. */
export interface TermBound {
  max: number;
  blocks: Float64Array;
  scale: number;
}

/**
 * Per term, upper bounds of its BM25F weighted count (before saturation): over all its postings
 * and over each block of them, what top-k pruning needs to know a term cannot lift an entry into
 * the best few. Kept between searches and brought up to date cheaply: new postings are scanned
 * alone, and a change of average field lengths (which every write brings) scales the kept bounds
 * instead of rescanning them.
 *
 * The scaling: a field's count is divided by `1 - B + B·len/avg`; with a larger average `avg'`
 * that divisor is at least `avg/avg'` times the old one, so no weighted count grows by more than
 * the largest `avg'/avg` over the fields (and none grows when averages shrink).
 */
export class TermBounds {
  private readonly kept = new Map<number, KeptBound>();

  /**
   * The bounds of term `id`, whose postings number `length`, at `averages`. `weighted(i)` is the
   * weighted count of its posting `i` at `averages`.
   */
  bound(id: number, length: number, averages: readonly number[], weighted: (i: number) => number): TermBound {
    let kept = this.kept.get(id);
    let ratio = 1;
    if (kept !== undefined && kept.scanned <= length)
      for (let field = 0; field < averages.length; field++) {
        const now = averages[field] as number;
        const then = kept.averages[field] as number;
        if (now > then) ratio = Math.max(ratio, then > 0 ? now / then : Number.POSITIVE_INFINITY);
      }
    if (kept === undefined || kept.scanned > length || ratio > RESCAN_RATIO) {
      kept = { blocks: new Float64Array(0), max: 0, averages: [...averages], scanned: 0 };
      ratio = 1;
      this.kept.set(id, kept);
    }
    if (kept.scanned === length) return { max: kept.max * ratio, blocks: kept.blocks, scale: ratio };
    // New postings: the kept bounds brought to the current averages, then the new ones scanned.
    let blocks = kept.blocks;
    const count = Math.ceil(length / BLOCK);
    if (blocks.length < count) {
      blocks = new Float64Array(Math.max(count, Math.ceil(blocks.length * 1.5)));
      blocks.set(kept.blocks);
    }
    if (ratio !== 1) for (let b = 0; b < blocks.length; b++) blocks[b] = (blocks[b] as number) * ratio;
    let max = kept.max * ratio;
    for (let i = kept.scanned; i < length; i++) {
      const w = weighted(i);
      const b = (i / BLOCK) | 0;
      if (w > (blocks[b] as number)) blocks[b] = w;
      if (w > max) max = w;
    }
    kept.blocks = blocks;
    kept.max = max;
    kept.averages = [...averages];
    kept.scanned = length;
    return { max, blocks, scale: 1 };
  }

  /** Term ids were reassigned (a compaction): every bound is forgotten. */
  clear(): void {
    this.kept.clear();
  }
}
