import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";
import { type HostParams, openTab } from "./localHostPage.js";

const TAB_FRAME = "#tab-frame";
const TABSTER_DUMMY = "[data-tabster-dummy]";
const THEMES = ["default", "dark", "contrast"] as const;

describe("accessibility of the configuration, home (with sessions) and calendar pages (axe)", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let sessionId: string;

  async function serious(
    params: HostParams,
    heading: string,
    before?: (tab: Awaited<ReturnType<typeof openTab>>) => Promise<void>,
  ) {
    const tab = await openTab(page, server.baseUrl, params);
    await tab.getByRole("heading", { level: 1, name: heading }).waitFor();
    await before?.(tab);
    const results = await new AxeBuilder({ page })
      .include(TAB_FRAME)
      .exclude([TAB_FRAME, TABSTER_DUMMY])
      .analyze();
    expect(results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1))).toBe(true);
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    const { userId } = (await fetch(`${server.baseUrl}/local/api/defaults`).then((r) => r.json())) as {
      userId: string;
    };
    const token = await tokenFor(server.baseUrl, userId);
    const created = await fetch(`${server.baseUrl}/api/communities/${server.demoCommunityId}/sessions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "Axe session",
        format: "mastermind",
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        agenda: ["Check-in"],
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    sessionId = created.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser));
    page = await context.newPage();
  });

  it.each(THEMES)("configuration page: none serious or critical (%s theme)", async (theme) => {
    expect(await serious({ theme, frame: "settings", entityId: "" }, "Set up PeerCircle")).toEqual([]);
  });

  it.each(THEMES)("home with sessions: none serious or critical (%s theme)", async (theme) => {
    expect(
      await serious({ theme }, "Data Community", (tab) =>
        tab.getByRole("link", { name: "Axe session" }).waitFor(),
      ),
    ).toEqual([]);
  });

  it.each(THEMES)("calendar month view: none serious or critical (%s theme)", async (theme) => {
    expect(
      await serious({ theme, page: "/tab/calendar" }, "Session calendar", async (tab) => {
        await tab.getByRole("tab", { name: "Month" }).click();
        await tab.getByTestId("month-view").waitFor();
      }),
    ).toEqual([]);
  });

  it.each(THEMES)("session detail: none serious or critical (%s theme)", async (theme) => {
    expect(
      await serious({ theme, subEntityId: `session:${server.demoCommunityId}:${sessionId}` }, "Axe session"),
    ).toEqual([]);
  });

  it("calendar in the 280 px side panel frame width has no horizontal scroll", async () => {
    await page.setViewportSize({ width: 1200, height: 900 });
    const tab = await openTab(page, server.baseUrl, { page: "/tab/calendar", frame: "sidePanel" });
    await tab.getByRole("heading", { level: 1, name: "Session calendar" }).waitFor();
    for (const view of ["List", "Past", "Week", "Month"]) {
      await tab.getByRole("tab", { name: view, exact: true }).click();
      const overflow = await tab.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, view).toBeLessThanOrEqual(0);
    }
  });
});
