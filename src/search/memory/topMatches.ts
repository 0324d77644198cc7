import type { EntryFilter } from "./entryFilter.js";
import { byHelpful, type ScoredEntries } from "./entryOrder.js";
import type { StoredEntry } from "./storedEntry.js";
import { BLOCK, saturated } from "./termBounds.js";

/**
 * Rounding slack on bounds: a score summed in another order than its bound may differ in the last
 * bits, and an entry must never be skipped for that.
 */
const SLACK = 1 + 1e-9;
/** Past every document number (they are below 2³¹). */
const END = 0x7fffffff;

/** One index term of a query, as a cursor over its postings. */
export interface TermCursor {
  docs: Uint32Array;
  counts: Uint32Array;
  length: number;
  /** Its weight in the query times its idf: a posting adds `factor × termScore`. */
  factor: number;
  /** At least the most `factor × termScore` any of its postings adds, and at least 0. */
  bound: number;
  /** The query word it stands for (an AND search needs every word). */
  word: number;
  /** Per block of postings, the largest weighted count in it, times `scale` (see TermBounds). */
  blocks: Float64Array;
  scale: number;
}

/**
 * The best `k` entries of a text search by relevance (score, then most helpful, newest, id: the
 * order of `pageOfMatches`), scoring only entries that could still be among them: Block-Max WAND
 * (Broder et al. 2003; Ding & Suel 2011) over the terms' postings, document at a time. The `k`th
 * best score so far is the threshold; an entry whose terms' bounds (over all their postings, then
 * over the block of postings it falls in) cannot add up to it is skipped unscored, and the
 * cursors leap over whole stretches of such entries. Exact: the same entries with the same scores
 * as scoring everything, since each score is summed in the same order (`cursors`' order) and ties
 * at the threshold are scored.
 */
export function topMatches(
  cursors: readonly TermCursor[],
  wordCount: number,
  and: boolean,
  documents: readonly (StoredEntry | undefined)[],
  filter: EntryFilter | undefined,
  k: number,
  termScore: (packed: number, no: number) => number,
): ScoredEntries {
  const n = cursors.length;
  // The cursors' fields in arrays: the loop below runs thousands of times a search.
  const docsOf = cursors.map((c) => c.docs);
  const countsOf = cursors.map((c) => c.counts);
  const blocksOf = cursors.map((c) => c.blocks);
  const lengthOf = Int32Array.from(cursors, (c) => c.length);
  const factorOf = Float64Array.from(cursors, (c) => c.factor);
  const boundOf = Float64Array.from(cursors, (c) => c.bound * SLACK);
  const scaleOf = Float64Array.from(cursors, (c) => c.scale);
  const wordOf = Int32Array.from(cursors, (c) => c.word);
  const at = new Int32Array(n);
  const doc = Int32Array.from(cursors, (c) => (c.length > 0 ? (c.docs[0] as number) : END));
  const contribution = new Float64Array(n);
  const wordSeen = new Uint8Array(wordCount);
  const wordFirst = new Int32Array(wordCount);
  /** Cursor indices by their current document. */
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (doc[a] as number) - (doc[b] as number),
  );
  const resort = () => {
    for (let j = 1; j < n; j++) {
      const i = order[j] as number;
      const d = doc[i] as number;
      let m = j - 1;
      while (m >= 0 && (doc[order[m] as number] as number) > d) {
        order[m + 1] = order[m] as number;
        m--;
      }
      order[m + 1] = i;
    }
  };
  /** Moves cursor `i` to its first posting at or after `target`: galloping, then binary search. */
  const seek = (i: number, target: number) => {
    const docs = docsOf[i] as Uint32Array;
    const length = lengthOf[i] as number;
    let low = at[i] as number;
    let step = 1;
    let high = low + step;
    while (high < length && (docs[high] as number) < target) {
      low = high;
      step *= 2;
      high = low + step;
    }
    if (high > length) high = length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((docs[mid] as number) < target) low = mid + 1;
      else high = mid;
    }
    at[i] = low;
    doc[i] = low < length ? (docs[low] as number) : END;
  };

  // The best so far, best first.
  const topEntries: StoredEntry[] = [];
  const topScores: number[] = [];
  let threshold = Number.NEGATIVE_INFINITY;
  const offer = (entry: StoredEntry, score: number) => {
    if (score < threshold) return;
    let low = 0;
    let high = topEntries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const s = topScores[mid] as number;
      if (s > score || (s === score && byHelpful(topEntries[mid] as StoredEntry, entry) < 0)) low = mid + 1;
      else high = mid;
    }
    if (low >= k) return;
    topEntries.splice(low, 0, entry);
    topScores.splice(low, 0, score);
    if (topEntries.length > k) {
      topEntries.pop();
      topScores.pop();
    }
    if (topEntries.length === k) threshold = topScores[k - 1] as number;
  };

  for (;;) {
    const first = doc[order[0] as number] as number;
    if (first === END) break;
    if (and) {
      // Every word must match: no entry before the latest of the words' first documents can.
      wordFirst.fill(END);
      for (let i = 0; i < n; i++) {
        const w = wordOf[i] as number;
        if ((doc[i] as number) < (wordFirst[w] as number)) wordFirst[w] = doc[i] as number;
      }
      let need = 0;
      for (let w = 0; w < wordCount; w++) need = Math.max(need, wordFirst[w] as number);
      if (need === END) break;
      if (first < need) {
        for (let i = 0; i < n; i++) if ((doc[i] as number) < need) seek(i, need);
        resort();
        continue;
      }
    }
    // The pivot: the first document where the bounds of the cursors up to it reach the threshold.
    let reach = 0;
    let pivot = -1;
    for (let j = 0; j < n; j++) {
      const i = order[j] as number;
      if ((doc[i] as number) === END) break;
      reach += boundOf[i] as number;
      if (reach >= threshold) {
        pivot = j;
        break;
      }
    }
    if (pivot < 0) break;
    const target = doc[order[pivot] as number] as number;
    if (first < target) {
      // Nothing before the pivot's document can reach the threshold.
      for (let j = 0; j < pivot; j++) {
        const i = order[j] as number;
        if ((doc[i] as number) < target) seek(i, target);
      }
      resort();
      continue;
    }
    // Every cursor on `target` leads the order.
    let last = pivot;
    while (last + 1 < n && doc[order[last + 1] as number] === target) last++;
    if (threshold !== Number.NEGATIVE_INFINITY) {
      // The bounds of the blocks the target falls in: when they cannot reach the threshold, no
      // entry up to the first block's end (or the next cursor's document) can.
      let blockReach = 0;
      let leap = last + 1 < n ? (doc[order[last + 1] as number] as number) : END;
      for (let j = 0; j <= last; j++) {
        const i = order[j] as number;
        const b = ((at[i] as number) / BLOCK) | 0;
        const factor = factorOf[i] as number;
        if (factor > 0)
          blockReach +=
            factor * saturated(((blocksOf[i] as Float64Array)[b] as number) * (scaleOf[i] as number)) * SLACK;
        const blockEnd = (docsOf[i] as Uint32Array)[
          Math.min((b + 1) * BLOCK, lengthOf[i] as number) - 1
        ] as number;
        if (blockEnd + 1 < leap) leap = blockEnd + 1;
      }
      if (blockReach < threshold) {
        for (let j = 0; j <= last; j++) seek(order[j] as number, leap);
        resort();
        continue;
      }
    }
    const entry = documents[target];
    let wanted = entry !== undefined && (filter === undefined || filter(entry));
    if (wanted && and) {
      wordSeen.fill(0);
      for (let j = 0; j <= last; j++) wordSeen[wordOf[order[j] as number] as number] = 1;
      wanted = wordSeen.every((seen) => seen === 1);
    }
    if (wanted) {
      for (let j = 0; j <= last; j++) {
        const i = order[j] as number;
        contribution[i] =
          (factorOf[i] as number) *
          termScore((countsOf[i] as Uint32Array)[at[i] as number] as number, target);
      }
      // Summed in the cursors' order, as scoring everything sums it (adding 0 changes nothing).
      let score = 0;
      for (let i = 0; i < n; i++) {
        score += contribution[i] as number;
        contribution[i] = 0;
      }
      offer(entry as StoredEntry, score);
    }
    for (let j = 0; j <= last; j++) {
      const i = order[j] as number;
      const next = (at[i] as number) + 1;
      at[i] = next;
      doc[i] = next < (lengthOf[i] as number) ? ((docsOf[i] as Uint32Array)[next] as number) : END;
    }
    resort();
  }
  return { entries: topEntries, scores: Float64Array.from(topScores) };
}
