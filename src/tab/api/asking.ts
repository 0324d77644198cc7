/**
 * Asking the community from the tab (`/api/communities/:id/ask`, `…/questions`, a question's
 * route and answers, the stewards' unanswered queue). Types come from the contract.
 */
import type {
  AnswerItem,
  AskLibraryAnswer,
  AskPeopleAnswer,
  RecognitionAnswer,
  ReputationAnswer,
  RouteAnswer,
  UnansweredAnswer,
} from "../../contract/asking.js";
import type { ApiClient } from "./ApiClient.js";
import { getJson } from "./apiRequests.js";

export type { AnswerItem, AskLibraryAnswer, AskPeopleAnswer, RouteAnswer } from "../../contract/asking.js";
export type { RouteView } from "../../domain/ask/questionRoutingService.js";

const community = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}`;
const entry = (communityId: string, entryId: string) =>
  `${community(communityId)}/entries/${encodeURIComponent(entryId)}`;

/** The library's answer to a question (quoted passages with their sources), or "unknown". */
export function askLibrary(api: ApiClient, communityId: string, question: string) {
  return api.request<AskLibraryAnswer>("POST", `${community(communityId)}/ask`, { question });
}

/** The question goes into the library as an open question and to the people who may know. */
export function askPeople(api: ApiClient, communityId: string, question: string) {
  return api.request<AskPeopleAnswer>("POST", `${community(communityId)}/questions`, { question });
}

export function getRoute(api: ApiClient, communityId: string, entryId: string, signal?: AbortSignal) {
  return getJson<RouteAnswer>(api, `${entry(communityId, entryId)}/route`, signal);
}

export function listAnswers(api: ApiClient, communityId: string, entryId: string, signal?: AbortSignal) {
  return getJson<{ items: AnswerItem[] }>(api, `${entry(communityId, entryId)}/answers`, signal);
}

export function postAnswer(api: ApiClient, communityId: string, entryId: string, body: string) {
  return api.request<AnswerItem>("POST", `${entry(communityId, entryId)}/answers`, { body });
}

export function acceptAnswer(api: ApiClient, communityId: string, entryId: string, answerId: string) {
  return api.request<AnswerItem>(
    "POST",
    `${entry(communityId, entryId)}/answers/${encodeURIComponent(answerId)}/accept`,
  );
}

/** A steward takes an accepted answer back: the question is open again. */
export function unacceptAnswer(api: ApiClient, communityId: string, entryId: string, answerId: string) {
  return api.request<AnswerItem>(
    "DELETE",
    `${entry(communityId, entryId)}/answers/${encodeURIComponent(answerId)}/accept`,
  );
}

export function listUnanswered(api: ApiClient, communityId: string, signal?: AbortSignal) {
  return getJson<UnansweredAnswer>(api, `${community(communityId)}/unanswered`, signal);
}

/** My reputation across my communities (My learning). */
export function getMyReputation(api: ApiClient, signal?: AbortSignal) {
  return getJson<ReputationAnswer>(api, "/api/me/reputation", signal);
}

export const myReputationKey = ["me", "reputation"] as const;

/** A colleague's reputation in the caller's communities (counts, topics, badges; no ranking). */
export function getReputationOf(api: ApiClient, personId: string, signal?: AbortSignal) {
  return api.request<ReputationAnswer>(
    "GET",
    `/api/people/${encodeURIComponent(personId)}/reputation`,
    undefined,
    { ...(signal ? { signal } : {}) },
  );
}

export const reputationOfKey = (personId: string) => ["people", personId, "reputation"] as const;

/** A steward's recognition card to the community's channel. */
export function recognise(api: ApiClient, communityId: string, personId: string, note: string) {
  return api.request<RecognitionAnswer>("POST", `${community(communityId)}/recognitions`, { personId, note });
}
