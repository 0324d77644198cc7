import { forgetOldest } from "../boundedMap.js";
import type { CommunityView } from "./community.js";

/**
 * People's lists of communities ({@link CommunityService.listVisible}) as this instance read them
 * lately, for one hot path: asking in chat lists the asker's communities on every question. Each is
 * kept `ttlMs` per tenant and person. Any change of a community or a membership of the tenant
 * through this instance forgets the tenant's lists at once (and a list read while such a change
 * was made is not kept); a change made through another instance is seen within `ttlMs`, like the
 * memberships the hot paths trust.
 */
export class RecentListings {
  private readonly kept = new Map<string, { views: readonly CommunityView[]; until: number }>();
  private readonly reading = new Map<string, { changes: number; views: Promise<CommunityView[]> }>();
  /** Moves on each change: a list read across a change is not kept. */
  private changes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly capacity = 10_000,
  ) {}

  /** The person's list, or what `read` gives (kept when no change came meanwhile). */
  async get(
    tenantId: string,
    userId: string,
    read: () => Promise<CommunityView[]>,
  ): Promise<readonly CommunityView[]> {
    const key = keyOf(tenantId, userId);
    const at = this.now();
    const found = this.kept.get(key);
    if (found && found.until > at) return found.views;
    // Questions arriving together when the list's time is up share one read.
    const pending = this.reading.get(key);
    if (pending && pending.changes === this.changes) return pending.views;
    const changesBefore = this.changes;
    const views = read();
    this.reading.set(key, { changes: changesBefore, views });
    try {
      const read = await views;
      if (this.changes === changesBefore) {
        if (this.kept.size >= this.capacity) this.forgetExpired(at);
        this.kept.delete(key);
        this.kept.set(key, { views: read, until: at + this.ttlMs });
      }
      return read;
    } finally {
      if (this.reading.get(key)?.views === views) this.reading.delete(key);
    }
  }

  /** A community or membership of the tenant changed through this instance. */
  forgetTenant(tenantId: string): void {
    this.changes++;
    const prefix = keyOf(tenantId, "");
    for (const key of this.kept.keys()) if (key.startsWith(prefix)) this.kept.delete(key);
  }

  private forgetExpired(at: number): void {
    for (const [key, { until }] of this.kept) if (until <= at) this.kept.delete(key);
    // Still full of live lists: the oldest go, leaving room for one.
    forgetOldest(this.kept, this.capacity - 1);
  }
}

function keyOf(tenantId: string, userId: string): string {
  return `${tenantId}\n${userId}`;
}
