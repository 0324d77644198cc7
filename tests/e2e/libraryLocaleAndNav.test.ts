import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { createEntry, demoSteward } from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

describe("library page: German and the section navigation", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    for (const title of ["Otter Rückfalltest für Pipelines", "Otter Namensregeln für Tabellen"]) {
      await createEntry(server.baseUrl, demoSteward, server.demoCommunityId, {
        type: "howto",
        title,
        body: `${title}: so machen wir es.`,
        tags: ["otter"],
      });
    }
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

  it("speaks German in a German Teams: headings, labels, counts, navigation", async () => {
    const tab = await openTab(page, server.baseUrl, { page: "/tab/library", locale: "de-DE" });
    await tab.getByRole("heading", { level: 1, name: "Wissensbibliothek" }).waitFor();
    expect(await tab.locator("html").getAttribute("lang")).toBe("de-DE");
    const nav = tab.getByRole("navigation", { name: "Bereiche der Community" });
    expect(await nav.getByRole("tab").count()).toBe(4);
    for (const name of ["Start", "Kalender", "Bibliothek", "Playbooks"])
      expect(await nav.getByRole("tab", { name, exact: true }).count()).toBe(1);
    expect(await nav.getByRole("tab", { name: "Bibliothek" }).getAttribute("aria-selected")).toBe("true");
    await tab.getByRole("button", { name: "Neuen Eintrag schreiben" }).waitFor();

    await tab.getByRole("searchbox", { name: "Bibliothek durchsuchen" }).fill("otter");
    await tab.getByText("2 Einträge", { exact: true }).waitFor();
    await tab.getByRole("link", { name: "Otter Rückfalltest für Pipelines" }).waitFor();
    await tab.getByText(`von ${demoSteward.displayName}`).first().waitFor();
    // No English label is left on the page.
    const text = await tab.locator("main").innerText();
    for (const english of [
      "Insight library",
      "Search the library",
      "Write a new entry",
      "entries",
      "Library",
    ])
      expect(text).not.toContain(english);
  });

  it("the section navigation on the library page moves between sections without reloading", async () => {
    const tab = await openTab(page, server.baseUrl, { page: "/tab/library" });
    await tab.getByRole("heading", { level: 1, name: "Insight library" }).waitFor();
    const nav = tab.getByRole("navigation", { name: "Community sections" });
    expect(await nav.getByRole("tab", { name: "Library" }).getAttribute("aria-selected")).toBe("true");
    await tab.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    await nav.getByRole("tab", { name: "Playbooks" }).click();
    await tab.getByRole("heading", { level: 1, name: "Playbooks" }).waitFor();
    expect(await tab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await nav.getByRole("tab", { name: "Calendar" }).click();
    await tab.getByRole("heading", { level: 1, name: "Session calendar" }).waitFor();
    await nav.getByRole("tab", { name: "Library" }).click();
    await tab.getByRole("heading", { level: 1, name: "Insight library" }).waitFor();
    // Keyboard: arrow keys move along the tabs, Enter opens one.
    await nav.getByRole("tab", { name: "Library" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await tab.getByRole("heading", { level: 1, name: "Playbooks" }).waitFor();
    expect(await tab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
