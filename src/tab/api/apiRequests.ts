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
