import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";
import { CHROMIUM_FLAGS, chromiumPath } from "../../scripts/lib/chromium.js";

// One definition of the binary and its flags, shared with the screenshot scripts.
export { CHROMIUM_FLAGS, chromiumPath };

/** Launches headless Chromium for the browser tests. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/** A browser context plus the outside requests it refused. */
export interface LocalOnlyContext {
  context: BrowserContext;
  /** URLs the page tried to reach outside this machine (teams-js' valid-origins CDN, for one). */
  blockedRequests: string[];
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * A browser context that may only talk to this machine: every other request (frames included) is
 * aborted, so a test can never depend on, or leak to, the internet.
 */
export async function newLocalOnlyContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<LocalOnlyContext> {
  const context = await browser.newContext(options);
  const blockedRequests: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const local = LOCAL_HOSTS.has(url.hostname) || url.protocol === "data:" || url.protocol === "blob:";
    if (local) return route.continue();
    blockedRequests.push(url.href);
    return route.abort("blockedbyclient");
  });
  return { context, blockedRequests };
}
