import { describe, expect, it } from "vitest";
import { NAV_SECTIONS, ROUTES, resolveRoute } from "../../../src/tab/routes.js";

describe("the tab's route table", () => {
  it("resolves every page of the table from its own path, ids decoded", () => {
    for (const { route, path } of ROUTES) {
      if (route === "home") continue; // the generic URL follows the frame context
      const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? "");
      const filled = path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(`${name} a/b`));
      expect(resolveRoute(filled), path).toEqual({
        route,
        ...Object.fromEntries(params.map((name) => [name, `${name} a/b`])),
      });
    }
  });

  it("takes a fixed page before one with ids, never an id named new, and any case of a fixed path", () => {
    expect(resolveRoute("/tab/playbooks/new")).toEqual({ route: "newPlaybook" });
    expect(resolveRoute("/tab/playbooks/NEW/edit")).toEqual({ route: "notFound" });
    expect(resolveRoute("/tab/library/new/x")).toEqual({ route: "notFound" });
    expect(resolveRoute("/tab/Library/Removal-Requests/")).toEqual({ route: "removalRequests" });
    expect(resolveRoute("/tab/nowhere")).toEqual({ route: "notFound" });
  });

  it("shows the navigation's sections in the table's order, each opening its page", () => {
    expect(NAV_SECTIONS).toEqual([
      { section: "home", path: "/tab/home" },
      { section: "calendar", path: "/tab/calendar" },
      { section: "library", path: "/tab/library" },
      { section: "playbooks", path: "/tab/playbooks" },
    ]);
  });
});
