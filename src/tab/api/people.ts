import type { PeopleQuery, PeopleSearchAnswer } from "../../contract/people.js";
import type { ApiClient } from "./ApiClient.js";
import { getJson } from "./apiRequests.js";

/** A person of the organisation, as `GET /api/people` lists them for pickers. */
export type OrgPerson = PeopleSearchAnswer["items"][number];

/** The answer of a people search; `degraded` when the directory answered only in part. */
export type PeopleSearch = PeopleSearchAnswer;

/** Finds people by name for a picker. */
export function searchPeople(api: ApiClient, query: string, signal?: AbortSignal): Promise<PeopleSearch> {
  const request: Required<PeopleQuery> = { q: query, limit: 10 };
  const params = new URLSearchParams({ q: request.q, limit: String(request.limit) });
  return getJson<PeopleSearch>(api, `/api/people?${params.toString()}`, signal);
}
