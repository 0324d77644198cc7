import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { initializeCount, openTab } from "./localHostPage.js";

/** What the tab's root renders: the theme it says it uses, and the colours the browser computed. */
async function renderedTheme(tab: Frame) {
  return tab
    .locator("[data-theme]")
    .first()
    .evaluate((root) => {
      const style = getComputedStyle(root);
      return { theme: root.getAttribute("data-theme"), background: style.backgroundColor, text: style.color };
    });
}

describe("Teams themes", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

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

  it("restyles the tab live on default → dark → contrast, without reloading it", async () => {
    const tab = await openTab(page, server.baseUrl, { theme: "default" });
    await tab.getByRole("heading", { level: 1, name: "Data Community" }).waitFor();
    // A reload would lose this.
    await tab.evaluate(() => {
      (window as unknown as { themeTestMarker: string }).themeTestMarker = "still here";
    });

    const light = await renderedTheme(tab);
    // Teams' light app background (#f5f5f5) and text (#242424).
    expect(light).toEqual({ theme: "default", background: "rgb(245, 245, 245)", text: "rgb(36, 36, 36)" });

    await page.getByLabel("Teams theme").selectOption("dark");
    await expect.poll(async () => (await renderedTheme(tab)).theme).toBe("dark");
    const dark = await renderedTheme(tab);
    // Teams' dark app background (#1f1f1f) and white text.
    expect(dark).toEqual({ theme: "dark", background: "rgb(31, 31, 31)", text: "rgb(255, 255, 255)" });

    await page.getByLabel("Teams theme").selectOption("contrast");
    await expect.poll(async () => (await renderedTheme(tab)).theme).toBe("contrast");
    const contrast = await renderedTheme(tab);
    expect(contrast.background).not.toBe(light.background);
    expect(contrast.background).not.toBe(dark.background);
    expect(contrast.text).not.toBe(light.text);

    expect(
      await tab.evaluate(() => (window as unknown as { themeTestMarker?: string }).themeTestMarker),
    ).toBe("still here");
    expect(await initializeCount(page)).toBe(1);
    expect(await tab.evaluate(() => document.documentElement.style.colorScheme)).toBe("dark");
  });

  it("starts in the theme Teams reports in the context", async () => {
    const tab = await openTab(page, server.baseUrl, { theme: "dark" });
    expect((await renderedTheme(tab)).background).toBe("rgb(31, 31, 31)");
    expect(await page.locator("body").getAttribute("data-theme")).toBe("dark");
  });
});
