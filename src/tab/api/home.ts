import type { ApiClient } from "./ApiClient.js";
import type { EntrySearchHit, PersonRef } from "./library.js";
import type { Session } from "./sessions.js";

/** Someone worth asking about a topic. */
export interface Expert {
  person: PersonRef;
  entries: number;
  helpful: number;
}

/** The newcomer pathway with the caller's own progress. */
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

/** `GET /api/communities/:id/home`. */
export interface CommunityHome {
  nextSessions: Session[];
  recentEntries: EntrySearchHit[];
  helpfulEntries: EntrySearchHit[];
  openQuestions: EntrySearchHit[];
  whoToAsk: { tag: string; people: Expert[] }[];
  onCallExpert?: PersonRef;
  naturalTeachers: { person: PersonRef; saves: number; helpful: number }[];
  newcomer: NewcomerPathway;
}

export function getCommunityHome(
  api: ApiClient,
  communityId: string,
  signal?: AbortSignal,
): Promise<CommunityHome> {
  return api.request<CommunityHome>(
    "GET",
    `/api/communities/${encodeURIComponent(communityId)}/home`,
    undefined,
    {
      signal,
    },
  );
}

/** The query key of a community's home. */
export const homeKey = (communityId: string) => ["home", communityId] as const;
