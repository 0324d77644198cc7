import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import {
  apiAs,
  createEntry,
  demoMemberA,
  demoMemberB,
  demoSteward,
  type EntryJson,
  entryPage,
  messageFixture,
  readEntry,
  saveMessageAsInsight,
} from "./librarySupport.js";
import { openTab, receivedCalls, tabFrame, waitForAppSuccess } from "./localHostPage.js";

/** The search requests the tab sent (the `q` of each), to check search as you type. */
function searchQueries(requests: string[]): string[] {
  return requests
    .map((url) => new URL(url))
    .filter((url) => /\/api\/communities\/[^/]+\/entries$/.test(url.pathname))
    .map((url) => url.searchParams.get("q") ?? "");
}

describe("insight library and entry pages", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let community: string;
  const connector = new ConnectorRecorder();

  const openLibrary = (user = demoSteward.id, extra: { locale?: string } = {}) =>
    openTab(page, server.baseUrl, { user, page: "/tab/library", ...extra });
  const openEntry = (entry: EntryJson, user = demoSteward.id) =>
    openTab(page, server.baseUrl, { user, page: entryPage(community, entry.id) });

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
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser));
    page = await context.newPage();
  });

  it("searches as you type, marks the matches, and opens an entry from the results", async () => {
    const target = await createEntry(server.baseUrl, demoMemberA, community, {
      type: "howto",
      title: "Trace column lineage before you drop a field",
      body: "Run the **lineage** report first: every dashboard that reads the column shows up.\n\n- export the report\n- ask the owners",
      tags: ["lineage", "governance"],
    });
    await createEntry(server.baseUrl, demoSteward, community, {
      type: "insight",
      title: "Small batches make backfills safe",
      body: "Backfill a day at a time and compare row counts.",
    });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));

    const tab = await openLibrary();
    await tab.getByRole("heading", { level: 1, name: "Insight library" }).waitFor();
    await tab.getByText("Data Community", { exact: true }).waitFor();
    await tab.locator("article").first().waitFor();

    await tab
      .getByRole("searchbox", { name: "Search the library" })
      .pressSequentially("lineage", { delay: 40 });
    await tab
      .getByTestId("result-count")
      .filter({ hasText: /^1 entry$/ })
      .waitFor();
    const card = tab.locator(`article[data-entry-id="${target.id}"]`);
    expect(await card.locator("h3 mark").allTextContents()).toEqual(["lineage"]);
    expect(
      (await card.getByTestId("result-snippet").locator("mark").allTextContents()).length,
    ).toBeGreaterThan(0);
    expect(await tab.locator("article").count()).toBe(1);

    // One request per pause, not per key: never a half-typed word, and far fewer than 7 keystrokes.
    const typed = searchQueries(requests).filter((q) => q !== "");
    expect(typed.at(-1)).toBe("lineage");
    expect(typed.length).toBeLessThan(4);

    await card.getByRole("link", { name: "Trace column lineage before you drop a field" }).click();
    await tab
      .getByRole("heading", { level: 1, name: "Trace column lineage before you drop a field" })
      .waitFor();
    expect(await tab.getByTestId("entry-body").locator("strong").textContent()).toBe("lineage");
    expect(await tab.getByTestId("entry-body").locator("li").count()).toBe(2);
    await tab.getByText(`Written by ${demoMemberA.displayName}`).waitFor();
    await tab.getByText("How-to", { exact: true }).waitFor();

    // Back to the library: the search is still there (it lives in the URL).
    await tab.getByRole("link", { name: "Back to the library" }).click();
    expect(await tab.getByRole("searchbox", { name: "Search the library" }).inputValue()).toBe("lineage");
  });

  it("filters by type, tag, author and verification, sorts, and pages with Load more", async () => {
    const tag = "paging-e2e";
    for (let i = 1; i <= 23; i++) {
      await createEntry(server.baseUrl, i % 2 ? demoMemberA : demoMemberB, community, {
        type: i <= 3 ? "decision" : "insight",
        title: `Paging check number ${String(i).padStart(2, "0")}`,
        body: `Entry ${i} of the paging check.`,
        tags: [tag],
      });
    }
    const tab = await openLibrary();
    await tab.getByRole("button", { name: /^Filters/ }).click();
    await tab.getByRole("textbox", { name: "Tag" }).fill(tag);
    await tab
      .getByTestId("result-count")
      .filter({ hasText: /^23 entries$/ })
      .waitFor();
    expect(await tab.getByTestId("results-shown").textContent()).toBe("Showing 20 of 23");
    expect(await tab.locator("article").count()).toBe(20);

    await tab.getByRole("button", { name: "Load more" }).click();
    await tab.getByTestId("results-shown").filter({ hasText: "Showing 23 of 23" }).waitFor();
    expect(await tab.locator("article").count()).toBe(23);
    expect(await tab.getByRole("button", { name: "Load more" }).count()).toBe(0);

    await tab.getByRole("combobox", { name: "Sort by" }).selectOption("newest");
    await tab.locator("article h3").first().filter({ hasText: "number 23" }).waitFor();

    await tab.getByRole("combobox", { name: "Type" }).selectOption("decision");
    await tab
      .getByTestId("result-count")
      .filter({ hasText: /^3 entries$/ })
      .waitFor();

    // "by …" on a card narrows to that author; the chip says so and removes the filter again.
    await tab.getByRole("combobox", { name: "Type" }).selectOption("");
    await tab
      .getByTestId("result-count")
      .filter({ hasText: /^23 entries$/ })
      .waitFor();
    await tab
      .getByRole("button", { name: `Show entries by ${demoMemberB.displayName}` })
      .first()
      .click();
    await tab
      .getByTestId("result-count")
      .filter({ hasText: /^11 entries$/ })
      .waitFor();
    await tab.getByText(`By ${demoMemberB.displayName}`, { exact: true }).waitFor();
    await tab
      .getByRole("button", { name: `Remove the filter for entries by ${demoMemberB.displayName}` })
      .click();
    await tab
      .getByTestId("result-count")
      .filter({ hasText: /^23 entries$/ })
      .waitFor();

    await tab.getByRole("combobox", { name: "Verification" }).selectOption("true");
    await tab.getByRole("heading", { level: 2, name: "No entries match these filters" }).waitFor();
    await tab.getByRole("button", { name: "Clear filters" }).first().click();
    expect(await tab.getByRole("textbox", { name: "Tag" }).inputValue()).toBe("");

    // The date range, typed as ISO into the date pickers: nothing was added after tomorrow, and an
    // "until" before the "from" is refused with a message instead of being applied.
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await tab.getByRole("combobox", { name: "Added from" }).fill(inDays(2));
    await page.keyboard.press("Tab");
    await tab.getByRole("heading", { level: 2, name: "No entries match these filters" }).waitFor();
    const until = tab.getByRole("combobox", { name: "Added until" });
    await until.fill(inDays(1));
    await page.keyboard.press("Tab");
    await tab.getByText(`Pick ${inDays(2)} or later.`).waitFor();
    expect(new URL(tab.url()).searchParams.get("to")).toBeNull();
    await tab.getByRole("button", { name: "Clear filters" }).first().click();
    await tab
      .getByTestId("result-count")
      .filter({ hasText: /entries$/ })
      .waitFor();
    expect(await tab.getByRole("combobox", { name: "Added from" }).inputValue()).toBe("");
  });

  it("offers the next step when nothing matches, and when the library is empty", async () => {
    let tab = await openLibrary();
    await tab.getByRole("searchbox", { name: "Search the library" }).fill("xylophonequartz");
    await tab.getByRole("heading", { level: 2, name: "Nothing matches “xylophonequartz”" }).waitFor();
    await tab.getByRole("button", { name: "Write a new entry" }).last().click();
    await tab.getByRole("heading", { level: 1, name: "Write a new entry" }).waitFor();

    const created = await apiAs(server.baseUrl, demoSteward, "POST", "/communities", {
      name: "Empty Library Circle",
      purpose: "A community with nothing saved yet.",
    });
    const emptyCommunity = (created.body as { id: string }).id;
    await page.goto(
      `${server.baseUrl}/local/?${new URLSearchParams({ user: demoSteward.id, entityId: emptyCommunity, page: "/tab/library" })}`,
    );
    await waitForAppSuccess(page);
    tab = await tabFrame(page);
    await tab.getByRole("heading", { level: 2, name: "Nothing in the library yet" }).waitFor();
    await tab.getByText("choose Save as insight").waitFor();
    await tab.getByRole("button", { name: "Write the first entry" }).click();
    await tab.getByRole("heading", { level: 1, name: "Write a new entry" }).waitFor();
  });

  it("shows an error with Retry when the search fails, and recovers", async () => {
    await context.route("**/api/communities/*/entries?*", (route) => route.abort("connectionrefused"));
    const tab = await openLibrary();
    await tab.getByText("Couldn't search the library").waitFor();
    await tab.getByText("PeerCircle can't be reached right now").waitFor();
    await context.unroute("**/api/communities/*/entries?*");
    await tab.getByRole("button", { name: "Retry" }).click();
    await tab.getByTestId("result-count").waitFor();
  });

  it("writes a new entry: per-field messages from the API, nothing typed lost, then the entry page", async () => {
    const tab = await openLibrary(demoMemberA.id);
    await tab.getByRole("button", { name: "Write a new entry" }).first().click();
    await tab.getByRole("heading", { level: 1, name: "Write a new entry" }).waitFor();

    await tab.getByRole("button", { name: "Save entry" }).click();
    await tab.getByText("Give the entry a title of at least 3 characters.").waitFor();
    await tab.getByText("There is nothing to save: write what you learned.").waitFor();

    const longTag = "x".repeat(45);
    await tab.getByRole("combobox", { name: "Type" }).selectOption("lesson");
    await tab.getByRole("textbox", { name: "Title" }).fill("Retire dashboards nobody opens");
    await tab.getByRole("textbox", { name: "Text" }).fill("Check the **view counts** each quarter.");
    await tab
      .getByRole("textbox", { name: "Summary (optional)" })
      .fill("Quarterly clean-up keeps trust high.");
    await tab.getByRole("textbox", { name: "Tags (optional)" }).fill(`dashboards, ${longTag}`);
    await tab.getByRole("button", { name: "Save entry" }).click();

    // The server's message sits under the field it is about; everything typed is still there.
    await tab.getByText("A tag can be at most 40 characters.").waitFor();
    await tab.getByText("Everything you typed is still here.").waitFor();
    expect(await tab.getByRole("textbox", { name: "Title" }).inputValue()).toBe(
      "Retire dashboards nobody opens",
    );
    expect(await tab.getByRole("textbox", { name: "Text" }).inputValue()).toBe(
      "Check the **view counts** each quarter.",
    );
    expect(await tab.getByRole("combobox", { name: "Type" }).inputValue()).toBe("lesson");

    await tab.getByRole("textbox", { name: "Tags (optional)" }).fill("dashboards, hygiene");
    await tab.getByRole("button", { name: "Save entry" }).click();
    await tab.getByRole("heading", { level: 1, name: "Retire dashboards nobody opens" }).waitFor();
    expect(await tab.getByTestId("entry-body").locator("strong").textContent()).toBe("view counts");
    await tab.getByText("Lesson learned", { exact: true }).waitFor();
    await tab.getByText("Quarterly clean-up keeps trust high.").waitFor();
    expect(await tab.getByRole("list", { name: "Tags" }).getByRole("listitem").allTextContents()).toEqual([
      "dashboards",
      "hygiene",
    ]);

    const entryId = new URL(tab.url()).pathname.split("/").at(-1) ?? "";
    const stored = await readEntry(server.baseUrl, demoMemberB, community, entryId);
    expect(stored).toMatchObject({ title: "Retire dashboards nobody opens", author: { id: demoMemberA.id } });
  });

  it("counts a helpful vote at once; it survives a reload and another person sees it", async () => {
    const entry = await createEntry(server.baseUrl, demoSteward, community, {
      type: "insight",
      title: "Name tables after the business event",
      body: "orders_placed beats tbl_ord_2.",
    });
    let tab = await openEntry(entry, demoMemberA.id);
    const button = tab.getByTestId("helpful-button");
    // Before the first vote the button says "Helpful", with no count glued to it ("Helpful ·0").
    expect(await button.textContent()).toBe("Helpful");
    expect(await tab.getByTestId("helpful-count").count()).toBe(0);
    expect(await button.getAttribute("aria-pressed")).toBe("false");

    await button.click();
    expect(await tab.getByTestId("helpful-count").textContent()).toBe("1");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await expect
      .poll(async () => (await readEntry(server.baseUrl, demoMemberB, community, entry.id)).helpfulCount)
      .toBe(1);

    await page.reload();
    await waitForAppSuccess(page);
    tab = await tabFrame(page);
    await tab.getByTestId("helpful-count").filter({ hasText: /^1$/ }).waitFor();
    expect(await tab.getByTestId("helpful-button").getAttribute("aria-pressed")).toBe("true");

    const other = await context.browser()?.newContext();
    if (!other) throw new Error("no browser");
    try {
      const otherPage = await other.newPage();
      const otherTab = await openTab(otherPage, server.baseUrl, {
        user: demoMemberB.id,
        page: entryPage(community, entry.id),
      });
      await otherTab.getByTestId("helpful-count").filter({ hasText: /^1$/ }).waitFor();
      expect(await otherTab.getByTestId("helpful-button").getAttribute("aria-pressed")).toBe("false");
    } finally {
      await other.close();
    }
  });

  it("rolls a helpful vote back and says so when the server refuses it", async () => {
    const entry = await createEntry(server.baseUrl, demoSteward, community, {
      type: "insight",
      title: "Vote rollback check",
      body: "Body.",
    });
    const tab = await openEntry(entry, demoMemberA.id);
    await context.route("**/vote", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: '{"error":{"code":"internal","message":"broken"}}',
      }),
    );
    await tab.getByTestId("helpful-button").click();
    await tab.getByText("Your vote wasn't saved. Try again.").waitFor();
    expect(await tab.getByTestId("helpful-count").count()).toBe(0);
    expect(await tab.getByTestId("helpful-button").getAttribute("aria-pressed")).toBe("false");
  });

  it("says PeerCircle is temporarily unavailable when storage is away (503), and Retry sends the vote again", async () => {
    const entry = await createEntry(server.baseUrl, demoSteward, community, {
      type: "insight",
      title: "Vote during an outage",
      body: "Body.",
    });
    const tab = await openEntry(entry, demoMemberA.id);
    await context.route("**/vote", (route) =>
      route.fulfill({
        status: 503,
        headers: { "retry-after": "5" },
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "storage_unavailable",
            message: "PeerCircle's storage is not answering; try again in a moment.",
          },
        }),
      }),
    );
    await tab.getByTestId("helpful-button").click();
    await tab.getByText("PeerCircle is temporarily unavailable. Try again in a moment.").waitFor();
    // Rolled back: no count shows before the first vote.
    expect(await tab.getByTestId("helpful-count").count()).toBe(0);
    await context.unroute("**/vote");
    await tab.getByRole("button", { name: "Retry" }).click();
    await tab.getByTestId("helpful-button").and(tab.locator("[aria-pressed=true]")).waitFor();
    expect(await tab.getByTestId("helpful-count").textContent()).toBe("1");
    await tab.getByText("PeerCircle is temporarily unavailable").waitFor({ state: "detached" });
  });

  it("edits with a conflict: someone else saved first, the editor keeps their text, reloads theirs, saves", async () => {
    const entry = await createEntry(server.baseUrl, demoMemberA, community, {
      type: "howto",
      title: "Rotate service principal secrets",
      body: "Every 90 days.",
    });
    // The steward starts editing…
    const tab = await openEntry(entry, demoSteward.id);
    await tab.getByRole("button", { name: "Edit" }).click();
    await tab.getByRole("heading", { level: 1, name: "Edit entry" }).waitFor();
    await tab.getByRole("textbox", { name: "Text" }).fill("Every 90 days, and on every leaver.");

    // …while the author saves an edit in their own tab.
    const other = await context.browser()?.newContext();
    if (!other) throw new Error("no browser");
    try {
      const authorPage = await other.newPage();
      const authorTab = await openTab(authorPage, server.baseUrl, {
        user: demoMemberA.id,
        page: entryPage(community, entry.id),
      });
      await authorTab.getByRole("button", { name: "Edit" }).click();
      await authorTab
        .getByRole("textbox", { name: "Title" })
        .fill("Rotate service principal secrets (updated)");
      await authorTab.getByRole("button", { name: "Save changes" }).click();
      await authorTab
        .getByRole("heading", { level: 1, name: "Rotate service principal secrets (updated)" })
        .waitFor();
    } finally {
      await other.close();
    }

    await tab.getByRole("button", { name: "Save changes" }).click();
    await tab.getByText("Someone else edited this entry").waitFor();
    expect(await tab.getByRole("textbox", { name: "Text" }).inputValue()).toBe(
      "Every 90 days, and on every leaver.",
    );

    await tab.getByRole("button", { name: "Load their version" }).click();
    await tab.getByTestId("their-version").getByText("Rotate service principal secrets (updated)").waitFor();
    expect(await tab.getByRole("textbox", { name: "Text" }).inputValue()).toBe(
      "Every 90 days, and on every leaver.",
    );

    await tab.getByRole("button", { name: "Save changes" }).click();
    await tab.getByRole("heading", { level: 1, name: "Rotate service principal secrets" }).waitFor();
    expect(await tab.getByTestId("entry-body").textContent()).toBe("Every 90 days, and on every leaver.");
    const history = tab.getByTestId("entry-history").getByRole("listitem");
    await expect.poll(() => history.count()).toBe(2);
    const stored = await readEntry(server.baseUrl, demoMemberB, community, entry.id);
    expect(stored.body).toBe("Every 90 days, and on every leaver.");
  });

  it("lets a steward verify with a review-by date and remove it; members see the badge; a passed date is flagged", async () => {
    const entry = await createEntry(server.baseUrl, demoMemberA, community, {
      type: "decision",
      title: "We standardise on Parquet",
      body: "Columnar, typed, and every engine reads it.",
    });
    const memberTab = await openEntry(entry, demoMemberB.id);
    await memberTab.getByRole("heading", { level: 1, name: "We standardise on Parquet" }).waitFor();
    expect(await memberTab.getByRole("button", { name: "Verify" }).count()).toBe(0);
    expect(await memberTab.getByRole("button", { name: "Delete" }).count()).toBe(0);
    expect(await memberTab.getByRole("button", { name: "Edit" }).count()).toBe(0);

    const tab = await openEntry(entry, demoSteward.id);
    await tab.getByRole("button", { name: "Verify" }).click();
    const dialog = tab.getByRole("dialog", { name: "Verify this entry" });
    // Typed as ISO, then changed in the date picker's calendar, which opens over the dialog on the
    // typed month.
    const reviewBy = dialog.getByRole("combobox", { name: "Review by (optional)" });
    await reviewBy.fill("2099-06-30");
    await page.keyboard.press("Tab");
    await tab.getByRole("button", { name: "Choose a date: Review by (optional)" }).click();
    await tab
      .getByRole("dialog", { name: "Review by (optional)" })
      .getByRole("button", { name: "28, June, 2099" })
      .click();
    // The dialog leaves the accessibility tree while the calendar is open: poll until it is back.
    await expect.poll(() => reviewBy.inputValue()).toBe("2099-06-28");
    await dialog.getByRole("button", { name: "Verify entry" }).click();
    await tab.getByTestId("verified-badge").waitFor();
    await tab.getByTestId("verification").getByText(`Verified by ${demoSteward.displayName}`).waitFor();
    await tab.getByText("Review by Jun 28, 2099").waitFor();
    expect((await readEntry(server.baseUrl, demoMemberB, community, entry.id)).verification?.reviewBy).toBe(
      "2099-06-28",
    );

    await tab.getByRole("button", { name: "Remove verification" }).click();
    await tab.getByRole("button", { name: "Verify" }).waitFor();
    expect(await tab.getByTestId("verified-badge").count()).toBe(0);

    const verified = await apiAs(
      server.baseUrl,
      demoSteward,
      "PUT",
      `/communities/${community}/entries/${entry.id}/verification`,
      {
        reviewBy: "2020-01-31",
      },
    );
    expect(verified.status).toBe(200);
    await page.reload();
    await waitForAppSuccess(page);
    const reloaded = await tabFrame(page);
    await reloaded.getByTestId("stale-badge").waitFor();
    await reloaded.getByText("Its review date has passed").waitFor();
  });

  it("deletes an entry after asking, and the library says so", async () => {
    const entry = await createEntry(server.baseUrl, demoMemberA, community, {
      type: "insight",
      title: "Temporary entry to delete",
      body: "Soon gone.",
    });
    const tab = await openEntry(entry, demoMemberA.id);
    await tab.getByRole("button", { name: "Delete" }).click();
    const dialog = tab.getByRole("dialog", { name: "Delete this entry?" });
    await dialog.getByText("“Temporary entry to delete”").waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(
      (await apiAs(server.baseUrl, demoMemberA, "GET", `/communities/${community}/entries/${entry.id}`))
        .status,
    ).toBe(200);

    await tab.getByRole("button", { name: "Delete" }).click();
    await tab.getByRole("dialog").getByRole("button", { name: "Delete entry" }).click();
    await tab.getByRole("heading", { level: 1, name: "Insight library" }).waitFor();
    await tab.getByText("The entry was deleted.").waitFor();
    // The dialog closed before the page changed: nothing of the tab is left hidden from screen readers
    // (the section tabs' Tabster focus helpers are aria-hidden by design; PLATFORM.md, "Browser tests").
    await tab.getByRole("navigation", { name: "Community sections" }).waitFor();
    expect(
      await tab
        .locator("#root[aria-hidden], #root [aria-hidden='true']:not(svg):not([data-tabster-dummy])")
        .count(),
    ).toBe(0);
    const gone = await apiAs(
      server.baseUrl,
      demoMemberA,
      "GET",
      `/communities/${community}/entries/${entry.id}`,
    );
    expect(gone.status).toBe(404);
  });

  it("opens the original Teams message through teams-js and lets its author ask for removal", async () => {
    const fixture = messageFixture("plain-tip");
    const author = (fixture.messagePayload.from as { user: { id: string; displayName: string } }).user;
    const entryId = await saveMessageAsInsight(server.baseUrl, connector.serviceUrl, demoSteward, fixture);
    const stored = await readEntry(server.baseUrl, demoSteward, community, entryId);
    expect(stored.author.id).toBe(author.id);

    const tab = await openTab(page, server.baseUrl, { user: author.id, page: entryPage(community, entryId) });
    await tab.getByText(`Written by ${author.displayName}`).waitFor();
    await tab.getByText(`Saved by ${demoSteward.displayName}`).waitFor();
    await tab.getByRole("link", { name: "Open original message" }).click();
    await expect.poll(() => receivedCalls(page)).toContain(`executeDeepLink ${stored.source.link}`);

    // The author did not save it: they may edit it and ask for its removal, not delete it.
    expect(await tab.getByRole("button", { name: "Delete" }).count()).toBe(0);
    await tab.getByRole("button", { name: "Ask for removal" }).click();
    await tab.getByRole("dialog").getByRole("button", { name: "Ask for removal" }).click();
    await tab
      .getByTestId("removal-requested")
      .getByText(`${author.displayName} asked for this entry to be removed.`)
      .waitFor();
    expect(await tab.getByRole("button", { name: "Ask for removal" }).count()).toBe(0);
  });

  it("shows the library in German with German number and date formats", async () => {
    await createEntry(server.baseUrl, demoSteward, community, {
      type: "qa",
      title: "Warum Zeitstempel in UTC speichern?",
      body: "Weil Sommerzeit sonst Daten verdoppelt.",
    });
    const tab = await openLibrary(demoSteward.id, { locale: "de-DE" });
    await tab.getByRole("heading", { level: 1, name: "Wissensbibliothek" }).waitFor();
    await tab.getByRole("searchbox", { name: "Bibliothek durchsuchen" }).fill("Zeitstempel");
    await tab
      .getByTestId("result-count")
      .filter({ hasText: /^1 Eintrag$/ })
      .waitFor();
    const card = tab.locator("article").first();
    await card.getByText("Frage & Antwort").waitFor();
    await card.getByText("0 fanden es hilfreich").waitFor();
    const today = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium" }).format(new Date());
    await card.getByText(today, { exact: true }).waitFor();
    await tab.getByRole("button", { name: "Neuen Eintrag schreiben" }).waitFor();
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe("de-DE");
  });

  it("opens the entry a Teams deep link names (subEntityId) from the tab's generic URL", async () => {
    const entry = await createEntry(server.baseUrl, demoSteward, community, {
      type: "playbook",
      title: "Incident checklist for broken pipelines",
      body: "1. Freeze deploys\n2. Page the owner",
    });
    const tab = await openTab(page, server.baseUrl, {
      user: demoMemberB.id,
      page: "/tab/home",
      subEntityId: `entry:${community}:${entry.id}`,
    });
    await tab.getByRole("heading", { level: 1, name: "Incident checklist for broken pipelines" }).waitFor();
    expect(new URL(tab.url()).pathname).toBe(entryPage(community, entry.id));
    // The home page is still reachable: the deep link is not applied again.
    await tab.getByRole("link", { name: "Back to the library" }).click();
    await tab.getByRole("link", { name: "Community home" }).click();
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
  });

  it("goes from the community home to the library", async () => {
    const tab = await openTab(page, server.baseUrl, { user: demoMemberA.id });
    await tab.getByRole("link", { name: "Open the insight library" }).click();
    await tab.getByRole("heading", { level: 1, name: "Insight library" }).waitFor();
  });

  it("fits the library and an entry in the 280 px side panel without horizontal scrolling", async () => {
    const entry = await createEntry(server.baseUrl, demoSteward, community, {
      type: "howto",
      title: "A very long title with averyveryveryverylongunbrokenidentifier_in_it to wrap",
      body: "| column one | column two | column three |\n| - | - | - |\n| https://example.com/a/very/long/path/that/does/not/break | b | c |\n\n```\nselect a_very_long_column_name, another_very_long_column_name from a_table_with_a_long_name;\n```",
      tags: ["side-panel"],
    });
    const fits = async (tab: Frame) =>
      tab.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

    let tab = await openTab(page, server.baseUrl, { frame: "sidePanel", page: "/tab/library" });
    await tab.locator("article").first().waitFor();
    await tab.getByRole("button", { name: /^Filters/ }).click();
    expect(await fits(tab)).toBe(true);

    tab = await openTab(page, server.baseUrl, { frame: "sidePanel", page: entryPage(community, entry.id) });
    await tab.getByTestId("entry-body").locator("table").waitFor();
    expect(await tab.evaluate(() => window.innerWidth)).toBe(280);
    expect(await fits(tab)).toBe(true);
  });
});
