import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { brokenWords, pageWidth } from "./layoutChecks.js";
import { demoMemberA, demoMemberB, demoSteward } from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

/**
 * "Who I learn with" on My learning (issue 17: members see only their own ties): the first look
 * starts the computation and the section says so, then names who the member learned from and who
 * learned from them, by kind; in German at the side panel's 280 px nothing sticks out.
 */
describe("My learning: who I learn with", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const personal = (user: string, extra: { locale?: string; frame?: "sidePanel" } = {}) => ({
    user,
    page: "/tab/personal",
    entityId: "",
    ...extra,
  });

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    const store = await TableStore.connect(server.config.storage);
    const facts = new TablesEntryRepository(store);
    const at = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const fact = (
      kind: "answered" | "taught" | "paired",
      from: typeof demoSteward,
      to: typeof demoSteward,
      key: string,
    ) =>
      facts.recordInteraction({
        tenantId: org.tenantId.toLowerCase(),
        communityId: server.demoCommunityId,
        kind,
        from,
        to,
        at,
        key,
      });
    // Member A learned from the steward twice (an answer, a micro-teach); member B from member A.
    await fact("answered", demoMemberA, demoSteward, "ties-e2e-1");
    await fact("taught", demoMemberA, demoSteward, "ties-e2e-2");
    await fact("paired", demoMemberB, demoMemberA, "ties-e2e-3");
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

  it("names who I learned from and who learned from me, by kind, once computed", async () => {
    const tab = await openTab(page, server.baseUrl, personal(demoMemberA.id));
    const ties = tab.getByTestId("my-ties");
    await ties.getByRole("heading", { name: "Who I learn with" }).waitFor();
    await ties.getByText("Only you see your own ties", { exact: false }).waitFor();
    // The first look starts the computation; the section asks again until it is stored.
    const learnedFrom = ties.getByTestId("my-ties-learned-from");
    await learnedFrom.getByText(demoSteward.displayName).waitFor({ timeout: 30_000 });
    await learnedFrom.getByText(/1 micro-teach · 1 accepted answer/).waitFor();
    const learners = ties.getByTestId("my-ties-learners");
    await learners.getByText(demoMemberB.displayName).waitFor();
    await learners.getByText(/1 pair conversation/).waitFor();
  });

  it("fits the side panel's 280 px in German", async () => {
    const tab = await openTab(
      page,
      server.baseUrl,
      personal(demoMemberA.id, { locale: "de-DE", frame: "sidePanel" }),
    );
    const ties = tab.getByTestId("my-ties");
    await ties.getByRole("heading", { name: "Mit wem ich lerne" }).waitFor();
    await ties
      .getByTestId("my-ties-learned-from")
      .getByText(/Micro-Teach/)
      .waitFor({ timeout: 30_000 });
    const width = await pageWidth(tab);
    expect(width.clientWidth).toBeLessThanOrEqual(280);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);
    expect((await brokenWords(tab)).filter((w) => /lerne|Verbindung|Personen|Micro/.test(w))).toEqual([]);
  });
});
