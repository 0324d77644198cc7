import type { Browser, BrowserContext, Frame } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { type HostParams, openTab } from "./localHostPage.js";

/**
 * What a format's side-panel test needs, started before the suite's tests and closed after them:
 * a demo server polling fast, one browser, and the meeting's side panel as a person (or the
 * stage) opened in the local Teams host page.
 */
export function meetingPanelsForSuite() {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await startTestServer({ demo: true, env: { ACTIVITY_POLL_MS: "200" } });
    browser = await launchBrowser();
    ({ context } = await newLocalOnlyContext(browser, { viewport: { width: 1280, height: 900 } }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!server || !context) throw new Error("the server and browser have not started");
    return { server, context };
  };
  const open = async (params: HostParams): Promise<Frame> => {
    const { server, context } = started();
    return openTab(await context.newPage(), server.baseUrl, params);
  };
  return {
    server: () => started().server,
    /** The meeting's side panel as `user` (`extra`: a locale, a theme…). */
    panelOf: (user: { id: string }, extra: HostParams = {}) =>
      open({ frame: "sidePanel", user: user.id, ...extra }),
    /** The meeting's stage. */
    stage: () => open({ frame: "meetingStage" }),
    /** Any page of the tab in the host page (a steward's Playbooks page). */
    open,
  };
}
