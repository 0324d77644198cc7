/** Links into PeerCircle that cards, unfurling and the tab share. */
export interface AppLinks {
  /** Public base URL of the server (the tab's domain). */
  publicUrl: string;
  /** The Teams app id (manifest `id`). */
  teamsAppId: string;
}

/** The web address of an entry: what people paste, and what link unfurling recognises. */
export function entryWebUrl(links: AppLinks, communityId: string, entryId: string): string {
  return `${links.publicUrl}/tab/library/${encodeURIComponent(communityId)}/${encodeURIComponent(entryId)}`;
}

/** Recognises a session's web address (`/tab/calendar/{community}/{session}`); undefined else. */
export function parseSessionWebUrl(
  links: AppLinks,
  url: string,
): { communityId: string; sessionId: string } | undefined {
  const match = pathOf(links, url, /^\/tab\/calendar\/([^/]+)\/([^/]+)\/?$/);
  return match ? { communityId: match[0], sessionId: match[1] } : undefined;
}

/** The two decoded path segments of one of our own URLs that matches `pattern`. */
function pathOf(links: AppLinks, url: string, pattern: RegExp): [string, string] | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(links.publicUrl).origin) return undefined;
  const match = pattern.exec(parsed.pathname);
  if (!match?.[1] || !match[2]) return undefined;
  try {
    return [decodeURIComponent(match[1]), decodeURIComponent(match[2])];
  } catch {
    return undefined;
  }
}

/** Recognises an entry's web address; undefined for anything else. */
export function parseEntryWebUrl(
  links: AppLinks,
  url: string,
): { communityId: string; entryId: string } | undefined {
  const match = pathOf(links, url, /^\/tab\/library\/([^/]+)\/([^/]+)\/?$/);
  return match ? { communityId: match[0], entryId: match[1] } : undefined;
}

/** The Teams personal-tab deep link with a `subEntityId` the tab turns into a page. */
function personalTabLink(links: AppLinks, subEntityId: string, webUrl: string): string {
  if (!links.teamsAppId) return webUrl;
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${links.teamsAppId}/mylearning?context=${context}`;
}

/** A Teams deep link to a session of the calendar (the web address when no app id is set). */
export function sessionDeepLink(links: AppLinks, communityId: string, sessionId: string): string {
  return personalTabLink(
    links,
    `session:${communityId}:${sessionId}`,
    `${links.publicUrl}/tab/calendar/${encodeURIComponent(communityId)}/${encodeURIComponent(sessionId)}`,
  );
}

/**
 * A Teams deep link to a community's library: its channel tab (whose entity id is the community)
 * when the community has a channel, else the library's web address.
 */
export function libraryDeepLink(links: AppLinks, community: { id: string; channelId?: string }): string {
  const web = `${links.publicUrl}/tab/library`;
  if (!links.teamsAppId || !community.channelId) return web;
  const context = encodeURIComponent(
    JSON.stringify({ subEntityId: "library", channelId: community.channelId }),
  );
  return `https://teams.microsoft.com/l/entity/${links.teamsAppId}/${encodeURIComponent(community.id)}?context=${context}`;
}

/**
 * A Teams deep link that opens the entry in the app's personal tab from any client
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application):
 * `subEntityId` tells the tab which entry to show.
 */
export function entryDeepLink(links: AppLinks, communityId: string, entryId: string): string {
  return personalTabLink(links, `entry:${communityId}:${entryId}`, entryWebUrl(links, communityId, entryId));
}
