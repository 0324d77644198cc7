import type { Membership } from "./community.js";

/** How long the joins of a burst may pause before their memberships are written. */
const QUIET_MS = 250;
/** The longest a membership waits for a quiet moment (a burst that never pauses). */
const MAX_WAIT_MS = 2_000;
/** Memberships of one community written together (a Tables transaction holds at most 100). */
const BATCH = 100;
/** Waits before writing a failed membership again (then the last, until it lands). */
const RETRY_MS = [1_000, 5_000, 30_000];

export interface PendingMembershipOptions {
  /** Writes memberships of one community together (see CommunityRepository.addMembers). Idempotent. */
  write: (memberships: Membership[]) => Promise<void>;
  /** After memberships landed (once a write: one burst's of one community together). */
  written: (memberships: Membership[]) => void;
  /**
   * Settles a community's member count after memberships were added to it: once per community for
   * a burst's writes (a recount reads the community's membership rows), and before a person's
   * own next read (see settle).
   */
  count: (tenantId: string, communityId: string) => Promise<void>;
  /** A write failed (it is tried again later). */
  failed: (memberships: Membership[], error: unknown) => void;
  quietMs?: number;
  maxWaitMs?: number;
}

function keyOf(tenantId: string, communityId: string, userId: string): string {
  return `${tenantId}|${communityId}|${userId}`;
}

/**
 * The memberships of people who joined an open community by taking part in its activity, written
 * just after their answers. A meeting's people press Join within seconds of each other; each join
 * waits for its own participant row only, and the burst's membership rows are written once it
 * pauses, instead of tripling what the storage account takes during it.
 *
 * Read-your-writes on this instance: {@link settle} writes a person's pending memberships at once
 * and waits for them (the community's page, the person's list of communities). Another instance
 * sees a membership once written (within {@link MAX_WAIT_MS} of a burst's first join). An instance
 * that stops without writing (a crash) loses nothing the person did: their participant rows are
 * stored, and their next take-part finds no membership and joins them again.
 */
export class PendingMemberships {
  private readonly waiting = new Map<string, Membership>();
  /** Writes running, by membership key. */
  private readonly writing = new Map<string, Promise<void>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstWaitingAt: number | undefined;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private stopping = false;
  /** Communities with memberships added since their count was last settled, as `tenant|community`. */
  private readonly uncounted = new Set<string>();
  /** Wakes the writes waiting to try again (at shutdown). */
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: PendingMembershipOptions) {
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  }

  /** Whether the person's membership is waiting or being written on this instance. */
  has(tenantId: string, communityId: string, userId: string): boolean {
    const key = keyOf(tenantId, communityId, userId);
    return this.waiting.has(key) || this.writing.has(key);
  }

  /** Notes a membership to write once the burst pauses (once per person and community). */
  add(membership: Membership): void {
    const key = keyOf(membership.tenantId, membership.communityId, membership.userId);
    if (!this.waiting.has(key) && !this.writing.has(key)) this.waiting.set(key, membership);
    if (this.waiting.size === 0) return;
    // Any take-part keeps the burst going: the timer starts again, up to the longest wait.
    const now = Date.now();
    this.firstWaitingAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const due = Math.min(this.quietMs, this.firstWaitingAt + this.maxWaitMs - now);
    this.timer = setTimeout(() => void this.writeWaiting(), Math.max(0, due));
    this.timer.unref?.();
  }

  /**
   * Writes now what waits for this person (in one community, or in all when `communityId` is
   * undefined) and waits for it: what they read next through this instance includes it.
   */
  async settle(tenantId: string, userId: string, communityId?: string): Promise<void> {
    const prefix = `${tenantId}|`;
    const suffix = `|${userId}`;
    const mine = (key: string) =>
      communityId === undefined
        ? key.startsWith(prefix) && key.endsWith(suffix)
        : key === keyOf(tenantId, communityId, userId);
    for (const [key, membership] of this.waiting) if (mine(key)) this.start([[key, membership]]);
    const running = [...this.writing].filter(([key]) => mine(key)).map(([, p]) => p);
    if (running.length === 0) return;
    await Promise.all(running);
    await this.countUncounted((community) =>
      communityId === undefined ? community.startsWith(prefix) : community === `${tenantId}|${communityId}`,
    );
  }

  /**
   * Shutdown: writes what waits, once each; a write that fails is not tried again (the person's
   * next take-part joins them: see the class comment).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.sleepers) wake();
    await this.flush();
  }

  /** Writes everything waiting and waits for every write (tests). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const batch of this.batchesWaiting()) this.start(batch);
    while (this.writing.size > 0) await Promise.all([...this.writing.values()]);
    await this.countUncounted(() => true);
  }

  private async writeWaiting(): Promise<void> {
    this.timer = undefined;
    this.firstWaitingAt = undefined;
    // One community's at a time, 100 to a write: the burst's people are answered; the storage
    // account need not be flooded.
    for (const batch of this.batchesWaiting()) {
      this.start(batch);
      await Promise.all(batch.map(([key]) => this.writing.get(key)));
    }
    // The counts once the burst's memberships are in: one recount per community, not per person.
    await this.countUncounted(() => true);
  }

  /** What waits, by community, in batches of at most {@link BATCH}. */
  private batchesWaiting(): [string, Membership][][] {
    const byCommunity = new Map<string, [string, Membership][]>();
    for (const entry of this.waiting) {
      const community = `${entry[1].tenantId}|${entry[1].communityId}`;
      byCommunity.set(community, [...(byCommunity.get(community) ?? []), entry]);
    }
    const batches: [string, Membership][][] = [];
    for (const entries of byCommunity.values())
      for (let i = 0; i < entries.length; i += BATCH) batches.push(entries.slice(i, i + BATCH));
    return batches;
  }

  private async countUncounted(which: (community: string) => boolean): Promise<void> {
    const due = [...this.uncounted].filter(which);
    for (const community of due) this.uncounted.delete(community);
    await Promise.all(
      due.map((community) => {
        const [tenantId = "", communityId = ""] = community.split("|");
        return this.options.count(tenantId, communityId).catch(() => undefined);
      }),
    );
  }

  private start(entries: [string, Membership][]): void {
    const batch = entries.filter(([key, membership]) => {
      if (this.waiting.get(key) !== membership) return false;
      this.waiting.delete(key);
      return !this.writing.has(key);
    });
    if (batch.length === 0) return;
    const write = this.writeUntilLanded(batch.map(([, m]) => m)).finally(() => {
      for (const [key] of batch) if (this.writing.get(key) === write) this.writing.delete(key);
    });
    for (const [key] of batch) this.writing.set(key, write);
  }

  private async writeUntilLanded(memberships: Membership[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.write(memberships);
        for (const m of memberships) this.uncounted.add(`${m.tenantId}|${m.communityId}`);
        this.options.written(memberships);
        return;
      } catch (error) {
        this.options.failed(memberships, error);
        if (this.stopping) return;
        const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            this.sleepers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, wait);
          timer.unref?.();
          this.sleepers.add(wake);
        });
        if (this.stopping) return;
      }
    }
  }
}
