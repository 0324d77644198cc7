import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import {
  apiAs,
  demoMemberA,
  demoSteward,
  messageFixture,
  type Person,
  saveMessageAsInsight,
} from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

const TAB_FRAME = "#tab-frame";
// Fluent's focus helpers are aria-hidden yet focusable by design (PLATFORM.md); nothing else is excluded.
const TABSTER_DUMMY = "[data-tabster-dummy]";
const THEMES = ["default", "dark", "contrast"] as const;
const REVIEW_PAGE = "/tab/library/removal-requests";

function seriousViolations(results: AxeResults): string[] {
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`));
}

describe("stewards' review of removal requests", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let community: string;
  let messageNumber = 1791400000000;
  const connector = new ConnectorRecorder();

  /**
   * `author` posted a message, the steward saved it as an insight (through the bot, as Teams sends
   * it), and `author` asked for its removal. Returns the entry's id.
   */
  async function requestedEntry(title: string, reason?: string, author: Person = demoMemberA) {
    const fixture = messageFixture("plain-tip");
    messageNumber += 1;
    const id = await saveMessageAsInsight(server.baseUrl, connector.serviceUrl, demoSteward, {
      name: title,
      messagePayload: {
        ...fixture.messagePayload,
        id: String(messageNumber),
        from: { user: { userIdentityType: "aadUser", id: author.id, displayName: author.displayName } },
        body: { contentType: "html", content: `<p>${title}</p>` } as { content: string },
      },
    });
    const asked = await apiAs(
      server.baseUrl,
      author,
      "POST",
      `/communities/${community}/entries/${id}/removal-request`,
      reason ? { reason } : {},
    );
    if (asked.status !== 200) throw new Error(`asking for removal answered ${asked.status}`);
    return id;
  }

  /** Decides every waiting request through the API, so each test starts from its own requests. */
  async function clearRequests() {
    const { body } = await apiAs(
      server.baseUrl,
      demoSteward,
      "GET",
      `/communities/${community}/removal-requests?limit=50`,
    );
    for (const request of (body as { items: { entryId: string }[] }).items)
      await apiAs(
        server.baseUrl,
        demoSteward,
        "DELETE",
        `/communities/${community}/entries/${request.entryId}`,
      );
  }

  const entryStatus = async (id: string) =>
    apiAs(server.baseUrl, demoSteward, "GET", `/communities/${community}/entries/${id}`);

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    community = server.demoCommunityId;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await connector.stop();
  });

  beforeEach(async () => {
    await clearRequests();
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser));
    page = await context.newPage();
  });

  it("shows stewards a badge with the count; they keep one entry and delete another", async () => {
    const keepId = await requestedEntry(
      "Rotate the warehouse keys every quarter",
      "I wrote this in a hurry.",
    );
    const deleteId = await requestedEntry("Share the staging password in the channel");

    // A member sees no review button; the steward sees it with the count.
    let tab = await openTab(page, server.baseUrl, { user: demoMemberA.id, page: "/tab/library" });
    await tab.getByRole("heading", { level: 1, name: "Insight library" }).waitFor();
    await tab.getByRole("button", { name: "Write a new entry" }).waitFor();
    expect(await tab.getByTestId("removal-requests-button").count()).toBe(0);

    tab = await openTab(page, server.baseUrl, { page: "/tab/library" });
    const open = tab.getByRole("button", { name: "Removal requests: 2 waiting" });
    await open.waitFor();
    expect(await tab.getByTestId("removal-requests-count").textContent()).toBe("2");
    await open.click();

    await tab.getByRole("heading", { level: 1, name: "Removal requests" }).waitFor();
    const cards = tab.getByTestId("removal-request");
    await cards.first().waitFor();
    // Newest request first, with who asked and why.
    expect(await cards.locator("h2").allTextContents()).toEqual([
      "Share the staging password in the channel",
      "Rotate the warehouse keys every quarter",
    ]);
    const keepCard = cards.filter({ hasText: "Rotate the warehouse keys" });
    await keepCard.getByText("I wrote this in a hurry.").waitFor();
    await keepCard.getByText(new RegExp(`${demoMemberA.displayName} asked on`)).waitFor();
    await cards.filter({ hasText: "staging password" }).getByText("No reason given.").waitFor();
    expect(await keepCard.getByRole("link").getAttribute("href")).toContain(encodeURIComponent(keepId));

    // Keep: no dialog, the card leaves at once, the entry returns to search.
    await tab
      .getByRole("button", { name: "Keep “Rotate the warehouse keys every quarter” in the library" })
      .click();
    await tab
      .getByText("Kept “Rotate the warehouse keys every quarter”. It's back in the library's search.")
      .waitFor();
    expect(await cards.count()).toBe(1);
    const kept = await entryStatus(keepId);
    expect((kept.body as { removalRequestedBy?: unknown }).removalRequestedBy).toBeUndefined();

    // Delete asks first; cancelling changes nothing.
    const deleteButton = tab.getByRole("button", {
      name: "Delete “Share the staging password in the channel”",
    });
    await deleteButton.click();
    const dialog = tab.getByRole("dialog", { name: "Delete this entry?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await entryStatus(deleteId)).status).toBe(200);
    await deleteButton.click();
    await dialog.getByRole("button", { name: "Delete entry" }).click();
    await tab.getByText("Deleted “Share the staging password in the channel”.").waitFor();
    await tab.getByRole("heading", { name: "No removal requests — nothing to review" }).waitFor();
    expect((await entryStatus(deleteId)).status).toBe(404);

    // Back in the library: the kept entry is found, and the badge has gone.
    await tab.getByRole("link", { name: "Back to the library" }).first().click();
    await tab.getByRole("searchbox", { name: "Search the library" }).fill("warehouse keys");
    await tab.locator("article").filter({ hasText: "Rotate the warehouse keys" }).waitFor();
    await tab.getByRole("button", { name: "Removal requests", exact: true }).waitFor();
    expect(await tab.getByTestId("removal-requests-count").count()).toBe(0);
  });

  it("puts a request back and says what to do when the server refuses the decision", async () => {
    await requestedEntry("Cache the lookup tables in memory", "Outdated.");
    let failNext = true;
    await page.route(
      (url) => url.pathname.endsWith("/removal-request"),
      async (route) => {
        if (route.request().method() === "DELETE" && failNext) {
          failNext = false;
          return route.fulfill({ status: 500, contentType: "application/json", body: "{}" });
        }
        return route.fallback();
      },
    );
    const tab = await openTab(page, server.baseUrl, { page: REVIEW_PAGE });
    const keep = tab.getByRole("button", { name: "Keep “Cache the lookup tables in memory” in the library" });
    await keep.click();
    const alert = tab
      .getByRole("alert")
      .filter({ hasText: "Couldn't keep “Cache the lookup tables in memory”." });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Check your connection and try again.");
    // Rolled back: the request is on the list again, and a second try works.
    await keep.click();
    await tab
      .getByText("Kept “Cache the lookup tables in memory”. It's back in the library's search.")
      .waitFor();
    expect(await tab.getByRole("alert").count()).toBe(0);
  });

  it("shows a loading skeleton, then the empty state, in German too", async () => {
    await page.route(
      (url) => url.pathname.endsWith("/removal-requests"),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        return route.fallback();
      },
    );
    const tab = await openTab(page, server.baseUrl, { page: REVIEW_PAGE, locale: "de-DE" });
    await tab.getByRole("status", { name: "Entfernungsanfragen werden geladen …" }).waitFor();
    await tab.getByRole("heading", { level: 1, name: "Entfernungsanfragen" }).waitFor();
    await tab.getByRole("heading", { name: "Keine Entfernungsanfragen – nichts zu prüfen" }).waitFor();
  });

  it("tells a member the review is for stewards", async () => {
    const tab = await openTab(page, server.baseUrl, { user: demoMemberA.id, page: REVIEW_PAGE });
    await tab.getByRole("heading", { level: 1, name: "Only stewards review removal requests" }).waitFor();
  });

  it("fits the 280 px side panel without horizontal scrolling", async () => {
    await requestedEntry(
      "A long title with averyveryveryverylongunbrokenidentifier_in_it that must wrap",
      "https://example.com/a/very/long/path/that/does/not/break/anywhere/at/all",
    );
    const tab = await openTab(page, server.baseUrl, { frame: "sidePanel", page: REVIEW_PAGE });
    await tab.getByTestId("removal-request").first().waitFor();
    expect(await tab.evaluate(() => window.innerWidth)).toBe(280);
    expect(
      await tab.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
  });

  describe("accessibility (axe)", () => {
    const scan = () =>
      new AxeBuilder({ page }).include(TAB_FRAME).exclude([TAB_FRAME, TABSTER_DUMMY]).analyze();

    it.each(THEMES)(
      "the review with requests and the delete dialog: none serious or critical (%s theme)",
      async (theme) => {
        await requestedEntry("Document the on-call rota in the wiki", "Wrong team.");
        await requestedEntry("Archive dashboards nobody opened this year");
        const tab: Frame = await openTab(page, server.baseUrl, { theme, page: REVIEW_PAGE });
        await tab.getByTestId("removal-request").nth(1).waitFor();
        const list = await scan();
        expect(list.passes.some((rule) => rule.id === "color-contrast")).toBe(true);
        expect(seriousViolations(list)).toEqual([]);

        await tab
          .getByRole("button", { name: "Delete “Archive dashboards nobody opened this year”" })
          .click();
        await tab.getByRole("dialog", { name: "Delete this entry?" }).waitFor();
        expect(seriousViolations(await scan())).toEqual([]);
      },
    );

    it("the empty state: none serious or critical (contrast theme)", async () => {
      const tab = await openTab(page, server.baseUrl, { theme: "contrast", page: REVIEW_PAGE });
      await tab.getByTestId("removal-requests-empty").waitFor();
      expect(seriousViolations(await scan())).toEqual([]);
    });
  });
});
