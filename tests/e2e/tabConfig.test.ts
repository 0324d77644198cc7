import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";
import { hostUrl, receivedCalls, tabFrame, waitForAppSuccess } from "./localHostPage.js";

interface CommunityJson {
  id: string;
  name: string;
  purpose: string;
  tags: string[];
  privacy: string;
  teamId?: string;
  channelId?: string;
  stewards: { id: string; displayName: string }[];
}

interface Defaults {
  userId: string;
  teamId: string;
  channelId: string;
}

describe("tab configuration (pages.config through the local host)", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let defaults: Defaults;

  async function get<T>(path: string): Promise<T> {
    const token = await tokenFor(server.baseUrl, defaults.userId);
    const response = await fetch(`${server.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** Opens the host's settings frame and waits for the configuration page. */
  async function openSettings(entityId: string) {
    await page.goto(hostUrl(server.baseUrl, { frame: "settings", entityId }));
    await waitForAppSuccess(page);
    const tab = await tabFrame(page);
    await tab.getByRole("heading", { level: 1, name: "Set up PeerCircle" }).waitFor();
    return tab;
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    defaults = (await fetch(`${server.baseUrl}/local/api/defaults`).then((r) => r.json())) as Defaults;
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

  it("creates a community for the channel on Save, and the content frame shows its home", async () => {
    const tab = await openSettings("");
    const save = page.locator("#settings-save");
    // Teams keeps Save disabled until the page says the settings are valid.
    expect(await save.isDisabled()).toBe(true);

    await tab.getByRole("textbox", { name: "Name" }).fill("Platform Guild");
    expect(await save.isDisabled()).toBe(true);
    await tab.getByRole("textbox", { name: "Purpose" }).fill("We learn to run the platform from each other.");
    await tab.getByRole("textbox", { name: /Topics/ }).fill("Kubernetes, observability, kubernetes");
    await tab.getByRole("radio", { name: /Private/ }).check();

    // A second steward, found through GET /api/people.
    const picker = tab.getByRole("combobox", { name: /More stewards/ });
    await picker.fill("Hiro");
    const option = tab.getByRole("option", { name: /^Hiro Boateng/ });
    await option.click();
    await tab.getByRole("button", { name: "Remove Hiro Boateng" }).waitFor();

    await page.waitForFunction(
      () => !(document.getElementById("settings-save") as HTMLButtonElement).disabled,
    );
    await save.click();

    // The host switched to the content frame with the saved entity id, like Teams after Save.
    await page.waitForFunction(() => document.getElementById("frame-box")?.dataset.frame === "content");
    await waitForAppSuccess(page);
    const entityId = await page.locator("#loaded-community").getAttribute("data-entity-id");
    expect(entityId).toBeTruthy();
    const content = await tabFrame(page);
    await content.getByRole("heading", { level: 1, name: "Platform Guild" }).waitFor();

    const created = await get<CommunityJson>(`/api/communities/${entityId}`);
    expect(created).toMatchObject({
      name: "Platform Guild",
      purpose: "We learn to run the platform from each other.",
      tags: ["kubernetes", "observability"],
      privacy: "private",
      teamId: defaults.teamId,
      channelId: defaults.channelId,
    });
    expect(created.stewards.map((s) => s.id)).toContain(defaults.userId);
    expect(created.stewards.map((s) => s.displayName)).toContain("Hiro Boateng");

    const calls = await receivedCalls(page);
    expect(calls).toContain("registerHandler save");
    expect(calls).toContain("settings.setSettings");
    expect(calls).toContain("settings.save.success");
  });

  it("reopens with the connected community preselected and saves it again", async () => {
    const tab = await openSettings(server.demoCommunityId);
    const demo = tab.getByRole("radio", { name: /Data Community/ });
    expect(await demo.isChecked()).toBe(true);
    await page.waitForFunction(
      () => !(document.getElementById("settings-save") as HTMLButtonElement).disabled,
    );

    await page.locator("#settings-save").click();
    await page.waitForFunction(() => document.getElementById("frame-box")?.dataset.frame === "content");
    await waitForAppSuccess(page);
    expect(await page.locator("#loaded-community").getAttribute("data-entity-id")).toBe(
      server.demoCommunityId,
    );
    await (await tabFrame(page)).getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
  });

  it("keeps the dialog open and says why when creating fails", async () => {
    const tab = await openSettings("");
    await tab.getByRole("textbox", { name: "Name" }).fill("Broken Guild");
    await tab.getByRole("textbox", { name: "Purpose" }).fill("Will not be saved.");
    await context.route("**/api/communities", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 400,
            contentType: "application/json",
            body: JSON.stringify({ error: { code: "validation", message: "Use at most 20 tags." } }),
          })
        : route.continue(),
    );
    await page.waitForFunction(
      () => !(document.getElementById("settings-save") as HTMLButtonElement).disabled,
    );
    await page.locator("#settings-save").click();
    await tab.getByText("The tab wasn't saved: Use at most 20 tags.").waitFor();
    expect(await page.locator("#frame-box").getAttribute("data-frame")).toBe("settings");
    expect(await receivedCalls(page)).toContain("settings.save.failure");
  });
});
