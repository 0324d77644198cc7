import { setNewest } from "../boundedMap.js";
import { SerialQueues } from "../serialQueues.js";
import type { Submission } from "./activity.js";

/** Group texts one instance remembers (the groups writing now); the longest unused is forgotten first. */
const KEPT_TEXTS = 5_000;
/** Replaced versions remembered per text (the newest ones: a member's tab holds one of the last few). */
const KEPT_REPLACED = 32;

interface Known {
  /** The newest version this instance saw stored (written or read). */
  latest: Submission;
  /** ETags of versions this instance saw replaced: an edit on top of one is stale for certain. */
  replaced: Set<string>;
}

/**
 * A group's text as this instance last saw it stored, and the writes of each group taken one at a
 * time here. Four members saving their table's notes at once meet each other's saves: each save
 * that is stale for certain (a first save of a text that exists, an edit on top of a version seen
 * replaced) is answered from here with the newer text, without a write refused by storage and a
 * read after it. Storage still decides every save that may succeed, so a version written by
 * another instance meanwhile is never overwritten; the worst this memory does is offer a text that
 * is not the newest, and the next attempt meets the newer one.
 */
export class GroupTextVersions {
  private readonly known = new Map<string, Known>();
  private readonly queues = new SerialQueues();

  /** Runs one write of the group's text after the ones before it on this instance. */
  one<T>(
    key: string,
    write: (latest: Submission | undefined, staleFor: (etag?: string) => boolean) => Promise<T>,
  ) {
    return this.queues.run(key, () => {
      const known = this.known.get(key);
      const stale = (etag?: string) => !!known && (etag === undefined || known.replaced.has(etag));
      return write(known?.latest, stale);
    });
  }

  /** A version seen stored (saved here, or read after a refused save); `over` is the one it replaced. */
  seen(key: string, stored: Submission, over?: string): void {
    const known = this.known.get(key);
    const replaced = known?.replaced ?? new Set<string>();
    // Writes of one key run one at a time here, so what is seen now is at least as new as before.
    if (known && known.latest.etag !== stored.etag) replaced.add(known.latest.etag);
    if (over && over !== stored.etag) replaced.add(over);
    for (const etag of replaced) {
      if (replaced.size <= KEPT_REPLACED) break;
      replaced.delete(etag);
    }
    setNewest(this.known, key, { latest: stored, replaced }, KEPT_TEXTS);
  }

  /** The text is gone (removed): nothing known of it any more. */
  forget(key: string): void {
    this.known.delete(key);
  }
}
