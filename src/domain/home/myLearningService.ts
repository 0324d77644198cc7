import type { CommunityService } from "../communities/communityService.js";
import type { Caller } from "../identity.js";
import type { LibraryService } from "../library/libraryService.js";
import type { EntrySearchHit } from "../library/search/entryIndex.js";
import type { SessionView } from "../sessions/session.js";
import type { SessionService } from "../sessions/sessionService.js";

type MyEntry = EntrySearchHit & { communityId: string; communityName: string };
type MySession = SessionView & { communityName: string; myRoles: string[] };

/** The personal "My learning" tab: what I wrote and saved, my sessions and roles, my commitments and reflections. */
export interface MyLearning {
  authored: MyEntry[];
  saved: MyEntry[];
  sessions: MySession[];
  /** Commitments from sessions and their check-ins (filled by meeting activities). */
  commitments: unknown[];
  /** Private reflections from meeting activities, visible to their writer only. */
  reflections: unknown[];
}

const PER_LIST = 20;

/** Gathers a person's own learning across the communities they belong to. */
export class MyLearningService {
  constructor(
    private readonly communities: CommunityService,
    private readonly library: LibraryService,
    private readonly sessions: SessionService,
  ) {}

  async overview(caller: Caller): Promise<MyLearning> {
    const mine = (await this.communities.listVisible(caller)).filter((c) => c.isMember);
    const perCommunity = await Promise.all(
      mine.map(async (c) => {
        const [authored, saved, sessions] = await Promise.all([
          this.library.searchCommunity(caller, c.id, {
            authorId: caller.userId,
            sort: "newest",
            limit: PER_LIST,
          }),
          this.library.searchCommunity(caller, c.id, {
            savedById: caller.userId,
            sort: "newest",
            limit: PER_LIST,
          }),
          this.sessions.list(caller, c.id),
        ]);
        const tag = <T>(items: T[]) => items.map((i) => ({ ...i, communityId: c.id, communityName: c.name }));
        const mySessions = sessions
          .map((s) => ({
            ...s,
            communityName: c.name,
            myRoles: s.roles.filter((r) => r.person?.id === caller.userId).map((r) => r.role),
          }))
          .filter((s) => s.myRoles.length > 0 || (s.myRsvp !== undefined && s.myRsvp !== "no"));
        return {
          authored: tag(authored.items),
          // Saved by me from someone else: my own writing is already under "authored".
          saved: tag(saved.items.filter((i) => i.author.id !== caller.userId)),
          sessions: mySessions,
        };
      }),
    );
    const byNewest = (a: { createdAt: string }, b: { createdAt: string }) =>
      b.createdAt.localeCompare(a.createdAt);
    return {
      authored: perCommunity
        .flatMap((p) => p.authored)
        .sort(byNewest)
        .slice(0, PER_LIST),
      saved: perCommunity
        .flatMap((p) => p.saved)
        .sort(byNewest)
        .slice(0, PER_LIST),
      sessions: perCommunity.flatMap((p) => p.sessions).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      commitments: [],
      reflections: [],
    };
  }
}
