import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, newLocalOnlyContext } from "../support/browser.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";
import { openTab } from "./localHostPage.js";

interface SessionJson {
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  rsvpCounts: { going: number; maybe: number; no: number };
  myRsvp?: string;
  roles: { role: string; person?: { id: string } }[];
}

describe("community home and session calendar", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let stewardId: string;

  async function api<T>(userId: string, method: string, path: string, body?: unknown): Promise<T> {
    const token = await tokenFor(server.baseUrl, userId);
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  const sessionsPath = () => `/api/communities/${server.demoCommunityId}/sessions`;

  async function planSession(title: string, daysAhead: number): Promise<SessionJson> {
    const startsAt = new Date(Date.now() + daysAhead * 86_400_000).toISOString();
    return api<SessionJson>(stewardId, "POST", sessionsPath(), {
      title,
      format: "think-pair-share",
      startsAt,
      timeZone: "Europe/Berlin",
      agenda: ["Think", "Pair", "Share"],
      joinUrl: "https://teams.microsoft.com/l/meetup-join/demo",
    });
  }

  /** A member of the demo community who is not a steward. */
  async function plainMember(): Promise<string> {
    const users = (await fetch(`${server.baseUrl}/local/api/users`).then((r) => r.json())) as {
      id: string;
    }[];
    for (const user of users.slice(0, 60)) {
      const view = await api<{ isMember: boolean; isSteward: boolean }>(
        user.id,
        "GET",
        `/api/communities/${server.demoCommunityId}`,
      ).catch(() => null);
      if (view?.isMember && !view.isSteward) return user.id;
    }
    throw new Error("The demo community has no plain member.");
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    stewardId = (
      (await fetch(`${server.baseUrl}/local/api/defaults`).then((r) => r.json())) as { userId: string }
    ).userId;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await context?.close();
    ({ context } = await newLocalOnlyContext(browser, { timezoneId: "Europe/Berlin", locale: "en-US" }));
    page = await context.newPage();
  });

  it("home: lists the next sessions, the newcomer pathway and friendly empty states", async () => {
    await planSession("Home session one", 2);
    const tab = await openTab(page, server.baseUrl);
    const next = tab.getByTestId("next-sessions");
    await next.getByRole("link", { name: "Home session one" }).waitFor();
    expect(await next.getByRole("link", { name: "Join" }).first().getAttribute("href")).toBe(
      "https://teams.microsoft.com/l/meetup-join/demo",
    );
    const pathway = tab.getByTestId("newcomer-pathway");
    expect(await pathway.getByRole("listitem").count()).toBe(4);
    await pathway.getByRole("link", { name: "Take a note-taker role" }).waitFor();
    // The demo seeds no entries: the library sections say so instead of showing nothing.
    await tab
      .getByTestId("recent-entries")
      .getByText(/Nothing saved yet/)
      .waitFor();
    await tab
      .getByTestId("open-questions")
      .getByText(/No open questions/)
      .waitFor();
    // Keyboard navigation to the calendar through the tab list.
    await tab.getByRole("tab", { name: "Home" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await tab.getByRole("heading", { level: 1, name: "Session calendar" }).waitFor();
  });

  it("a steward plans a session in their own time zone; the server stores it in UTC", async () => {
    const tab = await openTab(page, server.baseUrl, { page: "/tab/calendar" });
    await tab.getByRole("button", { name: "Plan a session" }).click();
    await tab.getByRole("textbox", { name: "Title" }).fill("Spring-forward café");
    await tab.getByRole("combobox", { name: "Format" }).focus();
    await page.keyboard.press("Enter");
    await tab.getByRole("option", { name: "Knowledge café" }).click();
    expect(await tab.getByRole("spinbutton", { name: "Duration (minutes)" }).inputValue()).toBe("60");
    await tab.getByLabel("Date").fill("2030-03-31");
    await tab.getByLabel("Start time").fill("10:00");
    await tab.getByRole("textbox", { name: /Agenda/ }).fill("Question\nRounds\nHarvest");
    await tab.getByRole("button", { name: "Save session" }).click();

    await tab.getByRole("heading", { level: 1, name: "Spring-forward café" }).waitFor();
    const sessions = await api<{ items: SessionJson[] }>(stewardId, "GET", sessionsPath());
    const saved = sessions.items.find((s) => s.title === "Spring-forward café");
    // 31 March 2030 is in summer time in Berlin (UTC+2).
    expect(saved?.startsAt).toBe("2030-03-31T08:00:00.000Z");
    expect(saved?.timeZone).toBe("Europe/Berlin");
    expect(await tab.getByTestId("session-when").textContent()).toContain("10:00");
  });

  it("shows an RSVP at once, keeps it when saved and rolls it back when the server refuses", async () => {
    const session = await planSession("RSVP session", 3);
    const tab = await openTab(page, server.baseUrl, {
      subEntityId: `session:${server.demoCommunityId}:${session.id}`,
    });
    await tab.getByRole("heading", { level: 1, name: "RSVP session" }).waitFor();
    await tab.getByRole("button", { name: "Going (0)", exact: true }).click();
    await tab.getByRole("button", { name: "Going (1)", exact: true, pressed: true }).waitFor();
    await expect
      .poll(async () => (await api<SessionJson>(stewardId, "GET", `${sessionsPath()}/${session.id}`)).myRsvp)
      .toBe("going");

    await context.route("**/rsvp", (route) =>
      route.fulfill({
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "validation", message: "This session was cancelled." } }),
      }),
    );
    await tab.getByRole("button", { name: "Maybe (0)", exact: true }).click();
    await tab.getByText("Your answer wasn't saved: This session was cancelled.").waitFor();
    await tab.getByRole("button", { name: "Going (1)", exact: true, pressed: true }).waitFor();
    await tab.getByRole("button", { name: "Maybe (0)", pressed: false }).waitFor();
  });

  it("a member takes the note-taker role and a steward's 412 conflict is explained", async () => {
    const session = await planSession("Roles session", 4);
    const member = await plainMember();
    const tab = await openTab(page, server.baseUrl, {
      user: member,
      subEntityId: `session:${server.demoCommunityId}:${session.id}`,
    });
    await tab.getByRole("button", { name: "Take Note-taker" }).click();
    await tab.getByRole("button", { name: "Give up Note-taker" }).waitFor();
    const after = await api<SessionJson>(stewardId, "GET", `${sessionsPath()}/${session.id}`);
    expect(after.roles.find((r) => r.role === "note-taker")?.person?.id).toBe(member);
    // Members cannot edit sessions.
    expect(await tab.getByRole("button", { name: "Edit session" }).count()).toBe(0);

    const steward = await openTab(page, server.baseUrl, {
      subEntityId: `session:${server.demoCommunityId}:${session.id}`,
    });
    await steward.getByRole("button", { name: "Edit session" }).click();
    await steward.getByRole("textbox", { name: "Title" }).fill("Roles session (edited)");
    // Someone else changes the session meanwhile.
    const latest = await api<SessionJson & { etag: string }>(
      stewardId,
      "GET",
      `${sessionsPath()}/${session.id}`,
    );
    const token = await tokenFor(server.baseUrl, stewardId);
    await fetch(`${server.baseUrl}${sessionsPath()}/${session.id}`, {
      method: "PATCH",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        "If-Match": latest.etag,
      },
      body: JSON.stringify({ description: "Changed elsewhere" }),
    });
    await steward.getByRole("button", { name: "Save session" }).click();
    await steward.getByText("Someone else changed this session").waitFor();
    await steward.getByRole("button", { name: "Load the latest version" }).click();
    await steward.getByRole("button", { name: "Save session" }).click();
    await steward.getByRole("heading", { level: 1, name: "Roles session (edited)" }).waitFor();
  });
});
