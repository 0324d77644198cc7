/** A person's role in a Teams meeting, as Teams names it (lower-cased). */
export type MeetingRole = "organizer" | "presenter" | "attendee";

/** The meeting an activity runs in: Teams' meeting id and the meeting chat it belongs to. */
export interface MeetingRef {
  meetingId: string;
  /** The meeting chat: where the app's conversation reference for the meeting is kept. */
  conversationId: string;
}

/** Port: who someone is in a meeting (Teams' Get meeting participant API behind it). */
export interface MeetingRoles {
  /** Their role; undefined when they are not part of the meeting. Throws when it cannot be known. */
  roleOf(tenantId: string, meeting: MeetingRef, userId: string): Promise<MeetingRole | undefined>;
}

/** Roles that may steer an activity in their meeting (besides its facilitator). */
export const STEERING_ROLES: ReadonlySet<MeetingRole> = new Set(["organizer", "presenter"]);

export interface RoleLookupOptions {
  now?: () => number;
  /** How long an answer is kept: a burst of clicks costs one lookup, a changed role counts soon. */
  cacheMs?: number;
  /** How long a lookup may take before the answer is "unknown" (the facilitator alone steers). */
  timeoutMs?: number;
  /** Told when a lookup failed or was too slow (the composition root logs it). */
  onUnavailable?: (details: { tenantId: string; meetingId: string; reason: string }) => void;
}

/**
 * {@link MeetingRoles} with a short per-instance cache and a bounded wait. Teams lets an organiser
 * change roles at any time (Microsoft advises against caching them), so answers are kept for a
 * minute only. A failed or slow lookup answers undefined and is not kept: the next click asks again.
 */
export class RoleLookup {
  private readonly now: () => number;
  private readonly cacheMs: number;
  private readonly timeoutMs: number;
  private readonly cache = new Map<string, { role: MeetingRole | undefined; until: number }>();
  private readonly pending = new Map<string, Promise<MeetingRole | undefined>>();

  constructor(
    private readonly roles: MeetingRoles,
    private readonly options: RoleLookupOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.cacheMs = options.cacheMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  async roleOf(tenantId: string, meeting: MeetingRef, userId: string): Promise<MeetingRole | undefined> {
    const key = `${tenantId}\n${meeting.meetingId}\n${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.role;
    // Clicks arriving together share one lookup.
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const lookup = this.lookUp(key, tenantId, meeting, userId).finally(() => this.pending.delete(key));
    this.pending.set(key, lookup);
    return lookup;
  }

  private async lookUp(
    key: string,
    tenantId: string,
    meeting: MeetingRef,
    userId: string,
  ): Promise<MeetingRole | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.timeoutMs);
    });
    try {
      const answer = await Promise.race([this.roles.roleOf(tenantId, meeting, userId), timeout]);
      if (answer === "timeout") {
        this.options.onUnavailable?.({ tenantId, meetingId: meeting.meetingId, reason: "timed out" });
        return undefined;
      }
      if (this.cache.size > 10_000) this.cache.clear(); // bounded: old entries are worthless anyway
      this.cache.set(key, { role: answer, until: this.now() + this.cacheMs });
      return answer;
    } catch (error) {
      this.options.onUnavailable?.({
        tenantId,
        meetingId: meeting.meetingId,
        reason: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
