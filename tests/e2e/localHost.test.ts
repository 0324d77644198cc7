import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import {
  hostUrl,
  initializeCount,
  openTab,
  receivedCalls,
  tabFrame,
  waitForAppSuccess,
} from "./localHostPage.js";

describe("local Teams host page", () => {
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
    ({ context } = await newLocalOnlyContext(browser));
    page = await context.newPage();
  });

  it("runs the tab through teams-js' real protocol: initialize, context, token, notifySuccess", async () => {
    const tab = await openTab(page, server.baseUrl);

    const calls = await receivedCalls(page);
    expect(calls[0]).toBe("initialize");
    expect(calls).toContain("getContext");
    expect(calls).toContain("registerHandler themeChange");
    expect(calls).toContain("authentication.getAuthToken");
    expect(calls).toContain("appInitialization.success");
    expect(calls.filter((call) => call.endsWith("(not supported)"))).toEqual([]);
    expect(await initializeCount(page)).toBe(1);

    // The entity id from getContext chose the community, and the token from getAuthToken was the
    // host's default user: the demo's steward.
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    expect(await tab.locator("article").getAttribute("data-community-id")).toBe(server.demoCommunityId);
    await tab.getByText("You're a steward").waitFor();
    expect(await page.locator("#loaded-community").getAttribute("data-entity-id")).toBe(
      server.demoCommunityId,
    );
  });

  it("signs the tab in as the person picked in the host", async () => {
    const users = (await fetch(`${server.baseUrl}/local/api/users`).then((r) => r.json())) as {
      id: string;
    }[];
    const defaults = (await fetch(`${server.baseUrl}/local/api/defaults`).then((r) => r.json())) as {
      userId: string;
    };
    const someoneElse = users.find((user) => user.id !== defaults.userId);
    if (!someoneElse) throw new Error("The synthetic organisation needs at least two people.");

    const tab = await openTab(page, server.baseUrl, { user: someoneElse.id });
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    expect(await tab.getByText("You're a steward").count()).toBe(0);
    expect(await page.locator("#user").inputValue()).toBe(someoneElse.id);
  });

  it("shows the tab in the Teams locale", async () => {
    const tab = await openTab(page, server.baseUrl, { locale: "de-DE" });
    await tab.getByRole("heading", { level: 2, name: "Themen" }).waitFor();
    await tab.getByRole("button", { name: "Community verlassen" }).waitFor();
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe("de-DE");
  });

  it("explains how to connect a tab that has no community yet", async () => {
    const tab = await openTab(page, server.baseUrl, { entityId: "" });
    await tab
      .getByRole("heading", { level: 1, name: "This tab isn't connected to a community yet" })
      .waitFor();
    await tab.getByText("select the arrow next to this tab's name").waitFor();
    // The host page has the tab menu's Settings, which the message speaks of: it opens the
    // configuration in the settings frame, with the dialog's Save button.
    await page.getByRole("button", { name: "Settings", exact: true }).click();
    await page.locator("#settings-save").waitFor();
    expect(await page.locator("#frame").inputValue()).toBe("settings");
    const config = await tabFrame(page);
    await config.getByRole("heading", { level: 1, name: "Set up PeerCircle" }).waitFor();
  });

  it("treats a community that does not exist like an unconnected tab", async () => {
    const tab = await openTab(page, server.baseUrl, { entityId: "no-such-community" });
    await tab
      .getByRole("heading", { level: 1, name: "This tab isn't connected to a community yet" })
      .waitFor();
  });

  it("shows an error with Retry when the API cannot be reached, and recovers on Retry", async () => {
    await context.route("**/api/communities/**", (route) => route.abort("connectionrefused"));
    const tab = await openTab(page, server.baseUrl);
    await tab.getByRole("heading", { level: 1, name: "Couldn't load this community" }).waitFor();
    await tab.getByText("PeerCircle can't be reached right now").waitFor();

    await context.unroute("**/api/communities/**");
    await tab.getByRole("button", { name: "Retry" }).click();
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
  });

  it("reloads the tab with a new community when the entity id changes", async () => {
    await openTab(page, server.baseUrl, { entityId: "" });
    await page.getByLabel("Community id (tab entity id)").fill(server.demoCommunityId);
    await page.getByRole("button", { name: "Reload tab" }).click();
    await waitForAppSuccess(page);
    const tab = await tabFrame(page);
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    expect(new URL(page.url()).searchParams.get("entityId")).toBe(server.demoCommunityId);
    expect(await initializeCount(page)).toBe(2);
  });

  it("tells people to open the tab in Teams when it is loaded outside a Teams host", async () => {
    await page.goto(`${server.baseUrl}/tab/home`);
    await page.getByRole("heading", { level: 1, name: "PeerCircle couldn't start" }).waitFor();
    await page.getByText("runs inside Microsoft Teams").waitFor();
  });

  it("redirects the site root to the host page in local mode", async () => {
    await page.goto(`${server.baseUrl}/?theme=dark`);
    expect(new URL(page.url()).pathname).toBe("/local/");
    await waitForAppSuccess(page);
    expect(await page.locator("body").getAttribute("data-theme")).toBe("dark");
  });

  it("keeps deep links inside the tab", async () => {
    await page.goto(hostUrl(server.baseUrl, { page: "https://example.com/" }));
    await waitForAppSuccess(page);
    expect(new URL((await tabFrame(page)).url()).pathname).toBe("/tab/home");
  });
});
