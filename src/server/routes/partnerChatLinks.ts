import type { ActivityView } from "../../domain/activities/activityViews.js";
import { setNewest } from "../../domain/boundedMap.js";
import type { Caller } from "../../domain/identity.js";
import { memo } from "../../domain/memo.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";

const TEAMS_CHAT = "https://teams.microsoft.com/l/chat/0/0";
const CACHE_LIMIT = 5_000;
const CACHE_MS = 10 * 60_000;
/** How long a join's lookups of partners' addresses wait, gathering those of others joining meanwhile. */
const LOOKUP_SOON_MS = 250;
/** A slow directory (Graph) must not hold up a poll: the link then falls back to ids for now. */
const DIRECTORY_WAIT_MS = 1_000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Builds the one-click chat with a person's partners. Teams' chat deep link takes user principal
 * names ("The user ID field supports the Microsoft Entra UserPrincipalName, such as an email address
 * only": learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-workflow):
 * a partner's own, from their token when they joined through the tab, else the directory's `mail`,
 * falling back to the id when it is unknown. Addresses are cached
 * briefly: every poll of a paired person needs them, and the directory may be Microsoft Graph.
 */
export class PartnerChatLinks {
  private readonly cache = new Map<string, { address: string; until: number }>();
  /** Partners whose addresses are looked up a moment from now, by tenant (see lookUpSoon). */
  private readonly queued = new Map<string, Set<string>>();
  private flush: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly directory: PeopleDirectory) {}

  /**
   * The link, once the partners' addresses are known. `wait: false` (a join, whose answer must
   * not wait for a third round trip): with an address still unknown there is no link in this
   * answer, the addresses are looked up meanwhile, and the next poll (2 s later) carries it.
   */
  async urlFor(caller: Caller, view: ActivityView, { wait = true } = {}): Promise<string | undefined> {
    const partners = view.me.group?.partners ?? [];
    if (partners.length === 0) return undefined;
    const now = Date.now();
    // Those who joined through the tab brought their principal name; the rest are looked up.
    const missing = partners
      .filter((p) => !p.principalName)
      .map((p) => p.id)
      .filter((id) => this.unknown(caller.tenantId, id, now));
    if (missing.length > 0) {
      if (!wait) {
        this.lookUpSoon(caller.tenantId, missing);
        return undefined;
      }
      await this.lookUp(caller.tenantId, missing, now);
    }
    const users = partners.map(
      (p) => p.principalName ?? this.cache.get(`${caller.tenantId}|${p.id}`)?.address ?? p.id,
    );
    return `${TEAMS_CHAT}?users=${users.map(encodeURIComponent).join(",")}`;
  }

  /**
   * Looks the addresses up a moment later, for everyone who asked meanwhile at once: people joining
   * late arrive together, and their own writes go first (their lookups, one per instance and
   * moment, come long before the next poll needs them).
   */
  private lookUpSoon(tenantId: string, ids: readonly string[]): void {
    const queued = memo(this.queued, tenantId, () => new Set<string>());
    for (const id of ids) queued.add(id);
    if (this.flush) return;
    this.flush = setTimeout(() => {
      this.flush = undefined;
      const batches = [...this.queued];
      this.queued.clear();
      const now = Date.now();
      for (const [tenant, wanted] of batches) {
        const missing = [...wanted].filter((id) => this.unknown(tenant, id, now));
        if (missing.length > 0) void this.lookUp(tenant, missing, now);
      }
    }, LOOKUP_SOON_MS);
    this.flush.unref();
  }

  /** Whether a person's address is not at hand (never looked up, or kept too long). */
  private unknown(tenantId: string, id: string, now: number): boolean {
    return (this.cache.get(`${tenantId}|${id}`)?.until ?? 0) < now;
  }

  private async lookUp(tenantId: string, ids: string[], now: number): Promise<void> {
    const found = await withTimeout(this.directory.getMany(tenantId, ids), DIRECTORY_WAIT_MS);
    for (const id of ids) {
      const address = found?.people.get(id)?.mail;
      // An unknown address is not cached, so the next poll asks again.
      if (!address) continue;
      setNewest(this.cache, `${tenantId}|${id}`, { address, until: now + CACHE_MS }, CACHE_LIMIT);
    }
  }
}
