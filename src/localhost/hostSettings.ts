/** The Teams themes the host can switch between. */
export const THEMES = ["default", "dark", "contrast"] as const;
export type HostTheme = (typeof THEMES)[number];

/** The Teams surfaces the host can emulate, named as teams-js' `FrameContexts`. */
export const FRAME_CONTEXTS = ["content", "settings", "sidePanel", "meetingStage"] as const;
export type HostFrameContext = (typeof FRAME_CONTEXTS)[number];

/** The locales the tab is translated into. */
export const LOCALES = ["en-US", "de-DE"] as const;

/** Everything the host page lets a developer choose; mirrored in the page's query string. */
export interface HostSettings {
  /** Entra object id of the signed-in user; empty until the user list is known. */
  userId: string;
  theme: HostTheme;
  frame: HostFrameContext;
  locale: string;
  /** The tab's entity id (the community id); empty means "not configured". */
  entityId: string;
  /** The tab path loaded into the frame, such as `/tab/home`. */
  page: string;
  /**
   * The deep link's `subEntityId` Teams passes in the context (`page.subPageId`), such as
   * `entry:<communityId>:<entryId>`; empty for a tab opened without a deep link.
   */
  subEntityId: string;
}

const DEFAULT_PAGE = "/tab/home";

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Reads the settings from the query string (`?user=&theme=&frame=&locale=&entityId=&page=&subEntityId=`),
 * so tests and bookmarks can deep link (`subEntityId` stands in for a Teams deep link's context). A missing `entityId` means "use the default community"; an
 * empty one means "no community". `page` must be a tab path, so the frame never loads another site.
 */
export function readHostSettings(
  search: string,
  defaults: { userId: string; entityId: string },
): HostSettings {
  const params = new URLSearchParams(search);
  const page = params.get("page") ?? DEFAULT_PAGE;
  return {
    userId: params.get("user") || defaults.userId,
    theme: pick(params.get("theme"), THEMES, "default"),
    frame: pick(params.get("frame"), FRAME_CONTEXTS, "content"),
    locale: params.get("locale") || "en-US",
    entityId: params.get("entityId") ?? defaults.entityId,
    page: /^\/tab(\/[\w\-/]*)?$/.test(page) ? page : DEFAULT_PAGE,
    subEntityId: params.get("subEntityId") ?? "",
  };
}

/** Writes the settings back to a query string for `history.replaceState`. */
export function toQueryString(settings: HostSettings): string {
  const params = new URLSearchParams({
    user: settings.userId,
    theme: settings.theme,
    frame: settings.frame,
    locale: settings.locale,
    entityId: settings.entityId,
    page: settings.page,
  });
  if (settings.subEntityId) params.set("subEntityId", settings.subEntityId);
  return `?${params.toString()}`;
}
