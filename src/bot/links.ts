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

/** Recognises an entry's web address; undefined for anything else. */
export function parseEntryWebUrl(
  links: AppLinks,
  url: string,
): { communityId: string; entryId: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(links.publicUrl).origin) return undefined;
  const match = /^\/tab\/library\/([^/]+)\/([^/]+)\/?$/.exec(parsed.pathname);
  if (!match?.[1] || !match[2]) return undefined;
  return { communityId: decodeURIComponent(match[1]), entryId: decodeURIComponent(match[2]) };
}

/**
 * A Teams deep link that opens the entry in the app's personal tab from any client
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application):
 * `subEntityId` tells the tab which entry to show.
 */
export function entryDeepLink(links: AppLinks, communityId: string, entryId: string): string {
  if (!links.teamsAppId) return entryWebUrl(links, communityId, entryId);
  const context = encodeURIComponent(JSON.stringify({ subEntityId: `entry:${communityId}:${entryId}` }));
  return `https://teams.microsoft.com/l/entity/${links.teamsAppId}/mylearning?context=${context}`;
}
