import type { Frame, Page } from "playwright-core";

/** The local Teams host page's deep-link parameters (see `src/localhost/hostSettings.ts`). */
export interface HostParams {
  user?: string;
  theme?: "default" | "dark" | "contrast";
  frame?: "content" | "settings" | "sidePanel" | "meetingStage";
  locale?: string;
  /** Omit for the default (demo) community; pass "" for a tab without a community. */
  entityId?: string;
  page?: string;
  /** A Teams deep link's `subEntityId`, such as `entry:<communityId>:<entryId>`. */
  subEntityId?: string;
}

/** The URL of the host page with the given parameters. */
export function hostUrl(baseUrl: string, params: HostParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  return `${baseUrl}/local/?${query.toString()}`;
}

/** The `data-app-status` the host page shows: loading, initialized, success, failure, expectedFailure. */
export function appStatus(page: Page): Promise<string | null> {
  return page.locator("#app-status").getAttribute("data-app-status");
}

/**
 * Waits until the tab has told the host how its start-up went, and fails unless it reported
 * `app.notifySuccess()`.
 */
export async function waitForAppSuccess(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.getElementById("app-status")?.dataset.appStatus;
    return status === "success" || status === "failure" || status === "expectedFailure";
  });
  const status = await appStatus(page);
  if (status !== "success") {
    throw new Error(
      `The tab reported ${await page.locator("#app-status").textContent()} instead of success.`,
    );
  }
}

/** The tab's frame as it is now (the host replaces the frame element when it reloads the tab). */
export async function tabFrame(page: Page): Promise<Frame> {
  const handle = await page.locator("#tab-frame").elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("The host page has no tab frame.");
  return frame;
}

/** Opens the host page, waits for the tab's notifySuccess and returns the tab's frame. */
export async function openTab(page: Page, baseUrl: string, params: HostParams = {}): Promise<Frame> {
  await page.goto(hostUrl(baseUrl, params));
  await waitForAppSuccess(page);
  return tabFrame(page);
}

/** The teams-js calls the host received, in order (`func` names, from the host's message log). */
export function receivedCalls(page: Page): Promise<string[]> {
  return page.locator("#protocol-log li").evaluateAll((items) => items.map((item) => item.textContent ?? ""));
}

/** How many times a tab called teams-js `initialize` on this host page (once per tab load). */
export async function initializeCount(page: Page): Promise<number> {
  return Number(await page.locator("#app-status").getAttribute("data-initialize-count"));
}
