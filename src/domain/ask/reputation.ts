import type { CommunityService } from "../communities/communityService.js";
import { ValidationError } from "../errors.js";
import type { Caller } from "../identity.js";
import type { EntryRepository } from "../library/entryRepository.js";
import type { LibraryService } from "../library/libraryService.js";
import type { SessionService } from "../sessions/sessionService.js";

/** The badges, each with the rule it is earned by (shown to people as it is). */
export const BADGES = [
  { id: "first-answer", measure: "acceptedAnswers", threshold: 1 },
  { id: "ten-helpful", measure: "helpfulVotes", threshold: 10 },
  { id: "micro-teacher", measure: "microTeaches", threshold: 1 },
  { id: "year-of-contributions", measure: "daysContributing", threshold: 365 },
] as const;

export type BadgeId = (typeof BADGES)[number]["id"];

/** What a person's reputation is counted from (their own record, never compared with others'). */
export interface ReputationCounts {
  /** Answers of theirs the asker or a steward accepted. */
  acceptedAnswers: number;
  /** Helpful votes others gave their entries. */
  helpfulVotes: number;
  /** Their messages others saved into a library. */
  savedByOthers: number;
  /** Sessions they taught (micro-teach) or facilitated, as the rota of the last month holds them. */
  microTeaches: number;
  facilitated: number;
  /** Days since their first entry in any of their communities' libraries (0: none yet). */
  daysContributing: number;
}

export interface Reputation extends ReputationCounts {
  /** Tags they are known for: at least 2 entries of theirs, or 3 helpful votes, on it. */
  topics: { tag: string; entries: number; helpful: number }[];
  badges: { id: BadgeId; earned: boolean; progress: number; threshold: number }[];
}

const TOPICS_SHOWN = 5;
const ENTRIES_READ = 100;

/** The badges as the counts earn them: a transparent threshold each, progress towards it. */
export function badgesOf(counts: ReputationCounts): Reputation["badges"] {
  return BADGES.map((b) => ({
    id: b.id,
    earned: counts[b.measure] >= b.threshold,
    progress: Math.min(counts[b.measure], b.threshold),
    threshold: b.threshold,
  }));
}

/** Topics a person is known for, from their entries' tags and the helpful votes on them. */
export function topicsOf(entries: { tags: string[]; helpfulCount: number }[]): Reputation["topics"] {
  const byTag = new Map<string, { tag: string; entries: number; helpful: number }>();
  for (const e of entries)
    for (const tag of e.tags) {
      const t = byTag.get(tag) ?? { tag, entries: 0, helpful: 0 };
      t.entries++;
      t.helpful += e.helpfulCount;
      byTag.set(tag, t);
    }
  return [...byTag.values()]
    .filter((t) => t.entries >= 2 || t.helpful >= 3)
    .sort((a, b) => b.helpful + b.entries - (a.helpful + a.entries) || a.tag.localeCompare(b.tag))
    .slice(0, TOPICS_SHOWN);
}

/**
 * A person's reputation across the communities they belong to, earned and visible to them on My
 * learning: accepted answers, helpful votes and saves of their entries, sessions taught or
 * facilitated, topics they are known for, and badges with their thresholds. Nobody is ranked.
 */
export class ReputationService {
  constructor(
    private readonly communities: Pick<CommunityService, "listVisible">,
    private readonly library: Pick<LibraryService, "searchCommunity">,
    private readonly interactions: Pick<EntryRepository, "listInteractions">,
    private readonly sessions: Pick<SessionService, "involvement">,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async mine(caller: Caller): Promise<Reputation> {
    return this.recordOf(caller, caller.userId);
  }

  /**
   * Someone's reputation as a colleague sees it (the entry page, a person's card): their record in
   * the communities the caller belongs to, nothing from communities the caller cannot read. The
   * same counts and badges as their own, and no place in any ranking.
   */
  async of(caller: Caller, personId: string): Promise<Reputation> {
    if (!/^[\w.@:-]{1,200}$/.test(personId)) throw new ValidationError("This is no person's id.");
    return this.recordOf(caller, personId);
  }

  private async recordOf(caller: Caller, personId: string): Promise<Reputation> {
    // The sessions a person led are read as theirs: the community was listed for the caller.
    const person: Caller = { ...caller, userId: personId };
    const mine = (await this.communities.listVisible(caller)).filter((c) => c.isMember);
    const per = await Promise.all(
      mine.map(async (community) => {
        const [authored, facts, involvement] = await Promise.all([
          this.library.searchCommunity(caller, community.id, {
            authorId: personId,
            sort: "newest",
            limit: ENTRIES_READ,
          }),
          this.interactions.listInteractions(caller.tenantId, community.id, ""),
          this.sessions.involvement(person, community.id, community),
        ]);
        const ownEntries = new Set(authored.items.map((e) => e.id));
        // An accepted answer credits its author with a helpful fact on the question, which is not
        // theirs; a helpful vote is a fact on their own entry.
        const accepted = facts.filter(
          (f) =>
            f.kind === "helpful" &&
            f.to.id === personId &&
            f.from.id !== personId &&
            f.entryId !== undefined &&
            !ownEntries.has(f.entryId),
        ).length;
        return { authored: authored.items, accepted, pastRoles: involvement.pastRoles };
      }),
    );
    const authored = per.flatMap((p) => p.authored);
    const first = authored.map((e) => e.createdAt).sort()[0];
    const counts: ReputationCounts = {
      acceptedAnswers: per.reduce((n, p) => n + p.accepted, 0),
      helpfulVotes: authored.reduce((n, e) => n + e.helpfulCount, 0),
      savedByOthers: authored.filter((e) => e.savedById !== personId).length,
      microTeaches: per.filter((p) => p.pastRoles.includes("micro-teacher")).length,
      facilitated: per.filter((p) => p.pastRoles.includes("facilitator")).length,
      daysContributing: first ? Math.floor((this.now().getTime() - Date.parse(first)) / 86_400_000) : 0,
    };
    return { ...counts, topics: topicsOf(authored), badges: badgesOf(counts) };
  }
}
