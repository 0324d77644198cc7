/** The pages of the tab. */
export type TabRoute = "home" | "config" | "personal" | "meetingSidePanel" | "meetingStage" | "notFound";

const explicitRoutes: Record<string, TabRoute> = {
  "/tab/home": "home",
  "/tab/config": "config",
  "/tab/personal": "personal",
  "/tab/meeting/sidepanel": "meetingSidePanel",
  "/tab/meeting/stage": "meetingStage",
};

/**
 * Picks the page for a URL path and the Teams frame context. Teams loads a configurable tab's single
 * `contentUrl` in every surface, so the generic `/tab` and `/tab/home` follow the frame context: the
 * meeting side panel and stage get their meeting pages, the settings frame gets the configuration
 * page. The explicit meeting and configuration paths always win.
 */
export function resolveRoute(pathname: string, frameContext?: string): TabRoute {
  const path = pathname.replace(/\/+$/, "").toLowerCase() || "/";
  const explicit = explicitRoutes[path];
  if (path !== "/tab" && path !== "/tab/home") return explicit ?? "notFound";

  switch (frameContext) {
    case "sidePanel":
      return "meetingSidePanel";
    case "meetingStage":
      return "meetingStage";
    case "settings":
      return "config";
    default:
      return "home";
  }
}
