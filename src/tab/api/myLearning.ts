import type { MyActivityNote } from "../../domain/activities/activity.js";
import type { MyAction } from "../../domain/home/myLearningService.js";
import type { ApiClient } from "./ApiClient.js";
import type { EntrySearchHit } from "./library.js";
import type { Session, SessionRole } from "./sessions.js";

/** An entry of mine, with the community it lives in. */
export type MyEntry = EntrySearchHit & { communityId: string; communityName: string };

/** A session I answered "going"/"maybe" to or hold a role in. */
export type MySession = Session & { communityName: string; myRoles: SessionRole[] };

/** A reflection or commitment of mine from a meeting activity (its community's name when I can see it). */
export type MyNote = MyActivityNote & { communityName?: string };

export type { MyAction };

/** `GET /api/me/learning`: my own learning across my communities. */
export interface MyLearning {
  authored: MyEntry[];
  saved: MyEntry[];
  sessions: MySession[];
  /** From meeting activities, newest first; the tab shows a friendly empty state until the first. */
  commitments: MyNote[];
  /** Private: only the writer ever gets them. */
  reflections: MyNote[];
  /** Captured for me in meetings, soonest due first. */
  actionItems: MyAction[];
}

export function getMyLearning(api: ApiClient, signal?: AbortSignal): Promise<MyLearning> {
  return api.request<MyLearning>("GET", "/api/me/learning", undefined, { signal });
}

/** The query key of My learning. */
export const myLearningKey = ["me", "learning"] as const;
