import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Frame, type Page } from "playwright-core";
import { startLocalMode } from "../src/local/localMode.js";
import { createLogger } from "../src/observability/logger.js";
import { loadConfig } from "../src/server/config.js";
import { startServer } from "../src/server/main.js";
import { startAzurite } from "./lib/azurite.js";
import { CHROMIUM_FLAGS, chromiumPath } from "./lib/chromium.js";
import { freePort } from "./lib/freePort.js";

/**
 * `npm run screenshots`: pictures of every page and card of the tab for a reviewer, at the meeting
 * side panel's 280 px and at full width, in English and German, light and dark. Starts its own
 * Azurite (in memory) and a server seeded with the demo community, drives the local Teams host page
 * in Chromium and writes PNGs to `screenshots/` (git-ignored), named
 * `<page>.<width>.<language>.<theme>.png`.
 *
 * `npm run screenshots -- 280 de dark calendar` keeps the variants and pages that match every word
 * given (a width, language or theme, or part of a page name).
 */

const WIDTHS = { "280": 280, full: 1280 } as const;
const LANGUAGES = { en: "en-US", de: "de-DE" } as const;
const THEMES = ["light", "dark"] as const;
const VARIANT_WORDS = new Set<string>([...Object.keys(WIDTHS), ...Object.keys(LANGUAGES), ...THEMES]);

interface Shot {
  name: string;
  page: string;
  frame?: "content" | "settings" | "sidePanel" | "meetingStage";
  entityId?: string;
  user?: "steward" | "member";
  /** Something to do in the tab before the picture (switch a view, open a form). */
  prepare?: (tab: Frame) => Promise<void>;
}

const root = process.cwd();
const outDir = path.join(root, "screenshots");
const filters = process.argv.slice(2).map((f) => f.toLowerCase());
const logger = createLogger({ silent: true });

const azurite = await startAzurite();
let browser: Browser | undefined;
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  const config = loadConfig({
    root,
    env: {
      ...process.env,
      APP_MODE: "local",
      PORT: String(await freePort()),
      TABLES_CONNECTION_STRING: azurite.connectionString,
      DEMO: "full",
    },
  });
  server = await startServer(config, logger, await startLocalMode(config));
  const baseUrl = server.url;
  const defaults = (await (await fetch(`${baseUrl}/local/api/defaults`)).json()) as {
    userId: string;
    communityId: string;
  };
  const steward = defaults.userId;
  const [member = "", ...others] = await plainMembers(baseUrl, defaults.communityId, steward, 3);
  const entryId = await firstEntryId(baseUrl, defaults.communityId, steward);
  const sessionId = await nextSessionId(baseUrl, defaults.communityId, steward);
  const playbookId = await firstPlaybookId(baseUrl, defaults.communityId, steward);
  const community = defaults.communityId;

  // The calendar's views: the second tab list of the page (the first is the tab navigation).
  const clickTab = (index: number) => async (tab: Frame) => {
    await tab.getByRole("tablist").nth(1).getByRole("tab").nth(index).click();
    await tab.waitForTimeout(300);
  };
  const shots: Shot[] = [
    { name: "home", page: "/tab/home" },
    { name: "home-member", page: "/tab/home", user: "member" },
    { name: "home-no-community", page: "/tab/home", entityId: "" },
    { name: "calendar-list", page: "/tab/calendar" },
    { name: "calendar-past", page: "/tab/calendar", prepare: clickTab(1) },
    { name: "calendar-week", page: "/tab/calendar", prepare: clickTab(2) },
    { name: "calendar-month", page: "/tab/calendar", prepare: clickTab(3) },
    { name: "calendar-rota", page: "/tab/calendar", prepare: clickTab(4) },
    {
      name: "calendar-date-picker",
      page: "/tab/calendar",
      prepare: async (tab) => {
        await tab.getByRole("button", { name: /^(Plan a session|Sitzung planen)$/ }).click();
        await tab.getByRole("button", { name: /^(Choose a date|Datum auswählen): / }).click();
        await tab.getByRole("dialog").last().waitFor();
      },
    },
    { name: "removal-requests", page: "/tab/library/removal-requests" },
    { name: "session", page: `/tab/calendar/${community}/${encodeURIComponent(sessionId)}` },
    { name: "library", page: "/tab/library" },
    { name: "entry", page: `/tab/library/${community}/${encodeURIComponent(entryId)}` },
    { name: "new-entry", page: "/tab/library/new" },
    { name: "members", page: "/tab/members" },
    { name: "insights", page: "/tab/insights" },
    { name: "modules", page: "/tab/modules" },
    { name: "playbooks", page: "/tab/playbooks" },
    { name: "playbook", page: `/tab/playbooks/${encodeURIComponent(playbookId)}` },
    { name: "my-learning", page: "/tab/personal", user: "member" },
    { name: "config", page: "/tab/config", frame: "settings" },
    { name: "config-no-community", page: "/tab/config", frame: "settings", entityId: "" },
    { name: "side-panel", page: "/tab/meeting/sidepanel", frame: "sidePanel" },
    { name: "side-panel-member", page: "/tab/meeting/sidepanel", frame: "sidePanel", user: "member" },
    {
      name: "side-panel-setup",
      page: "/tab/meeting/sidepanel",
      frame: "sidePanel",
      prepare: async (tab) => {
        await tab.getByTestId("no-activity").getByRole("button").click();
      },
    },
    { name: "stage", page: "/tab/meeting/stage", frame: "meetingStage" },
  ];

  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Nothing leaves the machine (teams-js asks a CDN for valid origins).
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "127.0.0.1" || host === "localhost" ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const userOf = (shot: Shot) => (shot.user === "member" ? member : steward);
  const take = async (shot: Shot, suffix = "") => {
    for (const [widthName, width] of Object.entries(WIDTHS)) {
      for (const [language, locale] of Object.entries(LANGUAGES)) {
        for (const theme of THEMES) {
          const variant = [widthName, language, theme];
          const name = `${shot.name}${suffix}`;
          if (!filters.every((f) => (VARIANT_WORDS.has(f) ? variant.includes(f) : name.includes(f))))
            continue;
          const file = path.join(outDir, `${name}.${variant.join(".")}.png`);
          await capture(page, baseUrl, shot, { user: userOf(shot), width, locale, theme }, file);
          process.stdout.write(`${path.relative(root, file)}\n`);
        }
      }
    }
  };

  // The meeting pages without an activity first, then with a running think-pair-share.
  for (const shot of shots) await take(shot);
  const meetingShots = shots.filter(
    (s) => (s.frame === "sidePanel" || s.frame === "meetingStage") && !s.prepare,
  );
  await startActivity(page, baseUrl, steward, [member, ...others]);
  for (const shot of meetingShots) await take(shot, "-activity");
  await nextPhase(page, baseUrl, steward);
  for (const shot of meetingShots) await take(shot, "-pair");
} finally {
  await browser?.close();
  await server?.close();
  await azurite.stop();
}

/** Opens the host page with a shot's settings and saves the tab at the given width, all of it. */
async function capture(
  page: Page,
  baseUrl: string,
  shot: Shot,
  variant: { user: string; width: number; locale: string; theme: string },
  file: string,
): Promise<void> {
  const query = new URLSearchParams({
    user: variant.user,
    theme: variant.theme === "light" ? "default" : variant.theme,
    frame: shot.frame ?? "content",
    locale: variant.locale,
    page: shot.page,
  });
  if (shot.entityId !== undefined) query.set("entityId", shot.entityId);
  await page.goto(`${baseUrl}/local/?${query.toString()}`);
  await page
    .waitForFunction(() => {
      const status =
        (globalThis as unknown as { document: DomLike }).document.getElementById("app-status")?.dataset
          .appStatus ?? "";
      return ["success", "failure", "expectedFailure"].includes(status);
    })
    .catch(async (error) => {
      await page.screenshot({ path: `${file}.host.png` });
      throw error;
    });
  const frame = page.locator("#tab-frame");
  // The frame's width is the variant's; the stage keeps the size Teams gives it.
  if (shot.frame !== "meetingStage")
    await frame.evaluate((el, width) => {
      (el as unknown as Styled).style.width = `${width}px`;
    }, variant.width);
  const tab = await (await frame.elementHandle())?.contentFrame();
  if (!tab) throw new Error("The host page has no tab frame.");
  await settle(tab);
  await shot.prepare?.(tab);
  await settle(tab);
  if (shot.frame !== "meetingStage") {
    const height = await tab.evaluate(
      () => (globalThis as unknown as { document: DomLike }).document.documentElement.scrollHeight,
    );
    await frame.evaluate(
      (el, h) => {
        (el as unknown as Styled).style.height = `${h + 2}px`;
      },
      Math.min(height, 6000),
    );
  }
  await page.waitForTimeout(150);
  await frame.screenshot({ path: file });
}

/** What these functions use of the page's DOM (the file is compiled without the DOM's types). */
interface Styled {
  style: { width: string; height: string };
}
interface DomLike {
  getElementById(id: string): { dataset: Record<string, string | undefined> } | null;
  documentElement: { scrollHeight: number };
  querySelectorAll(selector: string): { length: number };
}

/** Waits until the tab shows no spinner and its requests are answered. */
async function settle(tab: Frame): Promise<void> {
  await tab.waitForLoadState("networkidle").catch(() => undefined);
  await tab
    .waitForFunction(
      () =>
        (globalThis as unknown as { document: DomLike }).document.querySelectorAll(
          '[role="progressbar"], .fui-Spinner',
        ).length === 0,
      null,
      {
        timeout: 5_000,
      },
    )
    .catch(() => undefined);
  await tab.waitForTimeout(200);
}

/** The side panel as a person, in English. */
async function openPanel(page: Page, baseUrl: string, user: string): Promise<Frame> {
  await page.goto(`${baseUrl}/local/?user=${user}&frame=sidePanel&locale=en-US&page=/tab/meeting/sidepanel`);
  const tab = await (await page.locator("#tab-frame").elementHandle())?.contentFrame();
  if (!tab) throw new Error("The host page has no tab frame.");
  return tab;
}

/** The facilitator moves the activity on to its next phase (pairs are formed for the pair phase). */
async function nextPhase(page: Page, baseUrl: string, steward: string): Promise<void> {
  const facilitator = await openPanel(page, baseUrl, steward);
  await facilitator
    .getByTestId("facilitator-controls")
    .getByRole("button", { name: /^Move on to/ })
    .click();
  await facilitator.getByTestId("facilitator-groups").waitFor();
}

/** Sets up and starts think-pair-share from the steward's side panel; members join. */
async function startActivity(page: Page, baseUrl: string, steward: string, members: string[]): Promise<void> {
  const open = (user: string) => openPanel(page, baseUrl, user);
  const facilitator = await open(steward);
  await facilitator.getByRole("button", { name: "Set up an activity" }).click();
  const form = facilitator.getByRole("form", { name: "Set up an activity" });
  await form.getByRole("textbox", { name: /Prompt/ }).fill("What slowed our last release down?");
  await form.getByRole("button", { name: "Set up" }).click();
  await facilitator.getByTestId("facilitator-controls").getByRole("button", { name: "Start" }).click();
  await facilitator.getByTestId("activity-countdown").waitFor();
  for (const member of members) {
    const participant = await open(member);
    await participant.getByTestId("activity-prompt").waitFor();
    await participant.getByRole("button", { name: "Join the activity" }).click();
    await participant.getByRole("textbox", { name: "My reflection (private)" }).waitFor();
  }
}

async function api<T>(baseUrl: string, user: string, route: string): Promise<T> {
  const token = (
    (await (
      await fetch(`${baseUrl}/local/api/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: user }),
      })
    ).json()) as { token: string }
  ).token;
  const response = await fetch(`${baseUrl}/api${route}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${route} answered ${response.status}`);
  return (await response.json()) as T;
}

/** `count` members of the demo community who are not stewards. */
async function plainMembers(baseUrl: string, community: string, steward: string, count: number) {
  const users = (await (await fetch(`${baseUrl}/local/api/users`)).json()) as { id: string }[];
  const found: string[] = [];
  for (const user of users.slice(0, 80)) {
    if (user.id === steward) continue;
    const view = await api<{ isMember: boolean; isSteward: boolean }>(
      baseUrl,
      user.id,
      `/communities/${community}`,
    ).catch(() => null);
    if (view?.isMember && !view.isSteward) found.push(user.id);
    if (found.length === count) return found;
  }
  throw new Error(`The demo community has fewer than ${count} plain members.`);
}

async function firstEntryId(baseUrl: string, community: string, user: string): Promise<string> {
  const page = await api<{ items: { id: string }[] }>(
    baseUrl,
    user,
    `/communities/${community}/entries?sort=helpful&limit=1`,
  );
  const id = page.items[0]?.id;
  if (!id) throw new Error("The demo library is empty.");
  return id;
}

async function nextSessionId(baseUrl: string, community: string, user: string): Promise<string> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const page = await api<{ items: { id: string }[] }>(
    baseUrl,
    user,
    `/communities/${community}/sessions?from=${from}&to=${to}`,
  );
  const id = page.items[0]?.id;
  if (!id) throw new Error("The demo calendar has no next session.");
  return id;
}

async function firstPlaybookId(baseUrl: string, community: string, user: string): Promise<string> {
  const list = await api<{ items: { id: string }[] } | { id: string }[]>(
    baseUrl,
    user,
    `/communities/${community}/playbooks`,
  );
  const items = Array.isArray(list) ? list : list.items;
  const id = items[0]?.id;
  if (!id) throw new Error("The demo community has no playbook.");
  return id;
}
