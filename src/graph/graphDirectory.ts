import { setNewest } from "../domain/boundedMap.js";
import { forEachLimited } from "../domain/concurrency.js";
import type { CachedPerson, OrgContextCache } from "../domain/people/orgContextCache.js";
import type { OrgPerson, PeopleDirectory } from "../domain/people/peopleDirectory.js";
import {
  type GraphClients,
  graphStatusOf,
  isRetryable,
  MAX_BATCH_REQUESTS,
  retryAfterSeconds,
} from "./graphClient.js";

/** Exactly the user fields PeerCircle uses (department is returned only when selected). */
export const USER_SELECT = "id,displayName,mail,jobTitle,department,officeLocation,preferredLanguage";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Logging the directory needs (the server's logger fits). */
export interface DirectoryLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface GraphDirectoryOptions {
  clients: GraphClients;
  cache: OrgContextCache;
  log?: DirectoryLog;
  /** How long a person's context counts as current. @default 24 h */
  ttlMs?: number;
  /**
   * How long a call waits for Graph before answering with what it has (`degraded: true`); the
   * lookup carries on in the background and fills the cache. @default 2,500 ms
   */
  waitMs?: number;
  /** `$batch` requests in flight at once (Graph throttles per app and tenant). @default 4 */
  concurrency?: number;
  /** Background refresh keeps a tenant in step with `/users/delta` once it caches this many. @default 50 */
  deltaThreshold?: number;
  /** People kept in memory across tenants (the Tables cache holds everyone). @default 50,000 */
  memoryLimit?: number;
  now?: () => number;
}

interface TenantState {
  /** When the whole directory was last in step (a `/users/delta` round), epoch ms. */
  syncedAt: number;
  loaded: Promise<void> | undefined;
  /** When Graph last failed for this tenant (epoch ms), to flag answers from stale cache. */
  failedAt: number;
}

type Lookup = { kind: "found"; person: OrgPerson } | { kind: "absent" } | { kind: "failed" };

/** Rounds of asking again for people Graph throttled (each after the longest Retry-After). */
const MAX_ROUNDS = 10;

/** How long after a failure answers from stale cache are flagged degraded. */
const FAILURE_MEMORY_MS = 60_000;

/**
 * The organisation's directory through Microsoft Graph, with org context cached in memory and in
 * Tables (time to live, stale-while-revalidate, `/users/delta` in the background). Graph being
 * slow, throttled or down never fails a call: the answer is what the cache and Graph gave in time,
 * with `degraded: true` when someone is missing or known only from an expired cache.
 */
export class GraphDirectory implements PeopleDirectory {
  private readonly memory = new Map<string, CachedPerson>();
  private readonly tenants = new Map<string, TenantState>();
  private readonly inFlight = new Map<string, Promise<Lookup>>();
  private readonly background = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly now: () => number;

  constructor(private readonly options: GraphDirectoryOptions) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.waitMs = options.waitMs ?? 2_500;
    this.now = options.now ?? Date.now;
  }

  async getMany(
    tenantId: string,
    ids: string[],
  ): Promise<{ people: Map<string, OrgPerson>; degraded: boolean }> {
    const people = new Map<string, OrgPerson>();
    // Graph ids are GUIDs; anything else (a pseudonym, a Teams-only id) is nobody Graph knows.
    const wanted = [...new Set(ids)].filter((id) => GUID.test(id));
    if (wanted.length === 0) return { people, degraded: false };
    const tenant = await this.tenant(tenantId);
    const missing: string[] = [];
    const stale: string[] = [];
    const notInMemory: string[] = [];

    for (const id of wanted) {
      const entry = this.memory.get(memoryKey(tenantId, id));
      if (entry) this.serve(people, stale, tenant, id, entry);
      else notInMemory.push(id);
    }
    if (notInMemory.length > 0) {
      let rows = new Map<string, CachedPerson>();
      try {
        rows = await this.options.cache.getMany(tenantId, notInMemory);
      } catch (error) {
        this.options.log?.warn("Org context cache unreadable; asking Graph", {
          tenantId,
          error: String(error),
        });
      }
      for (const id of notInMemory) {
        const entry = rows.get(id);
        if (!entry) {
          missing.push(id);
          continue;
        }
        this.remember(tenantId, entry);
        this.serve(people, stale, tenant, id, entry);
      }
    }

    // Expired entries are answered now and refreshed behind the answer (stale-while-revalidate).
    if (stale.length > 0) this.track(this.lookup(tenantId, stale));
    const servedStale = stale.length > 0 && this.now() - tenant.failedAt < FAILURE_MEMORY_MS;
    if (missing.length === 0) return { people, degraded: servedStale };

    const lookup = this.lookup(tenantId, missing);
    this.track(lookup);
    const results = await withDeadline(lookup, this.waitMs);
    if (!results) return { people, degraded: true };
    let degraded = servedStale;
    for (const [id, result] of results) {
      if (result.kind === "found") people.set(id, result.person);
      else if (result.kind === "failed") degraded = true;
    }
    return { people, degraded };
  }

  async search(
    tenantId: string,
    query: string,
    limit: number,
  ): Promise<{ people: OrgPerson[]; degraded: boolean }> {
    const top = Math.min(Math.max(Math.trunc(limit) || 1, 1), 100);
    // $search takes "property:words"; quotes and backslashes would end the phrase early.
    const words = query.replace(/["\\]/g, " ").trim();
    const request = this.options.clients.forTenant(tenantId).api("/users").select(USER_SELECT).top(top);
    if (words)
      request.header("ConsistencyLevel", "eventual").search(`"displayName:${words}" OR "mail:${words}"`);
    try {
      const answer = await withDeadline(request.get() as Promise<{ value?: GraphUser[] }>, this.waitMs);
      if (answer) return { people: (answer.value ?? []).map((u) => personFromGraph(u)), degraded: false };
    } catch (error) {
      this.failed(tenantId, error, "search");
    }
    // Graph did not answer in time: the people this instance knows, said to be partial.
    const q = words.toLowerCase();
    const people: OrgPerson[] = [];
    for (const [key, entry] of this.memory) {
      if (!key.startsWith(`${tenantId}|`)) continue;
      const p = entry.person;
      if (!q || p.displayName.toLowerCase().includes(q) || p.mail?.toLowerCase().startsWith(q))
        people.push(p);
      if (people.length >= top) break;
    }
    return { people, degraded: true };
  }

  /**
   * Looks people up in Graph now (batches of 20, `concurrency` in flight), writes the cache and
   * waits for all of it. Concurrent lookups of the same person share one request.
   */
  async lookup(tenantId: string, ids: string[]): Promise<Map<string, Lookup>> {
    const results = new Map<string, Lookup>();
    const toAsk: string[] = [];
    const waits: Promise<void>[] = [];
    for (const id of ids) {
      const running = this.inFlight.get(memoryKey(tenantId, id));
      if (running) waits.push(running.then((r) => void results.set(id, r)));
      else toAsk.push(id);
    }
    if (toAsk.length > 0) {
      const asked = this.askGraph(tenantId, toAsk);
      for (const id of toAsk) {
        const key = memoryKey(tenantId, id);
        const one = asked.then((m) => m.get(id) ?? ({ kind: "failed" } as Lookup));
        this.inFlight.set(key, one);
        waits.push(
          one.then((r) => {
            results.set(id, r);
            this.inFlight.delete(key);
          }),
        );
      }
    }
    await Promise.all(waits);
    return results;
  }

  /**
   * Keeps the cache current in the background: every `intervalMs`, each tenant with at least
   * `deltaThreshold` people cached is brought in step with `/users/delta` (one small request when
   * nothing changed, instead of re-reading everyone whose time to live ran out).
   */
  startBackgroundRefresh(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const tenantId of this.tenants.keys()) {
        if (this.cachedCount(tenantId) >= (this.options.deltaThreshold ?? 50))
          this.track(this.syncDelta(tenantId));
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the background refresh and waits for lookups still running. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.background]);
  }

  /**
   * One `/users/delta` round for a tenant: the first pages through the whole directory, later
   * ones return only who changed since the stored delta link. Afterwards every cached person of
   * the tenant counts as current. Returns how many people changed; throws if Graph failed.
   */
  async syncDelta(tenantId: string): Promise<number> {
    const tenant = await this.tenant(tenantId);
    const clients = this.options.clients;
    const client = clients.forTenant(tenantId);
    const stored = await this.options.cache.getDelta(tenantId);
    let path = stored
      ? clients.relativeLink(stored.deltaLink)
      : `/users/delta?$select=${USER_SELECT},manager`;
    const changed: CachedPerson[] = [];
    const removed: string[] = [];
    const startedAt = this.now();
    let deltaLink: string | undefined;
    try {
      while (!deltaLink) {
        const page = (await client.api(path).get()) as DeltaPage;
        for (const user of page.value ?? []) {
          if (!user.id) continue;
          if (user["@removed"]) removed.push(user.id);
          else {
            // Later rounds carry only the changed properties: merge them into what is cached.
            const known = this.memory.get(memoryKey(tenantId, user.id))?.person;
            changed.push({ person: personFromGraph(user, known), fetchedAt: startedAt });
          }
        }
        if (page["@odata.deltaLink"]) deltaLink = page["@odata.deltaLink"];
        else if (page["@odata.nextLink"]) path = clients.relativeLink(page["@odata.nextLink"]);
        else throw new Error("A /users/delta page had neither a next link nor a delta link.");
      }
    } catch (error) {
      const status = graphStatusOf(error);
      // An expired or unknown delta token: start over with a full round next time.
      if (stored && (status === 410 || status === 400))
        await this.options.cache.putDelta(tenantId, undefined);
      this.failed(tenantId, error, "delta");
      throw error;
    }
    await this.options.cache.putMany(tenantId, changed);
    await this.options.cache.removeMany(tenantId, removed);
    for (const entry of changed) this.remember(tenantId, entry);
    for (const id of removed) this.memory.delete(memoryKey(tenantId, id));
    await this.options.cache.putDelta(tenantId, { deltaLink, syncedAt: startedAt });
    tenant.syncedAt = startedAt;
    return changed.length + removed.length;
  }

  private serve(
    people: Map<string, OrgPerson>,
    stale: string[],
    tenant: TenantState,
    id: string,
    entry: CachedPerson,
  ) {
    people.set(id, entry.person);
    if (this.now() - Math.max(entry.fetchedAt, tenant.syncedAt) >= this.ttlMs) stale.push(id);
  }

  /**
   * Asks Graph for people: one `GET /users/{id}` with the manager expanded per person, 20 per
   * `$batch`, `concurrency` batches in flight. People throttled inside a batch (or whose whole
   * batch stayed throttled after the retry middleware) are pooled across batches and asked
   * again in fewer batches after the longest `Retry-After`, up to {@link MAX_ROUNDS} rounds.
   */
  private async askGraph(tenantId: string, ids: string[]): Promise<Map<string, Lookup>> {
    const results = new Map<string, Lookup>();
    let pending = ids;
    for (let round = 1; pending.length > 0; round++) {
      const chunks: string[][] = [];
      for (let i = 0; i < pending.length; i += MAX_BATCH_REQUESTS)
        chunks.push(pending.slice(i, i + MAX_BATCH_REQUESTS));
      const again: string[] = [];
      const found: CachedPerson[] = [];
      let waitSeconds = 0;
      const fetchedAt = this.now();
      const lastRound = round >= MAX_ROUNDS;
      await forEachLimited(chunks, this.options.concurrency ?? 4, async (chunk) => {
        try {
          const answers = await this.options.clients.batch(
            tenantId,
            chunk.map((id, i) => ({
              id: String(i + 1),
              method: "GET",
              url: `/users/${id}?$select=${USER_SELECT}&$expand=manager($select=id)`,
            })),
            1,
          );
          chunk.forEach((id, i) => {
            const answer = answers.get(String(i + 1));
            if (answer?.status === 200 && answer.body) {
              const person = personFromGraph(answer.body as GraphUser);
              found.push({ person, fetchedAt });
              results.set(id, { kind: "found", person });
            } else if (answer?.status === 404) results.set(id, { kind: "absent" });
            else if (answer && isRetryable(answer.status) && !lastRound) {
              again.push(id);
              waitSeconds = Math.max(waitSeconds, retryAfterSeconds(answer.headers) ?? round);
            } else results.set(id, { kind: "failed" });
          });
        } catch (error) {
          const status = graphStatusOf(error);
          if (status !== undefined && isRetryable(status) && !lastRound) {
            again.push(...chunk);
            waitSeconds = Math.max(waitSeconds, round);
          } else {
            this.failed(tenantId, error, "batch");
            for (const id of chunk) results.set(id, { kind: "failed" });
          }
        }
      });
      for (const entry of found) this.remember(tenantId, entry);
      try {
        await this.options.cache.putMany(tenantId, found);
      } catch (error) {
        this.options.log?.warn("Org context not cached in Tables", { tenantId, error: String(error) });
      }
      if (again.length > 0) {
        this.failed(tenantId, { statusCode: 429 }, "throttled");
        await new Promise((r) => setTimeout(r, Math.min(waitSeconds, 60) * 1000));
      }
      pending = again;
    }
    return results;
  }

  private async tenant(tenantId: string): Promise<TenantState> {
    let state = this.tenants.get(tenantId);
    if (!state) {
      const created: TenantState = { syncedAt: 0, failedAt: 0, loaded: undefined };
      created.loaded = this.options.cache
        .getDelta(tenantId)
        .then((d) => {
          if (d) created.syncedAt = Math.max(created.syncedAt, d.syncedAt);
        })
        .catch(() => undefined);
      this.tenants.set(tenantId, created);
      state = created;
    }
    await state.loaded;
    return state;
  }

  private failed(tenantId: string, error: unknown, what: string): void {
    const state = this.tenants.get(tenantId);
    if (state) state.failedAt = this.now();
    const status = graphStatusOf(error) ?? "unreachable";
    this.options.log?.warn("Microsoft Graph did not answer; org context is partial", {
      tenantId,
      what,
      status,
    });
  }

  private remember(tenantId: string, entry: CachedPerson): void {
    const key = memoryKey(tenantId, entry.person.id);
    setNewest(this.memory, key, entry, this.options.memoryLimit ?? 50_000);
  }

  private cachedCount(tenantId: string): number {
    let n = 0;
    for (const key of this.memory.keys()) if (key.startsWith(`${tenantId}|`)) n++;
    return n;
  }

  private track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined);
    this.background.add(settled);
    void settled.finally(() => this.background.delete(settled));
  }
}

interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  preferredLanguage?: string | null;
  manager?: { id?: string } | null;
  "manager@delta"?: { id: string }[];
  "@removed"?: unknown;
}

interface DeltaPage {
  value?: GraphUser[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

const memoryKey = (tenantId: string, id: string) => `${tenantId}|${id}`;

/** A Graph user as PeerCircle's OrgPerson; `known` fills what a delta page left out. */
function personFromGraph(user: GraphUser, known?: OrgPerson): OrgPerson {
  const field = (name: keyof OrgPerson & keyof GraphUser): string | undefined => {
    const value = name in user ? user[name] : known?.[name];
    return typeof value === "string" && value ? value : undefined;
  };
  let managerId = known?.managerId;
  if ("manager" in user) managerId = user.manager?.id ?? undefined;
  if (user["manager@delta"]) managerId = user["manager@delta"][0]?.id;
  const person: OrgPerson = {
    id: user.id,
    displayName: field("displayName") ?? known?.displayName ?? user.id,
  };
  for (const name of ["mail", "jobTitle", "department", "officeLocation", "preferredLanguage"] as const) {
    const value = field(name);
    if (value) person[name] = value;
  }
  if (managerId) person.managerId = managerId;
  return person;
}

/** The promise's value, or undefined when it takes longer than `ms` (it keeps running). */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  // A late failure after the deadline is already logged by whoever does the work; never unhandled.
  work.catch(() => undefined);
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
