import { readFile } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import ICAL from "ical.js";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { instantOfWallClock, offsetMinutesAt } from "../../src/domain/sessions/zonedTime.js";
import { addDays, dayKeyOf, parseDayKey, weekDays } from "../../src/tab/pages/Calendar/calendarModel.js";
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
    // The steward runs the community: no newcomer pathway for them.
    const stewardTab = await openTab(page, server.baseUrl);
    await stewardTab.getByTestId("next-sessions").getByRole("link", { name: "Home session one" }).waitFor();
    expect(await stewardTab.getByTestId("newcomer-pathway").count()).toBe(0);

    const tab = await openTab(page, server.baseUrl, { user: await plainMember() });
    const next = tab.getByTestId("next-sessions");
    await next.getByRole("link", { name: "Home session one" }).waitFor();
    expect(await next.getByRole("link", { name: "Join" }).first().getAttribute("href")).toBe(
      "https://teams.microsoft.com/l/meetup-join/demo",
    );
    const pathway = tab.getByTestId("newcomer-pathway");
    expect(await pathway.getByRole("listitem").count()).toBe(4);
    await pathway.getByRole("link", { name: "Take a note-taker role" }).waitFor();
    // The demo seeds no entries here: the library sections say so instead of showing nothing, and a
    // library without questions does not claim that every question has an answer.
    await tab
      .getByTestId("recent-entries")
      .getByText(/Nothing saved yet/)
      .waitFor();
    await tab
      .getByTestId("open-questions")
      .getByText(/No questions yet/)
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
    // The date is typed as ISO into the date picker's text box; leaving it sets the date.
    await tab.getByRole("combobox", { name: "Date" }).fill("2030-03-31");
    await page.keyboard.press("Tab");
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

  it("a steward picks the session's day from the date picker's calendar; a typed non-date is refused", async () => {
    const tab = await openTab(page, server.baseUrl, { page: "/tab/calendar" });
    await tab.getByRole("button", { name: "Plan a session" }).click();
    await tab.getByRole("textbox", { name: "Title" }).fill("Picked from the calendar");
    const date = tab.getByRole("combobox", { name: "Date" });
    // A typed date that does not exist gets a message and leaves the date as it was.
    const before = await date.inputValue();
    await date.fill("2030-02-30");
    await page.keyboard.press("Tab");
    await tab.getByText("Type a date as YYYY-MM-DD, for example").waitFor();
    expect(await date.inputValue()).toBe(before);

    // The form starts tomorrow; the calendar opens on that month, and the next month's 15th is picked.
    await tab.getByRole("button", { name: "Choose a date: Date" }).click();
    const calendar = tab.getByRole("dialog", { name: "Date" });
    await calendar.getByRole("button", { name: "Go to today" }).waitFor();
    await calendar.getByRole("button", { name: "Next month" }).click();
    const [year, month] = before.split("-").map(Number);
    const picked = new Date(Date.UTC(year ?? 0, month ?? 0, 15, 12));
    const pickedKey = picked.toISOString().slice(0, 10);
    // Fluent names each day button "15, January, 2027".
    const monthName = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(picked);
    await calendar.getByRole("button", { name: `15, ${monthName}, ${picked.getUTCFullYear()}` }).click();
    await calendar.waitFor({ state: "detached" });
    // The page leaves the accessibility tree while the calendar is open: poll until it is back.
    await expect.poll(() => date.inputValue()).toBe(pickedKey);
    expect(await tab.getByText("Type a date as YYYY-MM-DD").count()).toBe(0);

    await tab.getByLabel("Start time").fill("09:30");
    await tab.getByRole("button", { name: "Save session" }).click();
    await tab.getByRole("heading", { level: 1, name: "Picked from the calendar" }).waitFor();
    const sessions = await api<{ items: SessionJson[] }>(stewardId, "GET", sessionsPath());
    const saved = sessions.items.find((s) => s.title === "Picked from the calendar");
    expect(saved && dayKeyOf(new Date(saved.startsAt), "Europe/Berlin")).toBe(pickedKey);
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
    // A refusal answers the same again: no Retry.
    expect(await tab.getByRole("button", { name: "Retry" }).count()).toBe(0);
    await context.unroute("**/rsvp");
  });

  it("says PeerCircle is temporarily unavailable when storage is away (503), and Retry sends the RSVP again", async () => {
    const session = await planSession("RSVP during an outage", 3);
    const tab = await openTab(page, server.baseUrl, {
      subEntityId: `session:${server.demoCommunityId}:${session.id}`,
    });
    await tab.getByRole("heading", { level: 1, name: "RSVP during an outage" }).waitFor();
    await context.route("**/rsvp", (route) =>
      route.fulfill({
        status: 503,
        headers: { "retry-after": "5" },
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "storage_unavailable",
            message: "PeerCircle's storage is not answering; try again in a moment.",
          },
        }),
      }),
    );
    await tab.getByRole("button", { name: "Going (0)", exact: true }).click();
    await tab
      .getByText("Your answer wasn't saved: PeerCircle is temporarily unavailable. Try again in a moment.")
      .waitFor();
    await tab.getByRole("button", { name: "Going (0)", exact: true, pressed: false }).waitFor();
    await context.unroute("**/rsvp");
    await tab.getByRole("button", { name: "Retry" }).click();
    await tab.getByRole("button", { name: "Going (1)", exact: true, pressed: true }).waitFor();
    await expect
      .poll(async () => (await api<SessionJson>(stewardId, "GET", `${sessionsPath()}/${session.id}`)).myRsvp)
      .toBe("going");
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

  /** The next Sunday (after a week from now) on which Berlin changes its clocks. */
  function nextBerlinClockChange(): string {
    let day = dayKeyOf(new Date(Date.now() + 7 * 86_400_000), "UTC");
    const noon = (key: string) => {
      const { year, month, day: d } = parseDayKey(key);
      return offsetMinutesAt(Date.UTC(year, month - 1, d, 12), "Europe/Berlin");
    };
    while (noon(day) === noon(addDays(day, -1))) day = addDays(day, 1);
    return day;
  }
  /** 09:00 on a day in Berlin, as an instant. */
  const nineInBerlin = (key: string) => {
    const { year, month, day } = parseDayKey(key);
    return instantOfWallClock(Date.UTC(year, month - 1, day, 9), "Europe/Berlin").toISOString();
  };

  it("a weekly series shows every occurrence at 09:00 Berlin across a clock change, and downloads as .ics", async () => {
    const change = nextBerlinClockChange();
    const days = [-12, -5, 2, 9].map((n) => addDays(change, n)); // Tuesdays around the change
    const starts = days.map(nineInBerlin);
    const series = await api<SessionJson>(stewardId, "POST", sessionsPath(), {
      title: "Weekly clock-change café",
      format: "knowledge-cafe",
      startsAt: starts[0],
      timeZone: "Europe/Berlin",
      recurrence: { rule: "FREQ=WEEKLY;COUNT=4" },
    });
    // The change moves the series in UTC by an hour.
    expect(new Set(starts.map((s) => s.slice(11, 16))).size).toBe(2);

    const tab = await openTab(page, server.baseUrl, { page: "/tab/calendar" });
    await tab.getByRole("tab", { name: "Week", exact: true }).click();
    // Step week by week to each occurrence: it is on its Tuesday, at 09:00 in the viewer's zone.
    for (const day of days) {
      for (let guard = 0; guard < 60; guard++) {
        const shown =
          (await tab.getByTestId("week-view").locator("li[data-day]").first().getAttribute("data-day")) ?? "";
        if (weekDays(day)[0] === shown) break;
        await tab
          .getByRole("button", { name: shown < (weekDays(day)[0] ?? "") ? "Next" : "Previous", exact: true })
          .click();
        await tab
          .locator(`[data-testid="week-view"] li[data-day="${addDays(shown, shown < day ? 7 : -7)}"]`)
          .waitFor();
      }
      const cell = tab.locator(`[data-testid="week-view"] li[data-day="${day}"]`);
      await cell.getByRole("link", { name: "Weekly clock-change café" }).waitFor();
      expect(await cell.locator("time").first().textContent()).toMatch(/9:00/);
    }

    await tab.getByRole("link", { name: "Weekly clock-change café" }).first().click();
    await tab.getByRole("heading", { level: 1, name: "Weekly clock-change café" }).waitFor();
    const next = tab.getByTestId("next-occurrences");
    await expect
      .poll(() => next.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime"))))
      .toEqual(starts);
    for (const text of await next.locator("time").allTextContents()) expect(text).toMatch(/9:00/);

    // The .ics download: an independent parser expands it to the same instants.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      tab.getByRole("button", { name: "Add to my calendar (.ics)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`peercircle-${series.id}.ics`);
    const text = await readFile((await download.path()) ?? "", "utf8");
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    const expanded: string[] = [];
    const iterator = event.iterator();
    for (let at = iterator.next(); at; at = iterator.next()) expanded.push(at.toJSDate().toISOString());
    expect(expanded).toEqual(starts);
  });

  it("a steward skips an occurrence of a series, and asks for a Teams meeting that is kept in step", async () => {
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(8, 0, 0, 0);
    const series = await api<SessionJson>(stewardId, "POST", sessionsPath(), {
      title: "Skippable series",
      format: "mastermind",
      startsAt: start.toISOString(),
      timeZone: "Europe/Berlin",
      recurrence: { rule: "FREQ=WEEKLY;COUNT=3" },
    });
    const tab = await openTab(page, server.baseUrl, {
      subEntityId: `session:${server.demoCommunityId}:${series.id}`,
    });
    const next = tab.getByTestId("next-occurrences");
    await expect.poll(() => next.locator("time").count()).toBe(3);
    await next
      .getByRole("button", { name: /^Skip / })
      .nth(1)
      .click();
    await expect.poll(() => next.locator("time").count()).toBe(2);
    const stored = await api<SessionJson & { recurrence: { exceptions: string[] } }>(
      stewardId,
      "GET",
      `${sessionsPath()}/${series.id}`,
    );
    expect(stored.recurrence.exceptions).toEqual([new Date(start.getTime() + 7 * 86_400_000).toISOString()]);

    // Plan with a Teams meeting through the form (local mode schedules through the Graph stand-in).
    const calendar = await openTab(page, server.baseUrl, { page: "/tab/calendar" });
    await calendar.getByRole("button", { name: "Plan a session" }).click();
    await calendar.getByRole("textbox", { name: "Title" }).fill("Meeting-backed session");
    await calendar.getByRole("checkbox", { name: "Schedule a Teams meeting in my calendar" }).check();
    await calendar.getByRole("radio", { name: "The whole community" }).check();
    // The typed join link gives way to the scheduled meeting.
    expect(await calendar.getByRole("textbox", { name: /Join link/ }).count()).toBe(0);
    await calendar.getByRole("button", { name: "Save session" }).click();
    await calendar.getByRole("heading", { level: 1, name: "Meeting-backed session" }).waitFor();
    await calendar.getByText("Teams meeting in the organiser's calendar").waitFor();
    expect(await calendar.getByRole("link", { name: "Join" }).getAttribute("href")).toMatch(/^https:\/\//);

    // When the calendar did not take a change, the page says so and offers a retry.
    const sessionUrl = /\/sessions\/[^/]+$/;
    await context.route(sessionUrl, async (route) => {
      if (route.request().method() !== "GET") return route.fallback();
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown> & {
        teamsMeeting: Record<string, unknown>;
      };
      await route.fulfill({
        response,
        json: {
          ...body,
          teamsMeeting: {
            ...body.teamsMeeting,
            status: "pending",
            pendingAction: "update",
            problem: "Microsoft Graph is unavailable right now.",
          },
        },
      });
    });
    const backed = (await api<{ items: SessionJson[] }>(stewardId, "GET", sessionsPath())).items.find(
      (x) => x.title === "Meeting-backed session",
    );
    const reopened = await openTab(page, server.baseUrl, {
      subEntityId: `session:${server.demoCommunityId}:${backed?.id}`,
    });
    const warning = reopened.getByTestId("meeting-pending");
    await warning.getByText("The session is saved. Microsoft Graph is unavailable right now.").waitFor();
    await context.unroute(sessionUrl);
    await warning.getByRole("button", { name: "Try again" }).click();
    await reopened.getByText("Teams meeting in the organiser's calendar").waitFor();
    expect(await reopened.getByTestId("meeting-pending").count()).toBe(0);
  });

  it("the rota: members opt into roles, a steward fills open roles fairly and sets reminders", async () => {
    await planSession("Rota session", 5);
    const member = await plainMember();
    const asMember = await openTab(page, server.baseUrl, { user: member, page: "/tab/calendar" });
    await asMember.getByRole("tab", { name: "Rota", exact: true }).click();
    await asMember.getByRole("heading", { name: "Role rota" }).waitFor();
    expect(await asMember.getByRole("button", { name: "Fill open roles fairly" }).count()).toBe(0);
    await asMember.getByRole("checkbox", { name: "Note-taker" }).check();
    await asMember.getByRole("button", { name: "Save my roles" }).click();
    await asMember.getByText("Saved. The next rota takes it into account.").waitFor();
    const steward = await openTab(page, server.baseUrl, { page: "/tab/calendar" });
    await steward.getByRole("tab", { name: "Rota", exact: true }).click();
    await steward.getByRole("button", { name: "Fill open roles fairly" }).click();
    const rota = steward.getByTestId("rota");
    const row = rota.locator("li", { has: steward.getByRole("link", { name: "Rota session" }) }).first();
    await expect
      .poll(async () => (await row.getByRole("combobox", { name: /^Note-taker on / }).textContent())?.trim())
      .not.toBe("Nobody");
    // The rota is usable with a screen reader: no serious or critical axe findings (Fluent's focus
    // helpers excluded, as in calendarAccessibility.test.ts).
    const axe = await new AxeBuilder({ page })
      .include("#tab-frame")
      .exclude(["#tab-frame", "[data-tabster-dummy]"])
      .analyze();
    expect(
      axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    ).toEqual([]);
    await steward.getByRole("spinbutton", { name: "Minutes before the session" }).fill("30");
    await steward.getByRole("button", { name: "Save reminders" }).click();
    await steward.getByText("Reminder settings saved.").waitFor();
    expect(
      (await api<{ leadMinutes: number }>(stewardId, "GET", `${sessionsPath()}/reminder-settings`))
        .leadMinutes,
    ).toBe(30);

    const snoozer = await openTab(page, server.baseUrl, { user: member, page: "/tab/calendar" });
    await snoozer.getByRole("tab", { name: "Rota", exact: true }).click();
    // A snooze (last: a snoozed member takes no role) is a day in the member's zone, Berlin, east
    // of UTC, where its local midnight is the day before in UTC: it reads back as the day picked.
    const snooze = snoozer.getByRole("combobox", { name: /^Pause/ });
    await snooze.fill("2099-06-30");
    await page.keyboard.press("Tab");
    await snoozer.getByRole("button", { name: "Save my roles" }).click();
    await expect
      .poll(
        async () =>
          (
            await api<{ preferences: { userId: string; snoozedUntil?: string }[] }>(
              member,
              "GET",
              `${sessionsPath()}/rota`,
            )
          ).preferences.find((p) => p.userId === member)?.snoozedUntil,
      )
      .toBe("2099-06-29T22:00:00.000Z");
    const again = await openTab(page, server.baseUrl, { user: member, page: "/tab/calendar" });
    await again.getByRole("tab", { name: "Rota", exact: true }).click();
    await expect.poll(() => again.getByRole("combobox", { name: /^Pause/ }).inputValue()).toBe("2099-06-30");
  });
});
