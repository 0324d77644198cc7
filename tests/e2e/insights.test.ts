import { readFile } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import Papa from "papaparse";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LearningInteraction } from "../../src/domain/library/entryRepository.js";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { apiAs, demoMemberA, demoSteward } from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

const TAB_FRAME = "#tab-frame";
const TABSTER_DUMMY = "[data-tabster-dummy]";
const people = demoPeople(org).map((p) => ({ id: p.id, displayName: p.displayName }));

describe("network insights page", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let peopleInReport = 0;

  /** Opens the page as the steward and waits for the stored report (after the first computation). */
  async function openInsights(params: Parameters<typeof openTab>[2] = {}): Promise<Frame> {
    const tab = await openTab(page, server.baseUrl, { page: "/tab/insights", ...params });
    await tab.getByTestId("figures").waitFor({ timeout: 20_000 });
    return tab;
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    const facts = new TablesEntryRepository(await TableStore.connect(server.config.storage));
    // A chain with a hub: everyone learns from the person before them, the steward from three.
    const at = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const learned = (kind: LearningInteraction["kind"], from: number, to: number) => {
      const a = people[from];
      const b = people[to];
      if (!a || !b) throw new Error("the demo has too few people");
      return facts.recordInteraction({
        tenantId: org.tenantId.toLowerCase(),
        communityId: server.demoCommunityId,
        kind,
        from: a,
        to: b,
        at,
        key: `e2e-${kind}-${from}-${to}`,
      });
    };
    for (let i = 1; i < 8; i++) await learned("paired", i, i - 1);
    await learned("helpful", 0, 5);
    await learned("saved", 0, 6);
    const ready = async () => {
      for (let i = 0; i < 100; i++) {
        const res = await apiAs(
          server.baseUrl,
          demoSteward,
          "GET",
          `/communities/${server.demoCommunityId}/insights?window=90`,
        );
        const body = res.body as { status: string; report?: { people: unknown[] } };
        if (body.status === "ready") return body.report?.people.length ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error("insights were never computed");
    };
    peopleInReport = await ready();
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

  it("shows a steward the figures, the picture, a table of the same people, reasons and suggestions", async () => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const tab = await openInsights();
    await tab.getByRole("heading", { level: 1, name: "Network insights" }).waitFor();
    // Drawn from the layout stored with the report (SVG first, then WebGL): no layout in the page.
    await tab.getByTestId("network-picture").locator("svg, canvas").first().waitFor();
    const canvas = tab.getByTestId("network-picture").locator("canvas").first();
    await canvas.waitFor();
    const drawing = await canvas.elementHandle();
    expect(requested.filter((url) => url.includes("layout.worker"))).toEqual([]);
    const table = tab.getByTestId("network-table");
    await table.waitFor();
    expect(peopleInReport).toBeGreaterThanOrEqual(8);
    expect(await table.locator("tbody tr").count()).toBe(peopleInReport);
    // The chain's last person hangs on the one before: that one's absence cuts the network.
    const middle = people[6]?.displayName ?? "";
    const row = table.locator("tbody tr", { hasText: middle });
    await row.getByText("Their absence would cut the network").waitFor();
    await row.getByRole("button", { name: middle }).click();
    await tab.getByText(`Selected: ${middle}`).waitFor();
    // Selecting recolours the person in the drawn picture; WebGL is not started again.
    expect(await drawing?.evaluate((element) => element.isConnected)).toBe(true);
    expect(await tab.getByTestId("suggestions").getByRole("listitem").count()).toBeGreaterThan(0);
  });

  it("compares the weeks before and after a day the steward picks", async () => {
    const tab = await openInsights();
    const section = tab.getByTestId("before-after");
    const day = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
    await section.getByLabel("A day").fill(day);
    const table = section.getByRole("table", { name: /^Around the week of \d{4}-\d{2}-\d{2}$/ });
    await table.waitFor();
    await table.getByRole("columnheader", { name: "4 weeks before" }).waitFor();
    expect(await table.getByRole("row").count()).toBe(5);
    await table.getByRole("row", { name: /Learning ties/ }).waitFor();
  });

  it("downloads CSV that parses back, and a de-identified CSV without names or ids", async () => {
    const tab = await openInsights();
    const download = async () => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        tab.getByRole("button", { name: "People" }).click(),
      ]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path()) ?? "", "utf8") };
    };
    const named = await download();
    expect(named.name).toBe("insights-90d-people.csv");
    const rows = Papa.parse<Record<string, string>>(named.text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(peopleInReport);
    expect(rows.map((r) => r.name)).toContain(people[6]?.displayName);

    await tab.getByRole("checkbox", { name: "De-identified (no names or ids)" }).check();
    const anonymous = await download();
    expect(anonymous.name).toBe("insights-90d-people-deidentified.csv");
    const anonymousRows = Papa.parse<Record<string, string>>(anonymous.text, {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(anonymousRows).toHaveLength(peopleInReport);
    for (const p of people) {
      expect(anonymous.text).not.toContain(p.id);
      expect(anonymous.text).not.toContain(p.displayName);
    }
  });

  it("tells a member the page is for stewards", async () => {
    const tab = await openTab(page, server.baseUrl, { user: demoMemberA.id, page: "/tab/insights" });
    await tab.getByText("Network insights are for stewards").waitFor();
    expect(await tab.getByTestId("network-table").count()).toBe(0);
  });

  it("in German at 280 px in the dark theme: translated, nothing wider than the panel", async () => {
    const tab = await openInsights({ frame: "sidePanel", locale: "de-DE", theme: "dark" });
    await tab.getByRole("heading", { level: 1, name: "Netzwerk-Einblicke" }).waitFor();
    await tab.getByRole("heading", { level: 2, name: "Das Lernnetzwerk" }).waitFor();
    await tab.getByTestId("network-table").waitFor();
    const layout = await tab.evaluate(() => ({
      clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    expect(layout.clientWidth).toBeLessThanOrEqual(280);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    // The table scrolls sideways in its own frame, and no header runs into the next column
    // ("Vermittlungswert" once did), nor a row grows taller than a few lines of its reasons.
    const table = await tab.getByTestId("network-table").evaluate((el) => ({
      overflowing: Array.from(el.querySelectorAll("th"))
        .filter((th) => th.scrollWidth > th.clientWidth + 1)
        .map((th) => th.textContent),
      tallestRow: Math.max(
        ...Array.from(el.querySelectorAll("tbody tr")).map((tr) => tr.getBoundingClientRect().height),
      ),
    }));
    expect(table.overflowing).toEqual([]);
    expect(table.tallestRow).toBeLessThan(200);
  });

  it.each(["default", "dark", "contrast"] as const)(
    "has no serious or critical axe findings (%s theme)",
    async (theme) => {
      const tab = await openInsights({ theme });
      await tab.getByTestId("network-table").waitFor();
      const results = await new AxeBuilder({ page })
        .include(TAB_FRAME)
        .exclude([TAB_FRAME, TABSTER_DUMMY])
        .analyze();
      const findings = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
      expect(findings).toEqual([]);
    },
  );
});
