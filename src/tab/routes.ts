/** The pages of the tab. */
export type TabRoute =
  | "home"
  | "config"
  | "personal"
  | "meetingSidePanel"
  | "meetingStage"
  | "library"
  | "newEntry"
  | "removalRequests"
  | "members"
  | "insights"
  | "entry"
  | "calendar"
  | "session"
  | "playbooks"
  | "newPlaybook"
  | "playbook"
  | "editPlaybook"
  | "notFound";

/** A page and the ids its path carries. */
export type RouteMatch =
  | { route: Exclude<TabRoute, "entry" | "session" | "playbook" | "editPlaybook"> }
  | { route: "playbook" | "editPlaybook"; playbookId: string }
  | { route: "entry"; communityId: string; entryId: string }
  | { route: "session"; communityId: string; sessionId: string };

const explicitRoutes: Record<string, Exclude<TabRoute, "entry" | "session" | "playbook" | "editPlaybook">> = {
  "/tab/home": "home",
  "/tab/config": "config",
  "/tab/personal": "personal",
  "/tab/meeting/sidepanel": "meetingSidePanel",
  "/tab/meeting/stage": "meetingStage",
  "/tab/library": "library",
  "/tab/library/new": "newEntry",
  "/tab/library/removal-requests": "removalRequests",
  "/tab/members": "members",
  "/tab/insights": "insights",
  "/tab/calendar": "calendar",
  "/tab/playbooks": "playbooks",
  "/tab/playbooks/new": "newPlaybook",
};

const PLAYBOOK_PATH = /^\/tab\/playbooks\/([^/]+)(\/edit)?$/i;

const SESSION_PATH = /^\/tab\/calendar\/([^/]+)\/([^/]+)$/i;

/** The session calendar. */
export const calendarPath = "/tab/calendar";
/** The community's playbooks. */
export const playbooksPath = "/tab/playbooks";
/** The "compile a playbook" page. */
export const newPlaybookPath = "/tab/playbooks/new";
/** A playbook of the tab's community; the id is encoded, so any id round-trips. */
export function playbookPath(playbookId: string): string {
  return `${playbooksPath}/${encodeURIComponent(playbookId)}`;
}
/** A steward's editor of a playbook. */
export function editPlaybookPath(playbookId: string): string {
  return `${playbookPath(playbookId)}/edit`;
}
/** The community home. */
export const homePath = "/tab/home";
/** The members of the tab's community; stewards manage them and answer requests to join. */
export const membersPath = "/tab/members";
/** The community's network insights (stewards). */
export const insightsPath = "/tab/insights";
/** A session's detail in the calendar; ids are encoded, so any id round-trips. */
export function sessionPath(communityId: string, sessionId: string): string {
  return `/tab/calendar/${encodeURIComponent(communityId)}/${encodeURIComponent(sessionId)}`;
}

const ENTRY_PATH = /^\/tab\/library\/([^/]+)\/([^/]+)$/i;

/** The library page (the community comes from the tab's entity id). */
export const libraryPath = "/tab/library";
/** The "write a new entry" page. */
export const newEntryPath = "/tab/library/new";
/** The stewards' review of entries whose authors asked for their removal. */
export const removalRequestsPath = "/tab/library/removal-requests";
/** An entry's page; ids are encoded, so any id round-trips. */
export function entryPath(communityId: string, entryId: string): string {
  return `/tab/library/${encodeURIComponent(communityId)}/${encodeURIComponent(entryId)}`;
}

/**
 * Picks the page for a URL path and the Teams frame context. Teams loads a configurable tab's single
 * `contentUrl` in every surface, so the generic `/tab` and `/tab/home` follow the frame context: the
 * meeting side panel and stage get their meeting pages, the settings frame gets the configuration
 * page. The explicit paths always win.
 */
export function resolveRoute(pathname: string, frameContext?: string): RouteMatch {
  const path = pathname.replace(/\/+$/, "") || "/";
  const entry = ENTRY_PATH.exec(path);
  if (entry?.[1] && entry[2] && entry[1].toLowerCase() !== "new") {
    const communityId = safeDecode(entry[1]);
    const entryId = safeDecode(entry[2]);
    if (communityId && entryId) return { route: "entry", communityId, entryId };
  }
  const session = SESSION_PATH.exec(path);
  if (session?.[1] && session[2]) {
    const communityId = safeDecode(session[1]);
    const sessionId = safeDecode(session[2]);
    if (communityId && sessionId) return { route: "session", communityId, sessionId };
  }
  const playbook = PLAYBOOK_PATH.exec(path);
  if (playbook?.[1] && playbook[1].toLowerCase() !== "new") {
    const playbookId = safeDecode(playbook[1]);
    if (playbookId) return { route: playbook[2] ? "editPlaybook" : "playbook", playbookId };
  }
  const lower = path.toLowerCase();
  const explicit = explicitRoutes[lower];
  if (lower !== "/tab" && lower !== "/tab/home") return { route: explicit ?? "notFound" };

  switch (frameContext) {
    case "sidePanel":
      return { route: "meetingSidePanel" };
    case "meetingStage":
      return { route: "meetingStage" };
    case "settings":
      return { route: "config" };
    default:
      return { route: "home" };
  }
}

/**
 * Where a Teams deep link should open the tab. A link to an entry carries
 * `context={"subEntityId":"entry:<communityId>:<entryId>"}` (or `session:<communityId>:<sessionId>`); Teams hands it to the tab as
 * `page.subPageId` (a channel tab's link to its library carries `library`) and loads the tab's generic content URL, so only that URL is redirected (the
 * person's own navigation afterwards is left alone). Returns null when nothing should change.
 */
export function deepLinkPath(pathname: string, subPageId: string | undefined): string | null {
  const path = pathname.replace(/\/+$/, "").toLowerCase();
  if (path !== "/tab" && path !== "/tab/home") return null;
  if (subPageId === "library") return libraryPath;
  const match = /^(entry|session):([^:]+):(.+)$/.exec(subPageId ?? "");
  if (!match?.[2] || !match[3]) return null;
  return match[1] === "session" ? sessionPath(match[2], match[3]) : entryPath(match[2], match[3]);
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
