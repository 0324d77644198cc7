import type { ApiClient, HttpMethod } from "./ApiClient.js";

/** `GET path`, cancelled with `signal` (the query that asked has moved on). */
export function getJson<T>(api: ApiClient, path: string, signal?: AbortSignal): Promise<T> {
  return api.request<T>("GET", path, undefined, { signal });
}

/** `GET path` of a list answer (`{ items }`): its items. */
export async function getItems<A extends { items: unknown[] }>(
  api: ApiClient,
  path: string,
  signal?: AbortSignal,
): Promise<A["items"]> {
  return (await getJson<A>(api, path, signal)).items;
}

/**
 * Sends a change made from the version `etag` of what it changes (`If-Match`); a newer version on
 * the server answers 412, so no one overwrites a change they have not seen.
 */
export function sendFromVersion<T>(
  api: ApiClient,
  method: HttpMethod,
  path: string,
  body: unknown,
  etag: string,
): Promise<T> {
  return api.request<T>(method, path, body, { headers: { "If-Match": etag } });
}

/**
 * The reads and writes every collection of a community has (`/api/communities/{id}/{name}`): its
 * path and one item's, reading an item, adding one, changing one from a known version, deleting one.
 */
export function communityCollection<T, Draft, Changes>(name: string, changeMethod: "PUT" | "PATCH") {
  const all = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/${name}`;
  const one = (communityId: string, id: string) => `${all(communityId)}/${encodeURIComponent(id)}`;
  return {
    all,
    one,
    get: (api: ApiClient, communityId: string, id: string, signal?: AbortSignal) =>
      getJson<T>(api, one(communityId, id), signal),
    create: (api: ApiClient, communityId: string, draft: Draft) =>
      api.request<T>("POST", all(communityId), draft),
    /** A newer version on the server answers 412. */
    update: (api: ApiClient, communityId: string, id: string, changes: Changes, etag: string) =>
      sendFromVersion<T>(api, changeMethod, one(communityId, id), changes, etag),
    remove: (api: ApiClient, communityId: string, id: string) =>
      api.request<void>("DELETE", one(communityId, id)),
  };
}
