import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "./browser.js";
import { startTestServer, type TestServer } from "./testServer.js";

/**
 * A test file's demo server (activities polled every 200 ms) and Chromium context that may reach
 * only this machine: started before its tests, stopped after them. Call it in the `describe` block.
 */
export function demoServerAndBrowser(): { server: () => TestServer; context: () => BrowserContext } {
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
  const running = <T>(value: T | undefined): T => {
    if (!value) throw new Error("The demo server and browser have not started.");
    return value;
  };
  return { server: () => running(server), context: () => running(context) };
}
