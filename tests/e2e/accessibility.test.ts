import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { type HostParams, openTab } from "./localHostPage.js";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

const TAB_FRAME = "#tab-frame";
// Fluent's focus helpers are aria-hidden yet focusable by design (PLATFORM.md); nothing else is excluded.
const TABSTER_DUMMY = "[data-tabster-dummy]";

/** Serious and critical violations, as "rule: target" lines so a failure says where to look. */
function seriousViolations(results: AxeResults): string[] {
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`));
}

/** True when axe checked nodes inside the tab's frame (their target is a frame path). */
function checkedInsideFrame(results: AxeResults): boolean {
  return results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));
}

describe("accessibility (axe)", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function scanTab(params: HostParams, heading: string): Promise<AxeResults> {
    const tab = await openTab(page, server.baseUrl, params);
    await tab.getByRole("heading", { level: 1, name: heading }).waitFor();
    return new AxeBuilder({ page }).include(TAB_FRAME).exclude([TAB_FRAME, TABSTER_DUMMY]).analyze();
  }

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

  it.each(["default", "dark", "contrast"] as const)(
    "community home: none serious or critical (%s theme)",
    async (theme) => {
      const results = await scanTab({ theme }, "Data Community");
      expect(checkedInsideFrame(results)).toBe(true);
      expect(seriousViolations(results)).toEqual([]);
    },
  );

  it("community home in the 280 px side panel: none serious or critical", async () => {
    const results = await scanTab({ frame: "sidePanel" }, "Data Community");
    expect(checkedInsideFrame(results)).toBe(true);
    expect(seriousViolations(results)).toEqual([]);
  });

  it("modules page with the steward's editor, in the 280 px side panel: none serious or critical", async () => {
    const results = await scanTab({ frame: "sidePanel", page: "/tab/modules", theme: "dark" }, "Modules");
    expect(checkedInsideFrame(results)).toBe(true);
    expect(seriousViolations(results)).toEqual([]);
  });

  it("unconnected tab: none serious or critical", async () => {
    const results = await scanTab({ entityId: "" }, "This tab isn't connected to a community yet");
    expect(checkedInsideFrame(results)).toBe(true);
    expect(seriousViolations(results)).toEqual([]);
  });

  it.each(["default", "dark", "contrast"] as const)(
    "host page: none serious or critical (%s theme)",
    async (theme) => {
      await openTab(page, server.baseUrl, { theme });
      const results = await new AxeBuilder({ page }).exclude(TAB_FRAME).exclude(TABSTER_DUMMY).analyze();
      expect(results.passes.some((rule) => rule.id === "label")).toBe(true);
      expect(seriousViolations(results)).toEqual([]);
    },
  );
});
