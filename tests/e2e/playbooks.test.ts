import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { apiAs, createEntry, demoMemberA, demoMemberB, demoSteward, type Person } from "./librarySupport.js";
import { openTab } from "./localHostPage.js";

const TAB_FRAME = "#tab-frame";
const TABSTER_DUMMY = "[data-tabster-dummy]";
const THEMES = ["default", "dark", "contrast"] as const;

interface PlaybookJson {
  id: string;
  title: string;
  description: string;
  starter: boolean;
  items: { entryId: string; title: string; note?: string }[];
  done: string[];
}

describe("playbooks", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const titles = ["Quokka pipeline retries", "Quokka schema drift", "Quokka dashboard naming"] as const;
  const entryIds: string[] = [];
  let playbookId = "";

  async function playbooksAs(person: Person): Promise<PlaybookJson[]> {
    const { status, body } = await apiAs(
      server.baseUrl,
      person,
      "GET",
      `/communities/${server.demoCommunityId}/playbooks`,
    );
    if (status !== 200) throw new Error(`GET playbooks answered ${status}`);
    return (body as { items: PlaybookJson[] }).items;
  }

  async function checkbox(tab: Frame, title: string) {
    return tab.getByRole("checkbox", { name: `Done: ${title}` });
  }

  /**
   * Ticks a step. A click that lands while the page re-renders from a just-arrived answer can be
   * absorbed (Playwright then reports "did not change its state"); a person would click again, so
   * the test does too. Whether the tick really reached the server is asserted separately.
   */
  async function tick(tab: Frame, title: string) {
    for (let attempt = 1; ; attempt++) {
      try {
        await (await checkbox(tab, title)).check({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await tab.page().waitForTimeout(250);
      }
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    for (const title of titles) {
      const entry = await createEntry(server.baseUrl, demoSteward, server.demoCommunityId, {
        type: "howto",
        title,
        body: `How we handle ${title.toLowerCase()}.`,
        tags: ["quokka"],
      });
      entryIds.push(entry.id);
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

  it("lets a steward compile a playbook of three entries, ordered, with a note, as the starter reads", async () => {
    const tab = await openTab(page, server.baseUrl, { user: demoSteward.id, page: "/tab/playbooks" });
    await tab.getByRole("heading", { level: 1, name: "Playbooks" }).waitFor();
    await tab.getByText(/No playbooks yet/).waitFor();
    await tab.getByRole("button", { name: "Compile a playbook" }).click();
    await tab.getByRole("heading", { level: 1, name: "Compile a playbook" }).waitFor();

    await tab.getByRole("textbox", { name: "Title" }).fill("Quokka onboarding");
    await tab.getByRole("textbox", { name: "Description (optional)" }).fill("Read these in your first week.");
    await tab.getByRole("checkbox", { name: "These are the starter reads for newcomers" }).check();

    await tab.getByRole("searchbox", { name: "Find entries to add" }).fill("quokka");
    // Added in the order 2, 0, 1, then step 0 is moved to the top: the order saved is 0, 2, 1.
    for (const index of [2, 0, 1]) {
      await tab.getByRole("button", { name: `Add ${titles[index]}` }).click();
    }
    const steps = tab.getByTestId("playbook-steps").getByRole("listitem");
    expect(await steps.count()).toBe(3);
    await tab.getByRole("button", { name: `Move ${titles[0]} up` }).click();
    await tab.getByRole("button", { name: `Move ${titles[0]} up` }).waitFor({ state: "attached" });
    expect(await tab.getByRole("button", { name: `Move ${titles[0]} up` }).isDisabled()).toBe(true);
    await steps
      .nth(1)
      .getByRole("textbox", { name: "Note for this step (optional)" })
      .fill("Skim the table.");
    await tab.getByRole("button", { name: "Save playbook" }).click();

    await tab.getByRole("heading", { level: 1, name: "Quokka onboarding" }).waitFor();
    const shown = tab.getByTestId("playbook-step");
    expect(await shown.getByRole("link").allTextContents()).toEqual([titles[0], titles[2], titles[1]]);
    await shown.nth(1).getByText("Skim the table.").waitFor();
    await tab.getByText("0 of 3 done").waitFor();

    const [saved] = await playbooksAs(demoSteward);
    expect(saved?.title).toBe("Quokka onboarding");
    expect(saved?.starter).toBe(true);
    expect(saved?.description).toBe("Read these in your first week.");
    expect(saved?.items.map((i) => i.entryId)).toEqual([entryIds[0], entryIds[2], entryIds[1]]);
    expect(saved?.items[1]?.note).toBe("Skim the table.");
    playbookId = saved?.id ?? "";

    // The list shows it with the steward's progress, and the step links open the entry.
    await shown.first().getByRole("link").click();
    await tab.getByRole("heading", { level: 1, name: titles[0] }).waitFor();
  });

  it("a member ticks two steps off: kept over a reload, and another member's progress is separate", async () => {
    expect(playbookId).not.toBe("");
    // The home's "Read the starter playbook" step opens the starter playbook.
    let tab = await openTab(page, server.baseUrl, { user: demoMemberA.id });
    await tab.getByRole("link", { name: "Read the starter playbook" }).click();
    await tab.getByRole("heading", { level: 1, name: "Quokka onboarding" }).waitFor();

    await tick(tab, titles[0] ?? "");
    await tick(tab, titles[2] ?? "");
    await tab.getByText("2 of 3 done").waitFor();
    // Wait for the server to hold both ticks before reloading.
    await expect.poll(async () => (await playbooksAs(demoMemberA))[0]?.done.length).toBe(2);

    // A fresh load of the tab at the playbook (the host reloads at its own start page otherwise).
    tab = await openTab(page, server.baseUrl, { user: demoMemberA.id, page: `/tab/playbooks/${playbookId}` });
    await tab.getByRole("heading", { level: 1, name: "Quokka onboarding" }).waitFor();
    expect(await (await checkbox(tab, titles[0])).isChecked()).toBe(true);
    expect(await (await checkbox(tab, titles[2])).isChecked()).toBe(true);
    expect(await (await checkbox(tab, titles[1])).isChecked()).toBe(false);
    await tab.getByText("2 of 3 done").waitFor();
    expect(new Set((await playbooksAs(demoMemberA))[0]?.done)).toEqual(new Set([entryIds[0], entryIds[2]]));

    // Member B sees the same playbook with none of A's ticks.
    tab = await openTab(page, server.baseUrl, { user: demoMemberB.id, page: "/tab/playbooks" });
    await tab.getByRole("link", { name: "Quokka onboarding" }).waitFor();
    expect(await tab.getByTestId("playbook-progress").textContent()).toBe("0 of 3 done");
    await tab.getByRole("link", { name: "Quokka onboarding" }).click();
    for (const title of titles) expect(await (await checkbox(tab, title)).isChecked()).toBe(false);
    expect((await playbooksAs(demoMemberB))[0]?.done).toEqual([]);
  });

  it("rolls a tick back and says so when the server refuses it", async () => {
    expect(playbookId).not.toBe("");
    const tab = await openTab(page, server.baseUrl, {
      user: demoMemberB.id,
      page: `/tab/playbooks/${playbookId}`,
    });
    await tab.getByRole("heading", { level: 1, name: "Quokka onboarding" }).waitFor();
    await context.route("**/api/communities/*/playbooks/*/done/*", (route) =>
      route.fulfill({
        status: 403,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "forbidden", message: "Only members tick steps off." } }),
      }),
    );
    await (await checkbox(tab, titles[1])).click();
    await tab.getByText("Only members tick steps off.").waitFor();
    expect(await (await checkbox(tab, titles[1])).isChecked()).toBe(false);
    await tab.getByText("0 of 3 done").waitFor();
  });

  it("members see no compile, edit or delete controls", async () => {
    const tab = await openTab(page, server.baseUrl, { user: demoMemberA.id, page: "/tab/playbooks" });
    await tab.getByRole("link", { name: "Quokka onboarding" }).click();
    await tab.getByRole("heading", { level: 1, name: "Quokka onboarding" }).waitFor();
    expect(await tab.getByRole("button", { name: "Edit playbook" }).count()).toBe(0);
    expect(await tab.getByRole("button", { name: "Delete playbook" }).count()).toBe(0);
    await tab.getByRole("link", { name: "All playbooks" }).click();
    await tab.getByTestId("playbook-list").waitFor();
    expect(await tab.getByRole("button", { name: "Compile a playbook" }).count()).toBe(0);
  });

  it.each(THEMES)("playbook and its list: no serious or critical axe findings (%s theme)", async (theme) => {
    expect(playbookId).not.toBe("");
    const findings: string[] = [];
    for (const path of ["/tab/playbooks", `/tab/playbooks/${playbookId}`, "/tab/playbooks/new"]) {
      const tab = await openTab(page, server.baseUrl, { theme, page: path });
      await tab.getByRole("heading", { level: 1 }).waitFor();
      if (path === "/tab/playbooks") await tab.getByTestId("playbook-list").waitFor();
      if (path.endsWith("/new")) await tab.getByTestId("playbook-picker").waitFor();
      if (path.endsWith(playbookId)) await tab.getByTestId("playbook-step").first().waitFor();
      const results = await new AxeBuilder({ page })
        .include(TAB_FRAME)
        .exclude([TAB_FRAME, TABSTER_DUMMY])
        .analyze();
      expect(results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1))).toBe(true);
      findings.push(
        ...results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .flatMap((v) => v.nodes.map((node) => `${path} ${v.id}: ${JSON.stringify(node.target)}`)),
      );
    }
    expect(findings).toEqual([]);
  });

  it("a steward edits the playbook (If-Match) and deletes it", async () => {
    expect(playbookId).not.toBe("");
    const tab = await openTab(page, server.baseUrl, { page: `/tab/playbooks/${playbookId}` });
    await tab.getByRole("button", { name: "Edit playbook" }).click();
    await tab.getByRole("heading", { level: 1, name: "Edit playbook" }).waitFor();
    await tab.getByRole("button", { name: `Remove ${titles[1]}` }).click();
    await tab.getByRole("textbox", { name: "Title" }).fill("Quokka essentials");
    await tab.getByRole("button", { name: "Save playbook" }).click();
    await tab.getByRole("heading", { level: 1, name: "Quokka essentials" }).waitFor();
    expect(await tab.getByTestId("playbook-step").count()).toBe(2);
    expect((await playbooksAs(demoSteward))[0]?.items.map((i) => i.entryId)).toEqual([
      entryIds[0],
      entryIds[2],
    ]);

    await tab.getByRole("button", { name: "Delete playbook" }).click();
    await tab.getByRole("dialog").getByRole("button", { name: "Delete playbook" }).click();
    await tab.getByText("The playbook was deleted.").waitFor();
    await tab.getByText(/No playbooks yet/).waitFor();
    expect(await playbooksAs(demoSteward)).toEqual([]);
  });
});
