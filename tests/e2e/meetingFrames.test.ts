import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { apiAs, createEntry, demoSteward } from "./librarySupport.js";
import { type HostParams, openTab } from "./localHostPage.js";

const TAB_FRAME = "#tab-frame";
const TABSTER_DUMMY = "[data-tabster-dummy]";
const NEXT_SESSION = "Walrus retro planning";
const ENTRY_TITLE = "Walrus runbook for late data";

/** The frame's viewport and how wide its content is; wider content means horizontal scrolling. */
function layoutOf(tab: Frame) {
  return tab.evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    widestRight: Math.max(
      ...Array.from(document.querySelectorAll("body *"), (el) => el.getBoundingClientRect().right),
    ),
  }));
}

describe("meeting frames", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    await createEntry(server.baseUrl, demoSteward, server.demoCommunityId, {
      type: "howto",
      title: ENTRY_TITLE,
      body: "When data arrives late, rerun the walrus job.",
    });
    // The next session, and a later one that must not be shown as "next".
    for (const [title, inDays] of [
      [NEXT_SESSION, 1],
      ["Walrus later session", 9],
    ] as const) {
      const planned = await apiAs(
        server.baseUrl,
        demoSteward,
        "POST",
        `/communities/${server.demoCommunityId}/sessions`,
        {
          title,
          format: "incident-retro",
          startsAt: new Date(Date.now() + inDays * 86_400_000).toISOString(),
        },
      );
      expect(planned.status).toBe(201);
    }
  });

  /** Serious or critical axe findings inside the tab frame. */
  async function serious(): Promise<string[]> {
    const results = await new AxeBuilder({ page })
      .include(TAB_FRAME)
      .exclude([TAB_FRAME, TABSTER_DUMMY])
      .analyze();
    expect(results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1))).toBe(true);
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
  }

  /** The next session and a search with a result, in a meeting frame. */
  async function openCompanion(params: HostParams): Promise<Frame> {
    const tab = await openTab(page, server.baseUrl, params);
    const next = tab.getByTestId("next-session");
    await next.getByRole("heading", { level: 2, name: "Next session" }).waitFor();
    await next.getByRole("link", { name: NEXT_SESSION }).waitFor();
    expect(await next.getByText("Walrus later session").count()).toBe(0);
    await tab.getByRole("searchbox", { name: "Search the library" }).fill("walrus runbok");
    await tab.getByTestId("compact-results").getByRole("link", { name: ENTRY_TITLE }).waitFor();
    return tab;
  }

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser, { viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
  });

  it.each([
    // In a meeting the panel names the community; leaving it is for the community home.
    ["en-US", "/tab/home", "Set up an activity", "Leave community", 0],
    ["de-DE", "/tab/meeting/sidepanel", "Aktivität einrichten", "Community verlassen", 0],
  ])(
    "fits the 280 px side panel without horizontal scrolling (%s, %s)",
    async (locale, tabPage, ready, leave, leaves) => {
      const tab = await openTab(page, server.baseUrl, { frame: "sidePanel", locale, page: tabPage });
      await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
      await tab.getByRole("button", { name: ready }).waitFor();
      expect(await tab.getByRole("button", { name: leave }).count()).toBe(leaves);

      const layout = await layoutOf(tab);
      expect(layout.width).toBe(280);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.widestRight).toBeLessThanOrEqual(layout.clientWidth);
    },
  );

  it("shows the community on the 994 × 678 meeting stage", async () => {
    const tab = await openTab(page, server.baseUrl, { frame: "meetingStage" });
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    await tab.getByText("On stage").waitFor();
    const layout = await layoutOf(tab);
    expect({ width: layout.width, height: layout.height }).toEqual({ width: 994, height: 678 });
  });

  it.each([
    ["sidePanel", 280],
    ["meetingStage", 994],
  ] as const)(
    "%s: next session and library search, no horizontal scroll, entry opens",
    async (frame, width) => {
      const tab = await openCompanion({ frame });
      const layout = await layoutOf(tab);
      expect(layout.width).toBe(width);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.widestRight).toBeLessThanOrEqual(layout.clientWidth);
      // The match is marked in the result's title.
      expect(await tab.getByTestId("compact-results").locator("mark").first().textContent()).toMatch(
        /walrus/i,
      );

      await tab.getByTestId("compact-results").getByRole("link", { name: ENTRY_TITLE }).click();
      await tab.getByRole("heading", { level: 1, name: ENTRY_TITLE }).waitFor();
    },
  );

  it("side panel search says so when nothing matches", async () => {
    const tab = await openTab(page, server.baseUrl, { frame: "sidePanel" });
    await tab.getByRole("searchbox", { name: "Search the library" }).fill("zzqxwv");
    await tab.getByText("Nothing found.").waitFor();
  });

  it.each([
    ["sidePanel", "default"],
    ["sidePanel", "dark"],
    ["sidePanel", "contrast"],
    ["meetingStage", "default"],
    ["meetingStage", "dark"],
    ["meetingStage", "contrast"],
  ] as const)("%s with results: no serious or critical axe findings (%s theme)", async (frame, theme) => {
    await openCompanion({ frame, theme });
    expect(await serious()).toEqual([]);
  });
});
