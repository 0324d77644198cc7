/** Links into PeerCircle that cards, unfurling and the tab share. */
export interface AppLinks {
  /** Public base URL of the server (the tab's domain). */
  publicUrl: string;
  /** The Teams app id (manifest `id`). */
  teamsAppId: string;
}

/**
 * The tab's sections whose items have a web address of their own, `/tab/{section}/{community}/{item}`
 * (the tab's routes.ts): an entry of the library, a session of the calendar.
 */
type ItemSection = "library" | "calendar";

/** The web address of a community's item in a section of the tab. */
function itemWebUrl(links: AppLinks, section: ItemSection, communityId: string, itemId: string): string {
  return `${links.publicUrl}/tab/${section}/${encodeURIComponent(communityId)}/${encodeURIComponent(itemId)}`;
}

/** The community and item a web address of ours names in `section`; undefined for any other address. */
function parseItemWebUrl(
  links: AppLinks,
  section: ItemSection,
  url: string,
): { communityId: string; itemId: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(links.publicUrl).origin) return undefined;
  const match = new RegExp(`^/tab/${section}/([^/]+)/([^/]+)/?$`).exec(parsed.pathname);
  if (!match?.[1] || !match[2]) return undefined;
  try {
    return { communityId: decodeURIComponent(match[1]), itemId: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}

/** The web address of an entry: what people paste, and what link unfurling recognises. */
export function entryWebUrl(links: AppLinks, communityId: string, entryId: string): string {
  return itemWebUrl(links, "library", communityId, entryId);
}

/** A community's entry, as a link names it. */
export interface EntryLinkTarget {
  communityId: string;
  entryId: string;
}

/** A community's session, as a link names it. */
export interface SessionLinkTarget {
  communityId: string;
  sessionId: string;
}

/** Recognises an entry's web address; undefined for anything else. */
export function parseEntryWebUrl(links: AppLinks, url: string): EntryLinkTarget | undefined {
  const item = parseItemWebUrl(links, "library", url);
  return item && { communityId: item.communityId, entryId: item.itemId };
}

/** Recognises a session's web address; undefined for anything else. */
export function parseSessionWebUrl(links: AppLinks, url: string): SessionLinkTarget | undefined {
  const item = parseItemWebUrl(links, "calendar", url);
  return item && { communityId: item.communityId, sessionId: item.itemId };
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
    itemWebUrl(links, "calendar", communityId, sessionId),
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
