export type { CommunityHome, Expert, NewcomerPathway } from "./communityHome.js";

import type { FollowThrough } from "../commitments/commitment.js";
import type { CommunityService } from "../communities/communityService.js";
import type { Caller, PersonRef } from "../identity.js";
import type { EntryRepository, HelpfulDay } from "../library/entryRepository.js";
import type { LibraryService } from "../library/libraryService.js";
import type { PlaybookService } from "../playbooks/playbookService.js";
import type { SessionView } from "../sessions/session.js";
import { type SessionService, upcomingOf } from "../sessions/sessionService.js";
import type { CommunityHome } from "./communityHome.js";
import { topExperts } from "./whoToAsk.js";

const TEACHER_WINDOW_DAYS = 30;
const TAGS_SHOWN = 8;
const NEXT_SESSIONS_SHOWN = 3;
const NEXT_SESSIONS_READ = 30;

/** A community's follow-through on commitments (the CommitmentService); the home has checked access. */
export interface FollowThroughSource {
  communityFollowThrough(tenantId: string, communityId: string): Promise<FollowThrough>;
}

/** Composes the community home from the library, the calendar, playbooks and learning interactions. */
export class CommunityHomeService {
  constructor(
    private readonly communities: CommunityService,
    private readonly library: LibraryService,
    private readonly sessions: SessionService,
    private readonly playbooks: PlaybookService,
    private readonly entries: EntryRepository,
    private readonly now: () => Date = () => new Date(),
    /** Absent, the home has no follow-through rate. */
    private readonly commitments?: FollowThroughSource,
  ) {}

  /**
   * The on-call expert of the next sessions, as the home shows it, from the calendar alone: what
   * routing a question asks first (a whole home is a dozen reads).
   */
  async onCallExpert(caller: Caller, communityId: string): Promise<PersonRef | undefined> {
    const community = await this.communities.get(caller, communityId);
    const page = await this.sessions.listPage(
      caller,
      communityId,
      { from: this.comingFrom() },
      community,
      NEXT_SESSIONS_READ,
    );
    return onCallOf(this.nextOf(page.items));
  }

  /** The next sessions the home shows, past any cancelled or ended just now. */
  private nextOf(coming: SessionView[]): SessionView[] {
    return upcomingOf(coming, this.now(), NEXT_SESSIONS_SHOWN);
  }

  /** Where the coming sessions are read from: a day back, so one running now is among them. */
  private comingFrom(): string {
    return new Date(this.now().getTime() - 86_400_000).toISOString();
  }

  async home(caller: Caller, communityId: string): Promise<CommunityHome> {
    const community = await this.communities.get(caller, communityId);
    const search = (q: Parameters<LibraryService["searchCommunity"]>[2]) =>
      this.library.searchCommunity(caller, communityId, q);
    const since = new Date(this.now().getTime() - TEACHER_WINDOW_DAYS * 86_400_000).toISOString();
    const soon = this.comingFrom();
    const [
      recent,
      helpful,
      questions,
      asked,
      mine,
      playbooks,
      helpfulDays,
      comingSessions,
      involvement,
      savedRecently,
      pending,
      followThrough,
    ] = await Promise.all([
      search({ sort: "newest", limit: 5 }),
      search({ sort: "helpful", limit: 5 }),
      search({ types: ["qa"], answered: false, sort: "newest", limit: 5 }),
      search({ types: ["qa"], limit: 1 }),
      search({ authorId: caller.userId, limit: 1 }),
      this.playbooks.list(caller, communityId, community),
      // Kept per day as votes change: at most 31 rows whatever the community's activity.
      this.entries.helpfulDays(caller.tenantId, communityId, since.slice(0, 10)),
      // The next three are shown: the soonest few, past any cancelled or ended just now.
      this.sessions
        .listPage(caller, communityId, { from: soon }, community, NEXT_SESSIONS_READ)
        .then((page) => page.items),
      this.sessions.involvement(caller, communityId, community),
      search({ from: since, sort: "newest", limit: 100 }),
      this.communities.pendingRequestCount(caller, community),
      this.commitments?.communityFollowThrough(caller.tenantId, communityId),
    ]);
    const nextSessions = this.nextOf(comingSessions);
    // Saving someone's message is a learning interaction that the entry itself records.
    const saves = savedRecently.items
      .filter((hit) => hit.savedById !== hit.author.id)
      .map((hit) => ({ kind: "saved", from: { id: hit.savedById, displayName: "" }, to: hit.author }));

    const whoToAsk = await Promise.all(
      community.tags.slice(0, TAGS_SHOWN).map(async (tag) => {
        const page = await search({ tags: [tag], sort: "helpful", limit: 100 });
        return { tag, people: topExperts(page.items, 3) };
      }),
    );

    const upcomingExpert = onCallOf(nextSessions);
    const starter = playbooks.find((p) => p.starter);
    const steps = {
      readStarters: starter ? starter.done.length >= starter.items.length : false,
      // Only a session that has taken place counts: saying "going" to next week's is not observing.
      observeSession: involvement.wentTo || involvement.pastRoles.includes("observer"),
      takeNoteTaker: involvement.roles.includes("note-taker"),
      firstContribution: mine.total > 0,
    };
    return {
      community: {
        ...community,
        joinRequested: false,
        ...(pending !== undefined ? { pendingRequestCount: pending } : {}),
      },
      nextSessions,
      recentEntries: recent.items,
      // Only entries someone found helpful: a list of 0-vote entries is not "most helpful".
      helpfulEntries: helpful.items.filter((hit) => hit.helpfulCount > 0),
      openQuestions: questions.items,
      questionsAsked: asked.total,
      whoToAsk: whoToAsk.filter((t) => t.people.length > 0),
      ...(upcomingExpert ? { onCallExpert: upcomingExpert } : {}),
      naturalTeachers: naturalTeachers(saves, helpfulDays, 5),
      newcomer: {
        // Stewards run the community: the pathway is for those finding their way in.
        isNewcomer: !steps.firstContribution && !community.isSteward,
        ...(starter ? { starterPlaybookId: starter.id } : {}),
        steps,
      },
      // Counts and a rate only, once anyone has committed: never whose.
      ...(followThrough && followThrough.total > 0
        ? {
            followThrough: {
              total: followThrough.total,
              done: followThrough.done,
              partly: followThrough.partly,
              dropped: followThrough.dropped,
              open: followThrough.open,
              rate: followThrough.rate,
            },
          }
        : {}),
    };
  }
}

/** Natural teachers: whose knowledge others saved and endorsed most in the window. */
function naturalTeachers(
  saves: { from: PersonRef; to: PersonRef }[],
  helpfulDays: HelpfulDay[],
  limit: number,
): { person: PersonRef; saves: number; helpful: number }[] {
  const byPerson = new Map<string, { person: PersonRef; saves: number; helpful: number }>();
  const teacher = (person: PersonRef) => {
    const found = byPerson.get(person.id) ?? { person, saves: 0, helpful: 0 };
    byPerson.set(person.id, found);
    return found;
  };
  for (const save of saves) if (save.from.id !== save.to.id) teacher(save.to).saves++;
  for (const day of helpfulDays) for (const t of day.teachers) teacher(t.person).helpful += t.helpful;
  return [...byPerson.values()]
    .sort((a, b) => b.saves * 2 + b.helpful - (a.saves * 2 + a.helpful))
    .slice(0, limit);
}

/** The on-call expert named on the first of the next sessions that names one. */
function onCallOf(next: readonly { roles: readonly { role: string; person?: PersonRef }[] }[]) {
  return next.flatMap((s) => s.roles).find((r) => r.role === "on-call-expert" && r.person)?.person;
}
