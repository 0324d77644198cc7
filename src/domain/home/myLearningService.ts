import type { MyActivityNote } from "../activities/activity.js";
import type { CommunityService } from "../communities/communityService.js";
import type { SessionRole } from "../formats/formatIds.js";
import type { Caller } from "../identity.js";
import type { LibraryService } from "../library/libraryService.js";
import type { EntrySearchHit } from "../library/search/searchTypes.js";
import type { MyActionItem } from "../meetings/meetingOutcome.js";
import type { SessionView } from "../sessions/session.js";
import type { SessionService } from "../sessions/sessionService.js";

/** An entry of mine, with the community it lives in. */
export type MyEntry = EntrySearchHit & { communityId: string; communityName: string };
/** A session I answered "going"/"maybe" to or hold a role in. */
export type MySession = SessionView & { communityName: string; myRoles: SessionRole[] };
/** A reflection or commitment of mine from a meeting activity, with its community's name when I can see it. */
export type MyNote = MyActivityNote & { communityName?: string };

/** Where a person's activity notes come from (the ActivityService); absent, the lists stay empty. */
export interface ActivityNotes {
  myReflections(tenantId: string, userId: string): Promise<MyActivityNote[]>;
  myCommitments(tenantId: string, userId: string): Promise<MyActivityNote[]>;
}

/** An action item of mine from a meeting, with its community's name when it has one I can see. */
export type MyAction = MyActionItem & { communityName?: string };

/** Where a person's action items come from (the MeetingOutcomeService); absent, the list stays empty. */
export interface ActionItems {
  myActionItems(caller: Caller): Promise<MyActionItem[]>;
}

/** The personal "My learning" tab: what I wrote and saved, my sessions and roles, my commitments and reflections. */
export interface MyLearning {
  authored: MyEntry[];
  saved: MyEntry[];
  sessions: MySession[];
  /** Commitments from meeting activities ("what will I try before next time"), newest first. */
  commitments: MyNote[];
  /** Private reflections from meeting activities, visible to their writer only, newest first. */
  reflections: MyNote[];
  /** Action items captured for me in meetings: soonest due first, then undated ones, newest first. */
  actionItems: MyAction[];
}

const PER_LIST = 20;

/** Gathers a person's own learning across the communities they belong to. */
export class MyLearningService {
  constructor(
    private readonly communities: CommunityService,
    private readonly library: LibraryService,
    private readonly sessions: SessionService,
    private readonly activities?: ActivityNotes,
    private readonly actions?: ActionItems,
  ) {}

  async overview(caller: Caller): Promise<MyLearning> {
    const [visible, reflections, commitments, actionItems] = await Promise.all([
      this.communities.listVisible(caller),
      this.activities?.myReflections(caller.tenantId, caller.userId) ?? [],
      this.activities?.myCommitments(caller.tenantId, caller.userId) ?? [],
      this.actions?.myActionItems(caller) ?? [],
    ]);
    const mine = visible.filter((c) => c.isMember);
    const names = new Map(visible.map((c) => [c.id, c.name]));
    const named = <T extends { communityId?: string }>(items: T[]): (T & { communityName?: string })[] =>
      items.slice(0, PER_LIST).map((item) => {
        const communityName = item.communityId ? names.get(item.communityId) : undefined;
        return communityName ? { ...item, communityName } : item;
      });
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
      commitments: named(commitments),
      reflections: named(reflections),
      actionItems: named([...actionItems].sort(bySoonestDue)),
    };
  }
}

/** Soonest due first (dates are YYYY-MM-DD, so they sort as text), then undated ones, newest first. */
function bySoonestDue(a: MyActionItem, b: MyActionItem): number {
  if (a.due && b.due) return a.due.localeCompare(b.due) || b.at.localeCompare(a.at);
  if (a.due || b.due) return a.due ? -1 : 1;
  return b.at.localeCompare(a.at);
}
