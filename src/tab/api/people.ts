import type { ApiClient } from "./ApiClient.js";

/** A person of the organisation, as `GET /api/people` lists them for pickers. */
export interface OrgPerson {
  id: string;
  displayName: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
}

/** The answer of a people search; `degraded` when the directory answered only in part. */
export interface PeopleSearch {
  items: OrgPerson[];
  degraded: boolean;
}

/** Finds people by name for a picker. */
export function searchPeople(api: ApiClient, query: string, signal?: AbortSignal): Promise<PeopleSearch> {
  const params = new URLSearchParams({ q: query, limit: "10" });
  return api.request<PeopleSearch>("GET", `/api/people?${params.toString()}`, undefined, { signal });
}
