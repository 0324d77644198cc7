import type { CommunityView } from "../communities/community.js";
import { ForbiddenError, ValidationError } from "../errors.js";
import type { Caller } from "../identity.js";
import { Poller } from "../poller.js";
import { DAY_MS, type InsightsFacts } from "./insightsFacts.js";
import {
  computeInsights,
  INSIGHT_WINDOWS,
  type InsightsOptions,
  type InsightsReport,
  type InsightWindow,
  withoutPeople,
} from "./insightsReport.js";
import {
  type CommunityTies,
  type MyTiesAnswer,
  PERSONAL_TIES_DAYS,
  type PersonalTies,
  personalTies,
  withoutPartners,
} from "./personalTies.js";

/** Every window's report of a community, as the job stores them (one read for the page). */
export interface StoredInsights {
  computedAt: string;
  reports: Record<`${InsightWindow}`, InsightsReport>;
}

/** Storage port: stored reports and the lease that lets one instance compute a community's. */
export interface InsightsStore {
  read(tenantId: string, communityId: string): Promise<StoredInsights | undefined>;
  write(tenantId: string, communityId: string, insights: StoredInsights): Promise<void>;
  /**
   * Takes the community's computation lease for `leaseMs` unless another instance holds one that
   * has not run out. True when this instance holds it now.
   */
  claimLease(
    tenantId: string,
    communityId: string,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean>;
  releaseLease(tenantId: string, communityId: string, instanceId: string): Promise<void>;
  /** Every community with stored reports, and when they were computed (the scheduled job's list). */
  listStored(): Promise<StoredHead[]>;
  /** When a community's stored reports were computed, without reading them. */
  storedAt(tenantId: string, communityId: string): Promise<string | undefined>;
  /** Everyone's own ties, computed with the reports (one row each). */
  writePersonalTies(
    tenantId: string,
    communityId: string,
    computedAt: string,
    ties: ReadonlyMap<string, PersonalTies>,
  ): Promise<void>;
  /** One person's own ties as last computed, with when; undefined before any computation. */
  readPersonalTies(
    tenantId: string,
    communityId: string,
    userId: string,
  ): Promise<{ computedAt: string; ties: PersonalTies } | undefined>;
}

/** A community's stored reports, without them. */
export interface StoredHead {
  tenantId: string;
  communityId: string;
  computedAt: string;
}

/** Reads everything the metrics need of one community (members, facts, entries, commitments). */
export interface InsightsSource {
  factsOf(tenantId: string, communityId: string, since: Date): Promise<InsightsFacts>;
  /** Whether anything the metrics read changed since an instant (a fact, an entry). */
  changedSince(tenantId: string, communityId: string, since: Date): Promise<boolean>;
}

export interface InsightsServiceOptions {
  /** Whether the tenant's admin allows person-level insights (names, the network). */
  personLevel: (tenantId: string) => boolean;
  instanceId: string;
  /**
   * Reports older than this are served and recomputed in the background when looked at: a safety
   * net, as the scheduled job (`start`) keeps them fresher. Default a day.
   */
  maxAgeMs?: number;
  /** The scheduled job recomputes a community with new facts once its reports are this old. */
  refreshMs?: number;
  /** Longer than a computation takes; a crashed instance's lease runs out after it. */
  leaseMs?: number;
  now?: () => Date;
  onError?: (error: unknown, ids: { tenantId: string; communityId: string }) => void;
  /**
   * Computes one window's report: the server's composition root puts large communities on worker
   * threads (`src/compute/insightsThreads.ts`), off the event loop; by default `computeInsights` here.
   */
  compute?: (
    communityId: string,
    facts: InsightsFacts,
    window: Omit<InsightsOptions, "brokers">,
  ) => Promise<InsightsReport>;
}

export type InsightsAnswer =
  | { status: "computing" }
  | { status: "ready"; refreshing: boolean; report: InsightsReport };

const DEFAULT_MAX_AGE_MS = 24 * 60 * 60_000;
const DEFAULT_REFRESH_MS = 60 * 60_000;
/** Windows slide with time: without new facts, a community's reports are recomputed daily. */
const SLIDE_MS = 24 * 60 * 60_000;
/** How many answers an instance keeps as JSON (a community's three windows, for a few communities). */
const MAX_SERIALIZED = 12;
const DEFAULT_LEASE_MS = 5 * 60_000;
/** The longest window and the one before it, plus the three before that the themes compare with. */
const HISTORY_DAYS = 365 * 4;

/**
 * Network insights for a community's stewards. The page is one read of what the job stored; a
 * missing or old report starts the job in the background (never on the request's path), and the
 * job runs on one instance at a time, the one holding the community's lease.
 */
export class InsightsService {
  private readonly running = new Map<string, Promise<boolean>>();
  private readonly serialized = new Map<string, string>();
  private readonly poller = new Poller(() =>
    this.refreshDue().catch((error: unknown) =>
      this.options.onError?.(error, { tenantId: "", communityId: "" }),
    ),
  );

  constructor(
    private readonly communities: {
      get(caller: Caller, communityId: string): Promise<CommunityView>;
      listVisible(caller: Caller): Promise<CommunityView[]>;
    },
    private readonly store: InsightsStore,
    private readonly source: InsightsSource,
    private readonly options: InsightsServiceOptions,
  ) {}

  /** The stored report of a window; stewards of the community only. */
  async insights(caller: Caller, communityId: string, windowDays: number): Promise<InsightsAnswer> {
    const window = parseWindow(windowDays);
    const community = await this.communities.get(caller, communityId);
    if (!community.isSteward) throw new ForbiddenError("Network insights are for the community's stewards.");
    const stored = await this.store.read(caller.tenantId, communityId);
    const age = stored ? this.now().getTime() - Date.parse(stored.computedAt) : Number.POSITIVE_INFINITY;
    const stale = age > (this.options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
    if (stale) void this.refreshInBackground(caller.tenantId, communityId);
    if (!stored) return { status: "computing" };
    const report = stored.reports[`${window}`];
    return {
      status: "ready",
      refreshing: stale,
      report: this.options.personLevel(caller.tenantId) ? report : withoutPeople(report),
    };
  }

  /**
   * The caller's own ties in each community they belong to, as the job last computed them; nobody
   * else's. A community never computed yet starts its computation (in the background) and says so.
   * With person-level insights off, counts only.
   */
  async myTies(caller: Caller): Promise<MyTiesAnswer> {
    const personLevel = this.options.personLevel(caller.tenantId);
    const mine = (await this.communities.listVisible(caller)).filter((c) => c.isMember);
    const communities = await Promise.all(
      mine.map(async (community): Promise<CommunityTies> => {
        const named = { communityId: community.id, communityName: community.name };
        const stored = await this.store.readPersonalTies(caller.tenantId, community.id, caller.userId);
        if (!stored) {
          void this.refreshInBackground(caller.tenantId, community.id);
          return { ...named, status: "computing" };
        }
        return {
          ...named,
          status: "ready",
          computedAt: stored.computedAt,
          windowDays: PERSONAL_TIES_DAYS,
          ties: personLevel ? stored.ties : withoutPartners(stored.ties),
        };
      }),
    );
    return { personLevel, communities };
  }

  /**
   * {@link insights} as the JSON the API sends, kept per stored version, window and privacy
   * setting: a 10,000-member report is megabytes, and turning it into text again for every look
   * would cost more than everything else the request does.
   */
  async insightsJson(caller: Caller, communityId: string, windowDays: number): Promise<string> {
    const answer = await this.insights(caller, communityId, windowDays);
    if (answer.status !== "ready") return JSON.stringify(answer);
    const { report } = answer;
    const key = [
      caller.tenantId,
      communityId,
      report.computedAt,
      report.windowDays,
      report.personLevel,
      answer.refreshing,
    ].join("|");
    const known = this.serialized.get(key);
    if (known !== undefined) return known;
    const json = JSON.stringify(answer);
    this.serialized.set(key, json);
    // Kept for the last few looks only: a Map iterates oldest first.
    for (const old of this.serialized.keys()) {
      if (this.serialized.size <= MAX_SERIALIZED) break;
      this.serialized.delete(old);
    }
    return json;
  }

  /**
   * The scheduled job: every `intervalMs` each instance looks for communities whose reports are
   * due ({@link refreshDue}); of several instances, the one holding a community's lease computes it.
   */
  start(intervalMs: number): void {
    this.poller.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.poller.stop();
    await this.drain();
  }

  /**
   * One pass of the job: recomputes, one community at a time, every stored community with new
   * facts whose reports are at least `refreshMs` old, and any a day old (windows slide). A
   * community nobody looked at yet has no reports; its first look starts them. Returns how many
   * this instance computed.
   */
  async refreshDue(): Promise<number> {
    const now = this.now().getTime();
    const refreshMs = this.options.refreshMs ?? DEFAULT_REFRESH_MS;
    let computed = 0;
    for (const head of await this.store.listStored()) {
      const age = now - Date.parse(head.computedAt);
      const due =
        age >= SLIDE_MS ||
        (age >= refreshMs &&
          (await this.source.changedSince(head.tenantId, head.communityId, new Date(head.computedAt))));
      if (due && (await this.refreshInBackground(head.tenantId, head.communityId, head.computedAt)))
        computed++;
    }
    return computed;
  }

  /**
   * Starts a computation unless this instance runs one for the community already. With `seen`
   * (the computation time the caller saw), nothing is computed when another instance stored a
   * newer one meanwhile.
   */
  refreshInBackground(tenantId: string, communityId: string, seen?: string): Promise<boolean> {
    const key = `${tenantId}|${communityId}`;
    const current = this.running.get(key);
    if (current) return current;
    const run = this.refresh(tenantId, communityId, seen)
      .catch((error: unknown) => {
        this.options.onError?.(error, { tenantId, communityId });
        return false;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  /**
   * The job: under the community's lease, reads its facts, computes every window and stores them.
   * False when another instance holds the lease (it is computing them).
   */
  async refresh(tenantId: string, communityId: string, seen?: string): Promise<boolean> {
    const { instanceId } = this.options;
    const now = this.now();
    if (
      !(await this.store.claimLease(
        tenantId,
        communityId,
        instanceId,
        now,
        this.options.leaseMs ?? DEFAULT_LEASE_MS,
      ))
    )
      return false;
    try {
      // Another instance held the lease a moment ago and stored what this one was about to compute.
      if (seen !== undefined && (await this.store.storedAt(tenantId, communityId)) !== seen) return false;
      const facts = await this.source.factsOf(
        tenantId,
        communityId,
        new Date(now.getTime() - HISTORY_DAYS * 86_400_000),
      );
      const personLevel = this.options.personLevel(tenantId);
      // Computed in turn, yielding between windows so requests are served meanwhile.
      const reports = {} as StoredInsights["reports"];
      for (const windowDays of INSIGHT_WINDOWS) {
        const window = { windowDays, now, personLevel };
        reports[`${windowDays}`] = await (this.options.compute?.(communityId, facts, window) ??
          computeInsights(communityId, facts, window));
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Everyone's own ties first: a reader takes a row at least as new as the reports' pointer.
      const ties = personalTies(facts, {
        from: now.getTime() - PERSONAL_TIES_DAYS * DAY_MS,
        to: now.getTime(),
      });
      if (!personLevel) for (const [id, own] of ties) ties.set(id, withoutPartners(own));
      await this.store.writePersonalTies(tenantId, communityId, now.toISOString(), ties);
      await this.store.write(tenantId, communityId, { computedAt: now.toISOString(), reports });
      return true;
    } finally {
      await this.store.releaseLease(tenantId, communityId, instanceId);
    }
  }

  /** Waits for the computations this instance runs (the server's close). */
  async drain(): Promise<void> {
    await Promise.all(this.running.values());
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

export function parseWindow(value: unknown): InsightWindow {
  const n = Number(value);
  const window = INSIGHT_WINDOWS.find((w) => w === n);
  if (!window)
    throw new ValidationError(`Pick a window of ${INSIGHT_WINDOWS.join(", ")} days.`, [
      { field: "window", message: `one of ${INSIGHT_WINDOWS.join(", ")}` },
    ]);
  return window;
}
