import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CommitmentService } from "../../src/domain/commitments/commitmentService.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommitmentRepository } from "../../src/storage/tablesCommitmentRepository.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { brokenWords } from "./layoutChecks.js";
import { apiAs, demoMemberA, demoMemberB, demoSteward, type Person } from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

const TEXT = "Pair with someone from Finance on the next data request";

/** The answer listing my commitments. */
type Listed = { items: [{ id: string; etag: string }, ...{ id: string; etag: string }[]] };

describe("My learning: commitments with status, partners and history; the community's follow-through", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const personal = (user: string) => ({ user, page: "/tab/personal", entityId: "" });

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    const recorder = new CommitmentService(
      new TablesCommitmentRepository(await TableStore.connect(server.config.storage)),
    );
    const commit = (who: Person, text: string, partner: Person) =>
      recorder.recordFromActivity({
        tenantId: org.tenantId.toLowerCase(),
        owner: { id: who.id, displayName: who.displayName },
        communityId: server.demoCommunityId,
        source: {
          activityId: `act-${who.id}`,
          format: "think-pair-share",
          conversationId: "19:meeting_e2e@thread.v2",
        },
        text,
        partners: [{ id: partner.id, displayName: partner.displayName }],
        at: new Date().toISOString(),
      });
    await commit(demoMemberA, TEXT, demoMemberB);
    await commit(demoMemberB, "Write the runbook", demoMemberA);
    const [bens] = ((await apiAs(server.baseUrl, demoMemberB, "GET", "/me/commitments")).body as Listed)
      .items;
    const done = await fetch(`${server.baseUrl}/api/me/commitments/${bens.id}`, {
      method: "PATCH",
      headers: {
        authorization: (await apiAuthorization(demoMemberB)) ?? "",
        "content-type": "application/json",
        "if-match": bens.etag,
      },
      body: JSON.stringify({ status: "done" }),
    });
    expect(done.status).toBe(200);
    browser = await launchBrowser();
  });

  async function apiAuthorization(who: Person) {
    const res = await fetch(`${server.baseUrl}/local/api/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: who.id }),
    });
    return `Bearer ${((await res.json()) as { token: string }).token}`;
  }

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser));
    page = await context.newPage();
  });

  it("lets the owner change the status with a note, and shows it with the history", async () => {
    const tab = await openTab(page, server.baseUrl, personal(demoMemberA.id));
    const item = tab.getByTestId("my-commitment").filter({ hasText: TEXT });
    await item.getByTestId("commitment-status").getByText("Open").waitFor();
    await item.getByText(`Committed with ${demoMemberB.displayName}`).waitFor();
    // Another person's commitment is not here.
    expect(await tab.getByText("Write the runbook").count()).toBe(0);

    await item.getByRole("button", { name: "Update" }).click();
    const dialog = tab.getByRole("dialog", { name: "Update your commitment" });
    await dialog.getByRole("radio", { name: "Partly" }).check();
    await dialog.getByRole("textbox", { name: /Note/ }).fill("Did it once; Finance liked it");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });

    await item.getByTestId("commitment-status").getByText("Partly").waitFor();
    const history = item.getByTestId("commitment-history");
    await history.getByText("Did it once; Finance liked it").waitFor();
    await history.getByText(/^Partly, /).waitFor();
    const results = await new AxeBuilder({ page })
      .include("#tab-frame")
      .exclude(["#tab-frame", "[data-tabster-dummy]"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);
    const stored = ((await apiAs(server.baseUrl, demoMemberA, "GET", "/me/commitments")).body as Listed)
      .items[0];
    expect(stored).toMatchObject({
      status: "partly",
      history: [{ status: "open" }, { status: "partly", note: "Did it once; Finance liked it" }],
    });
  });

  it("fits the 280 px side panel in German", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const tab = await openTab(page, server.baseUrl, {
      ...personal(demoMemberA.id),
      frame: "sidePanel",
      locale: "de-DE",
    });
    const item = tab.getByTestId("my-commitment").filter({ hasText: TEXT });
    await item.getByRole("button", { name: "Aktualisieren" }).waitFor();
    await item.getByText(`Vorgenommen mit ${demoMemberB.displayName}`).waitFor();
    expect(await brokenWords(tab)).toEqual([]);
    const widths = await tab.evaluate(() => ({
      client: document.documentElement.clientWidth,
      scroll: document.documentElement.scrollWidth,
    }));
    expect(widths.client).toBeLessThanOrEqual(280);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });

  it("shows the community its follow-through rate, with no names", async () => {
    const tab = await openTab(page, server.baseUrl, { user: demoSteward.id });
    const card = tab.getByTestId("follow-through");
    await card.getByTestId("follow-through-rate").waitFor();
    // Ben's is done, Ada's partly (the first test): (1 + ½) ÷ 2.
    expect(await card.getByTestId("follow-through-rate").textContent()).toBe(
      "75% of commitments followed through",
    );
    await card.getByText("1 done · 1 partly · 0 dropped · 0 open").waitFor();
    const text = (await card.textContent()) ?? "";
    expect(text).not.toContain(demoMemberA.displayName);
    expect(text).not.toContain(demoMemberB.displayName);
  });
});
