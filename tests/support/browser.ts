import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";

/**
 * Chromium flags for a sandboxed CI machine without network (PLATFORM.md, "Browser tests"): no GPU,
 * no QUIC, and none of Chromium's own background traffic.
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The Chromium binary: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium was not found at ${candidate}. Install it with \`apt-get install -y chromium\` (as root), ` +
        "or point CHROMIUM_PATH at a Chromium or Chrome binary. Playwright's own browser download is not used.",
    );
  }
  return candidate;
}

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
