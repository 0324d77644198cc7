import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";
import { openTab, tabFrame, waitForAppSuccess } from "./localHostPage.js";

interface CommunityJson {
  name: string;
  purpose: string;
  domain: string;
  tags: string[];
  privacy: string;
  stewards: { id: string; displayName: string }[];
  memberCount: number;
  isMember: boolean;
}

describe("community home", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** The demo community as the API shows it to one person. */
  async function communityAs(userId: string): Promise<CommunityJson> {
    const token = await tokenFor(server.baseUrl, userId);
    const response = await fetch(`${server.baseUrl}/api/communities/${server.demoCommunityId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET community answered ${response.status}`);
    return (await response.json()) as CommunityJson;
  }

  /** Someone of the synthetic organisation who is not a member of the demo community. */
  async function findNewcomer(): Promise<string> {
    const users = (await fetch(`${server.baseUrl}/local/api/users`).then((r) => r.json())) as {
      id: string;
    }[];
    for (const user of users) if (!(await communityAs(user.id)).isMember) return user.id;
    throw new Error("Everyone in the synthetic organisation is already a member of the demo community.");
  }

  async function memberCountIn(tab: Frame): Promise<number> {
    return Number((await tab.getByTestId("member-count").textContent())?.replace(/\D/g, ""));
  }

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

  it("shows the demo community's name, purpose, domain, topics, stewards, privacy and member count", async () => {
    const defaults = (await fetch(`${server.baseUrl}/local/api/defaults`).then((r) => r.json())) as {
      userId: string;
    };
    const expected = await communityAs(defaults.userId);
    expect(expected.name).toBe("Data Community");

    const tab = await openTab(page, server.baseUrl);
    const home = tab.locator("article");
    await home.getByRole("heading", { level: 1, name: expected.name }).waitFor();
    await home.getByText(expected.purpose).waitFor();
    await home.getByText(expected.domain, { exact: true }).waitFor();
    await home.getByText("Open community").waitFor();
    expect(await memberCountIn(tab)).toBe(expected.memberCount);

    const topics = home.getByRole("region", { name: "Topics" }).getByRole("listitem");
    expect(await topics.allTextContents()).toEqual(expected.tags);
    const stewards = home.getByRole("region", { name: "Stewards" });
    expect(await stewards.getByRole("listitem").count()).toBe(expected.stewards.length);
    for (const steward of expected.stewards) await stewards.getByText(steward.displayName).waitFor();

    // The community and each home section are Fluent Cards that keep their own roles (an article,
    // named regions), not boxes styled by hand.
    expect(await home.getAttribute("class")).toContain("fui-Card");
    expect(await home.getAttribute("role")).toBeNull();
    const section = tab.getByRole("region", { name: "Next sessions" });
    expect(await section.getAttribute("class")).toContain("fui-Card");
    await section
      .locator(".fui-CardHeader")
      .getByRole("heading", { level: 2, name: "Next sessions" })
      .waitFor();
  });

  it("opens the home without the page-loading spinner (the home is not a lazy page)", async () => {
    // A lazy page suspends once even when its chunk is loaded, and React then holds the revealed page
    // back for its fallback throttle (300 ms): the home must never show the page's "Loading…" spinner.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { spinnersSeen: string[] }).spinnersSeen = seen;
      new MutationObserver(() => {
        for (const label of Array.from(document.querySelectorAll(".fui-Spinner__label")))
          if (!seen.includes(label.textContent ?? "")) seen.push(label.textContent ?? "");
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const tab = await openTab(page, server.baseUrl);
    await tab.locator("article").getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    await tab.getByTestId("next-sessions").waitFor();
    const seen = await tab.evaluate(() => (window as unknown as { spinnersSeen: string[] }).spinnersSeen);
    expect(seen).not.toContain("Loading…");
  });

  it("opens on the home with one request for its data (the home's answer carries the community)", async () => {
    const apiReads: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (request.method() === "GET" && url.pathname.startsWith("/api/")) apiReads.push(url.pathname);
    });
    const tab = await openTab(page, server.baseUrl);
    await tab.getByTestId("next-sessions").waitFor();
    await tab.locator("article").getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    expect(apiReads).toEqual([`/api/communities/${server.demoCommunityId}/home`]);
  });

  it("shows the loading placeholders while the home's data is slow, then the home", async () => {
    // The first render waits a moment for the data (Teams' own loading indicator covers the tab);
    // a slow answer must not leave the tab blank.
    await context.route("**/api/communities/*/home", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await page.goto(`${server.baseUrl}/local/?entityId=${server.demoCommunityId}`);
    const tab = await tabFrame(page);
    await tab.getByText("Loading community…").waitFor();
    await tab.locator("article").getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    await tab.getByTestId("next-sessions").waitFor();
  });

  it("still shows the community when its home cannot load, with the home's error and Retry", async () => {
    await context.route("**/api/communities/*/home", (route) => route.abort("connectionrefused"));
    const tab = await openTab(page, server.baseUrl);
    await tab.locator("article").getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    await tab.getByText("Couldn't load the community home").waitFor();
    await context.unroute("**/api/communities/*/home");
    await tab.getByRole("button", { name: "Retry" }).click();
    await tab.getByTestId("next-sessions").waitFor();
  });

  it("lets a person join and leave, and both stick across a reload", async () => {
    const newcomer = await findNewcomer();
    const before = (await communityAs(newcomer)).memberCount;

    let tab = await openTab(page, server.baseUrl, { user: newcomer });
    await tab.getByRole("button", { name: "Join community" }).click();
    await tab.getByRole("button", { name: "Leave community" }).waitFor();
    await tab.getByRole("status").getByText("You joined Data Community.").waitFor();
    expect(await memberCountIn(tab)).toBe(before + 1);

    await page.reload();
    await waitForAppSuccess(page);
    tab = await tabFrame(page);
    await tab.getByRole("button", { name: "Leave community" }).waitFor();
    await tab.getByText("You're a member").waitFor();
    expect(await memberCountIn(tab)).toBe(before + 1);
    expect((await communityAs(newcomer)).isMember).toBe(true);

    await tab.getByRole("button", { name: "Leave community" }).click();
    await tab.getByRole("button", { name: "Join community" }).waitFor();
    expect(await memberCountIn(tab)).toBe(before);

    await page.reload();
    await waitForAppSuccess(page);
    tab = await tabFrame(page);
    await tab.getByRole("button", { name: "Join community" }).waitFor();
    expect(await memberCountIn(tab)).toBe(before);
    expect((await communityAs(newcomer)).isMember).toBe(false);
  });

  it("shows why joining failed and keeps the button usable", async () => {
    const newcomer = await findNewcomer();

    const tab = await openTab(page, server.baseUrl, { user: newcomer });
    await context.route("**/api/communities/*/join", (route) =>
      route.fulfill({
        status: 409,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "conflict", message: "Someone changed this community; try again." },
        }),
      }),
    );
    await tab.getByRole("button", { name: "Join community" }).click();
    await tab.getByText("Someone changed this community; try again.").waitFor();
    await tab.getByText("That didn't work").waitFor();
    expect(await tab.getByRole("button", { name: "Join community" }).isEnabled()).toBe(true);
  });
});
