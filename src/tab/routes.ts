/**
 * The tab's pages in one table: each page's path (`:name` is a segment carrying an id, encoded so
 * any id round-trips) and the navigation section it belongs to. `resolveRoute` matches against it,
 * `App.tsx` renders one page per route (the compiler asks for every route), `TabNav` shows the
 * sections marked `nav`, in the table's order.
 */
export const ROUTES = [
  { route: "home", path: "/tab/home", section: "home", nav: true },
  { route: "config", path: "/tab/config" },
  { route: "personal", path: "/tab/personal" },
  { route: "meetingSidePanel", path: "/tab/meeting/sidepanel" },
  { route: "meetingStage", path: "/tab/meeting/stage" },
  { route: "calendar", path: "/tab/calendar", section: "calendar", nav: true },
  { route: "session", path: "/tab/calendar/:communityId/:sessionId", section: "calendar" },
  { route: "library", path: "/tab/library", section: "library", nav: true },
  { route: "newEntry", path: "/tab/library/new", section: "library" },
  { route: "removalRequests", path: "/tab/library/removal-requests", section: "library" },
  { route: "entry", path: "/tab/library/:communityId/:entryId", section: "library" },
  { route: "members", path: "/tab/members" },
  { route: "insights", path: "/tab/insights" },
  { route: "playbooks", path: "/tab/playbooks", section: "playbooks", nav: true },
  { route: "newPlaybook", path: "/tab/playbooks/new", section: "playbooks" },
  { route: "playbook", path: "/tab/playbooks/:playbookId", section: "playbooks" },
  { route: "editPlaybook", path: "/tab/playbooks/:playbookId/edit", section: "playbooks" },
  { route: "modules", path: "/tab/modules", section: "playbooks" },
] as const satisfies readonly RouteDefinition[];

interface RouteDefinition {
  route: string;
  path: `/tab/${string}`;
  /** The navigation section the page belongs to (its tab is shown selected). */
  section?: string;
  /** Whether the section's tab opens this page. */
  nav?: true;
}

type Definition = (typeof ROUTES)[number];

/** The pages of the tab. */
export type TabRoute = Definition["route"] | "notFound";

/** The community tab's sections, in the order the navigation shows them. */
export type TabSection = Extract<Definition, { nav: true }>["section"];

/** The ids a path pattern carries: `/tab/x/:a/:b` → `{ a: string; b: string }`. */
type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : unknown;

type Flatten<T> = { [K in keyof T]: T[K] };

/** A page and the ids its path carries. */
export type RouteMatch =
  | {
      [D in Definition as D["route"]]: Flatten<{ route: D["route"] } & ParamsOf<D["path"]>>;
    }[Definition["route"]]
  | { route: "notFound" };

/** The sections of the navigation and the page each opens, in order. */
export const NAV_SECTIONS = ROUTES.flatMap((r) =>
  "nav" in r ? [{ section: r.section as TabSection, path: r.path as string }] : [],
);

/** The path of a page without ids. */
function pathOf(route: Definition["route"]): string {
  const found = ROUTES.find((r) => r.route === route);
  if (!found) throw new Error(`No route ${route}`);
  return found.path;
}

/** Puts encoded ids into a path pattern. */
function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ""));
}

/** The session calendar. */
export const calendarPath = pathOf("calendar");
/** The community's playbooks. */
export const playbooksPath = pathOf("playbooks");
/** The "compile a playbook" page. */
export const newPlaybookPath = pathOf("newPlaybook");
/** A playbook of the tab's community. */
export function playbookPath(playbookId: string): string {
  return fill(pathOf("playbook"), { playbookId });
}
/** A steward's editor of a playbook. */
export function editPlaybookPath(playbookId: string): string {
  return fill(pathOf("editPlaybook"), { playbookId });
}
/** The community's modules (CoachingOurselves-style): stewards write and import them. */
export const modulesPath = pathOf("modules");
/** The community home. */
export const homePath = pathOf("home");
/** The members of the tab's community; stewards manage them and answer requests to join. */
export const membersPath = pathOf("members");
/** The community's network insights (stewards). */
export const insightsPath = pathOf("insights");
/** A session's detail in the calendar. */
export function sessionPath(communityId: string, sessionId: string): string {
  return fill(pathOf("session"), { communityId, sessionId });
}
/** The library page (the community comes from the tab's entity id). */
export const libraryPath = pathOf("library");
/** The "write a new entry" page. */
export const newEntryPath = pathOf("newEntry");
/** The stewards' review of entries whose authors asked for their removal. */
export const removalRequestsPath = pathOf("removalRequests");
/** An entry's page. */
export function entryPath(communityId: string, entryId: string): string {
  return fill(pathOf("entry"), { communityId, entryId });
}

/**
 * The table's patterns, fixed paths before those with ids, so `/tab/library/new` is the form and
 * never an entry. An id is never `new` (that word names the creation pages).
 */
const MATCHERS = [...ROUTES]
  .map((r) => ({ route: r.route, segments: r.path.split("/").slice(1) }))
  .sort((a, b) => paramCount(a.segments) - paramCount(b.segments));

function paramCount(segments: string[]): number {
  return segments.filter((s) => s.startsWith(":")).length;
}

function matchPath(path: string): RouteMatch | undefined {
  const segments = path.split("/").slice(1);
  for (const matcher of MATCHERS) {
    if (matcher.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = matcher.segments.every((pattern, i) => {
      const segment = segments[i] ?? "";
      if (!pattern.startsWith(":")) return pattern === segment.toLowerCase();
      const value = safeDecode(segment);
      if (!value || value.toLowerCase() === "new") return false;
      params[pattern.slice(1)] = value;
      return true;
    });
    if (fits) return { route: matcher.route, ...params } as RouteMatch;
  }
  return undefined;
}

/**
 * Picks the page for a URL path and the Teams frame context. Teams loads a configurable tab's single
 * `contentUrl` in every surface, so the generic `/tab` and `/tab/home` follow the frame context: the
 * meeting side panel and stage get their meeting pages, the settings frame gets the configuration
 * page. The explicit paths always win.
 */
export function resolveRoute(pathname: string, frameContext?: string): RouteMatch {
  const path = pathname.replace(/\/+$/, "") || "/";
  const lower = path.toLowerCase();
  if (lower !== "/tab" && lower !== "/tab/home") return matchPath(path) ?? { route: "notFound" };

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
