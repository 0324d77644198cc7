import type { FollowThrough } from "../commitments/commitment.js";
/**
 * The community home's answer: a pure model file (type-only imports), so the tab reads the same
 * types the server writes.
 */
import type { CommunityStatus, CommunityView } from "../communities/community.js";
import type { PersonRef } from "../identity.js";
import type { EntrySearchHit } from "../library/search/searchTypes.js";
import type { SessionView } from "../sessions/session.js";

/** Someone worth asking about a topic, and why. */
export interface Expert {
  person: PersonRef;
  /** Entries of theirs on the topic, and how helpful others found them. */
  entries: number;
  helpful: number;
}

/** A newcomer's way in (legitimate peripheral participation), with their own progress. */
export interface NewcomerPathway {
  isNewcomer: boolean;
  starterPlaybookId?: string;
  steps: {
    readStarters: boolean;
    observeSession: boolean;
    takeNoteTaker: boolean;
    firstContribution: boolean;
  };
}

/**
 * Everything the community home shows, in one answer: the community itself (as its own read shows
 * it to the caller), so a tab opening on the home needs one request and renders once. `S` and `C`
 * are how a session and the community travel: domain views on the server, wire forms in the tab.
 */
export interface CommunityHome<S = SessionView, C = CommunityView & CommunityStatus> {
  community: C;
  nextSessions: S[];
  recentEntries: EntrySearchHit[];
  helpfulEntries: EntrySearchHit[];
  openQuestions: EntrySearchHit[];
  /** How many questions the library holds, answered or not (none: nothing is "all answered"). */
  questionsAsked: number;
  whoToAsk: { tag: string; people: Expert[] }[];
  onCallExpert?: PersonRef;
  naturalTeachers: { person: PersonRef; saves: number; helpful: number }[];
  newcomer: NewcomerPathway;
  /** How the community follows through on its commitments (last 90 days), once anyone committed. */
  followThrough?: FollowThrough;
}
