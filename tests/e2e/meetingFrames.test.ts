import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { openTab } from "./localHostPage.js";

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
  });

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
    ["en-US", "/tab/home", "Leave community"],
    ["de-DE", "/tab/meeting/sidepanel", "Community verlassen"],
  ])("fits the 280 px side panel without horizontal scrolling (%s, %s)", async (locale, tabPage, leave) => {
    const tab = await openTab(page, server.baseUrl, { frame: "sidePanel", locale, page: tabPage });
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    await tab.getByRole("button", { name: leave }).waitFor();

    const layout = await layoutOf(tab);
    expect(layout.width).toBe(280);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.widestRight).toBeLessThanOrEqual(layout.clientWidth);
  });

  it("shows the community on the 994 × 678 meeting stage", async () => {
    const tab = await openTab(page, server.baseUrl, { frame: "meetingStage" });
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    await tab.getByText("On stage").waitFor();
    const layout = await layoutOf(tab);
    expect({ width: layout.width, height: layout.height }).toEqual({ width: 994, height: 678 });
  });
});
