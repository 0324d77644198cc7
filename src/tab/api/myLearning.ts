import type { MyLearningAnswer } from "../../contract/myLearning.js";
import type { ApiClient } from "./ApiClient.js";
import { getJson } from "./apiRequests.js";

/** `GET /api/me/learning`: my own learning across my communities. */
export type MyLearning = MyLearningAnswer;
/** An entry of mine, with the community it lives in. */
export type MyEntry = MyLearning["authored"][number];
/** A session I answered "going"/"maybe" to or hold a role in. */
export type MySession = MyLearning["sessions"][number];
/** A reflection or commitment of mine from a meeting activity (its community's name when I can see it). */
export type MyNote = MyLearning["commitments"][number];
/** An action item captured for me in a meeting. */
export type MyAction = MyLearning["actionItems"][number];

export function getMyLearning(api: ApiClient, signal?: AbortSignal): Promise<MyLearning> {
  return getJson<MyLearning>(api, "/api/me/learning", signal);
}

/** The query key of My learning. */
export const myLearningKey = ["me", "learning"] as const;
