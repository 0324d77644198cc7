/**
 * The community home's answer: a pure model file (type-only imports), so the tab reads the same
 * types the server writes.
 */
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
 * Everything the community home shows, in one answer. `S` is how a session travels: the domain
 * view on the server, its wire form in the tab.
 */
export interface CommunityHome<S = SessionView> {
  nextSessions: S[];
  recentEntries: EntrySearchHit[];
  helpfulEntries: EntrySearchHit[];
  openQuestions: EntrySearchHit[];
  whoToAsk: { tag: string; people: Expert[] }[];
  onCallExpert?: PersonRef;
  naturalTeachers: { person: PersonRef; saves: number; helpful: number }[];
  newcomer: NewcomerPathway;
}
