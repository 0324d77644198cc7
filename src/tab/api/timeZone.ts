import type { ApiClient } from "./ApiClient.js";

/**
 * Tells the server the zone of the person's browser (`PUT /api/me/time-zone`), so a question
 * routed to them counts working hours on their own clock. Once per zone and person in this browser:
 * the zone last told is kept in local storage, and only a change (travel) is told again.
 */
export async function reportTimeZone(api: ApiClient, userId: string): Promise<void> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const key = `peercircle.timeZone.${userId}`;
  const storage = localStorageIfAllowed();
  if (!timeZone || storage?.getItem(key) === timeZone) return;
  await api.request<void>("PUT", "/api/me/time-zone", { timeZone });
  storage?.setItem(key, timeZone);
}

/** Local storage, unless the browser refuses it to an embedded page (then the zone is told each start). */
function localStorageIfAllowed(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
