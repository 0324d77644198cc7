import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { installInDemoTeam } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor, uniqueTablePrefix } from "../support/testServer.js";

interface SessionJson {
  id: string;
  etag: string;
  roles: { role: string; person?: { id: string } }[];
}

describe("session reminders and the calendar API over HTTP (two instances, one storage account)", () => {
  const connector = new ConnectorRecorder();
  let a: TestServer;
  let b: TestServer;
  let stewardId: string;

  async function api<T>(
    server: TestServer,
    method: string,
    path: string,
    body?: unknown,
    accept?: string,
    ifMatch?: string,
  ) {
    const res = await fetch(`${server.baseUrl}/api/communities/${server.demoCommunityId}/sessions${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, stewardId)}`,
        "content-type": "application/json",
        ...(accept ? { accept } : {}),
        ...(ifMatch ? { "if-match": ifMatch } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return { res, json: () => res.json() as Promise<T> };
  }

  beforeAll(async () => {
    await connector.start();
    const TABLE_PREFIX = uniqueTablePrefix();
    // Two instances of the app on one storage account, as App Service scales out.
    [a, b] = await Promise.all([
      startTestServer({ demo: true, env: { TABLE_PREFIX } }),
      startTestServer({ demo: true, env: { TABLE_PREFIX } }),
    ]);
    stewardId = ((await fetch(`${a.baseUrl}/local/api/defaults`).then((r) => r.json())) as { userId: string })
      .userId;
    // The app installed in the community's team: the bot learns where the channel is.
    await installInDemoTeam(a.baseUrl, connector, DEMO_TEAM);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await connector.stop();
  });

  const reminderCards = (title: string) =>
    connector.activities.filter((x) =>
      x.body.attachments?.some((att) => JSON.stringify(att.content).includes(`Coming up: ${title}`)),
    );

  it("posts one reminder card to the channel, naming the role holders, although both instances poll", async () => {
    const settings = await (
      await api<{ leadMinutes: number }>(a, "PUT", "/reminder-settings", { enabled: true, leadMinutes: 45 })
    ).json();
    expect(settings.leadMinutes).toBe(45);
    const startsAt = new Date(Date.now() + 30 * 60_000).toISOString();
    const session = await (
      await api<SessionJson>(b, "POST", "", {
        title: "Reminder café",
        format: "knowledge-cafe",
        startsAt,
        timeZone: "Europe/Berlin",
        joinUrl: "https://teams.microsoft.com/l/meetup-join/reminder",
      })
    ).json();
    await api(a, "PUT", `/${session.id}/roles/facilitator`, {
      person: { id: stewardId, displayName: "The Steward" },
    });

    await expect.poll(() => reminderCards("Reminder café").length, { timeout: 15_000 }).toBe(1);
    // Several more passes of both instances (every 2 s locally): still exactly one.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const cards = reminderCards("Reminder café");
    expect(cards).toHaveLength(1);
    const [reminder] = cards;
    expect(reminder?.conversationId).toBe(DEMO_TEAM.channelId);
    const content = reminder?.body.attachments?.[0]?.content as {
      body: { text: string }[];
      actions: { url: string }[];
      msteams: { entities: { mentioned: { id: string } }[] };
    };
    expect(content.body.map((x) => x.text).join("\n")).toMatch(
      /<at>The Steward<\/at>, you are the facilitator\./,
    );
    expect(content.msteams.entities.map((e) => e.mentioned.id)).toEqual([stewardId]);
    expect(content.actions[0]?.url).toBe("https://teams.microsoft.com/l/meetup-join/reminder");
    expect(content.body[1]?.text).toContain(`{{TIME(${startsAt.replace(/\.\d{3}Z$/, "Z")})}}`);
  });

  it("does not remind of a session outside the lead time, nor when reminders are off", async () => {
    await api(a, "PUT", "/reminder-settings", { enabled: true, leadMinutes: 10 });
    await api(a, "POST", "", {
      title: "Too early café",
      format: "knowledge-cafe",
      startsAt: new Date(Date.now() + 40 * 60_000).toISOString(),
    });
    await api(a, "PUT", "/reminder-settings", { enabled: false, leadMinutes: 60 });
    await api(a, "POST", "", {
      title: "Muted café",
      format: "knowledge-cafe",
      startsAt: new Date(Date.now() + 20 * 60_000).toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(reminderCards("Too early café")).toHaveLength(0);
    expect(reminderCards("Muted café")).toHaveLength(0);
  });

  it("downloads a series as .ics that an independent parser reads back (file and JSON for the tab)", async () => {
    const series = await (
      await api<SessionJson>(a, "POST", "", {
        title: "ICS weekly",
        format: "micro-teach",
        startsAt: "2030-10-22T07:00:00.000Z",
        timeZone: "Europe/Berlin",
        recurrence: { rule: "FREQ=WEEKLY;COUNT=3", exceptions: ["2030-10-29T08:00:00.000Z"] },
      })
    ).json();
    const { res } = await api(b, "GET", `/${series.id}/calendar.ics`, undefined, "text/calendar");
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.ics"/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.summary).toBe("ICS weekly");
    const starts: string[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toEqual(["2030-10-22T07:00:00.000Z", "2030-11-05T08:00:00.000Z"]);
    // The organiser is the steward, with their directory mail; the URL leads back to the session.
    expect(String(event.component.getFirstPropertyValue("organizer"))).toMatch(/^mailto:.+@/);
    expect(String(event.component.getFirstPropertyValue("url"))).toContain(
      `/tab/calendar/${a.demoCommunityId}/${series.id}`,
    );

    await api(a, "POST", "", { title: "ICS one-off", format: "ama", startsAt: "2030-12-03T14:00:00.000Z" });
    const whole = await (
      await api<{ filename: string; content: string }>(
        a,
        "GET",
        "/calendar.ics",
        undefined,
        "application/json",
      )
    ).json();
    expect(whole.filename).toBe("peercircle-sessions.ics");
    const all = new ICAL.Component(ICAL.parse(whole.content)).getAllSubcomponents("vevent");
    expect(all.map((e) => e.getFirstPropertyValue("summary"))).toEqual(
      expect.arrayContaining(["ICS weekly", "ICS one-off"]),
    );
  });

  it("schedules a real Teams meeting through the Graph stand-in in local mode, and cancels it", async () => {
    const { json } = await api<{ canScheduleMeetings: boolean }>(a, "GET", "");
    expect((await json()).canScheduleMeetings).toBe(true);
    const created = await (
      await api<SessionJson & { joinUrl?: string; teamsMeeting?: { status: string; eventId?: string } }>(
        a,
        "POST",
        "",
        {
          title: "Graph café",
          format: "knowledge-cafe",
          startsAt: "2030-06-04T08:00:00.000Z",
          timeZone: "Europe/Berlin",
          teamsMeeting: { attendees: "community" },
        },
      )
    ).json();
    expect(created.teamsMeeting?.status).toBe("scheduled");
    expect(created.joinUrl).toMatch(/^https:\/\//);
    // Through the same instance: each local instance runs its own in-memory Graph stand-in.
    const cancelled = await (
      await api<SessionJson & { teamsMeeting?: { status: string } }>(
        a,
        "PATCH",
        `/${created.id}`,
        { cancelled: true },
        undefined,
        created.etag,
      )
    ).json();
    expect(cancelled.teamsMeeting?.status).toBe("cancelled");
  });
});
