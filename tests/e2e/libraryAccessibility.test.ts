import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { apiAs, createEntry, demoMemberA, demoSteward, type EntryJson, entryPage } from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

const TAB_FRAME = "#tab-frame";
// Fluent's focus helpers are aria-hidden yet focusable by design (PLATFORM.md); nothing else is excluded.
const TABSTER_DUMMY = "[data-tabster-dummy]";
const THEMES = ["default", "dark", "contrast"] as const;

function seriousViolations(results: AxeResults): string[] {
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`));
}

/** True when axe checked nodes inside the tab's frame and ran the colour-contrast rule there. */
function checkedInsideFrame(results: AxeResults): boolean {
  return results.passes.some(
    (rule) => rule.id === "color-contrast" && rule.nodes.some((node) => node.target.length > 1),
  );
}

describe("accessibility of the library and entry pages (axe)", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let entry: EntryJson;

  const scan = () =>
    new AxeBuilder({ page }).include(TAB_FRAME).exclude([TAB_FRAME, TABSTER_DUMMY]).analyze();

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    // An entry that shows most of what the page can: badges, a passed review date, markdown with a
    // table, code, a quote and a link, tags, a related entry and an edit in its history.
    entry = await createEntry(server.baseUrl, demoMemberA, server.demoCommunityId, {
      type: "howto",
      title: "Partition pipeline tables",
      body: "## Why\n\nQueries read **one day**, not the year.\n\n> Measured on the orders table.\n\n| table | partition |\n| - | - |\n| orders | event_date |\n\n```sql\nalter table orders partition by event_date;\n```\n\nSee [the guide](https://learn.microsoft.com/azure).",
      summary: "Partition by the date you filter on.",
      tags: ["pipelines"],
    });
    await createEntry(server.baseUrl, demoSteward, server.demoCommunityId, {
      type: "lesson",
      title: "Pipeline tables without a partition got slow",
      body: "We learned it the hard way.",
      tags: ["pipelines"],
    });
    const route = `/communities/${server.demoCommunityId}/entries/${entry.id}`;
    await apiAs(server.baseUrl, demoSteward, "PUT", `${route}/verification`, { reviewBy: "2020-01-31" });
    const current = (await apiAs(server.baseUrl, demoSteward, "GET", route)).body as EntryJson;
    await apiAs(
      server.baseUrl,
      demoSteward,
      "PATCH",
      route,
      { summary: "Partition by the date you filter on!" },
      {
        "If-Match": current.etag,
      },
    );
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

  it.each(THEMES)(
    "library with highlighted results and open filters: none serious or critical (%s theme)",
    async (theme) => {
      const tab = await openTab(page, server.baseUrl, { theme, page: "/tab/library" });
      await tab.getByRole("searchbox", { name: "Search the library" }).fill("pipeline");
      await tab.locator("article mark").first().waitFor();
      await tab.getByRole("button", { name: /^Filters/ }).click();
      await tab.getByRole("combobox", { name: "Type" }).waitFor();
      const results = await scan();
      expect(checkedInsideFrame(results)).toBe(true);
      expect(seriousViolations(results)).toEqual([]);
    },
  );

  it.each(THEMES)("entry page (steward's view): none serious or critical (%s theme)", async (theme) => {
    const tab = await openTab(page, server.baseUrl, {
      theme,
      page: entryPage(server.demoCommunityId, entry.id),
    });
    await tab.getByRole("heading", { level: 1, name: "Partition pipeline tables" }).waitFor();
    await tab.getByTestId("stale-badge").waitFor();
    await tab.getByTestId("related-entries").getByRole("link").first().waitFor();
    await tab.getByTestId("entry-history").getByRole("listitem").first().waitFor();
    const results = await scan();
    expect(checkedInsideFrame(results)).toBe(true);
    expect(seriousViolations(results)).toEqual([]);
  });

  it("the verify dialog: none serious or critical", async () => {
    const tab = await openTab(page, server.baseUrl, { page: entryPage(server.demoCommunityId, entry.id) });
    await tab.getByRole("button", { name: "Remove verification" }).click();
    await tab.getByRole("button", { name: "Verify" }).click();
    await tab.getByRole("dialog", { name: "Verify this entry" }).waitFor();
    const results = await scan();
    expect(seriousViolations(results)).toEqual([]);
  });

  it("the new-entry form with server messages: none serious or critical (dark theme)", async () => {
    const tab = await openTab(page, server.baseUrl, { theme: "dark", page: "/tab/library/new" });
    await tab.getByRole("button", { name: "Save entry" }).click();
    await tab.getByText("Give the entry a title of at least 3 characters.").waitFor();
    const results = await scan();
    expect(seriousViolations(results)).toEqual([]);
  });
});
