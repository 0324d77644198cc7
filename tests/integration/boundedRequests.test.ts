import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_RANGE_DAYS } from "../../src/domain/sessions/sessionSchemas.js";
import { MAX_LISTED } from "../../src/domain/sessions/sessionService.js";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are loosely shaped JSON read by tests
type Json = any;

const every = (n: number) => Array.from({ length: n }, (_, i) => i).join(",");

/**
 * Requests whose cost grew with what a member or steward sent, over HTTP against the real server and
 * Azurite (issue 14): each is refused in words or answered within its bounds, and the server keeps
 * answering. The demo community's first person is its steward; the second a member.
 */
describe("requests are bounded, whatever a member sends", () => {
  let server: TestServer;
  let steward: string;
  let member: string;

  async function call(userId: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, userId)}`,
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as Json };
  }
  const sessions = () => `/communities/${server.demoCommunityId}/sessions`;
  const plan = (rule: string, title = "Daily stand-up") =>
    call(steward, "POST", sessions(), {
      title,
      format: "think-pair-share",
      startsAt: "2026-12-07T08:00:00.000Z",
      timeZone: "Europe/Berlin",
      recurrence: { rule },
    });

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    const [first, second] = demoPeople(org);
    if (!first || !second) throw new Error("the demo community has too few people");
    steward = first.id;
    member = second.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a series of a session every second of the day (it was accepted, and opening it ran the server out of heap), and saves nothing", async () => {
    const before = await call(member, "GET", `${sessions()}?from=2026-12-01&to=2027-01-01`);
    const refused = await plan(`FREQ=DAILY;BYHOUR=${every(24)};BYMINUTE=${every(60)};BYSECOND=${every(60)}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/at most 4 sessions a day/);
    expect((await plan("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")).body.error.message).toMatch(/gives no dates/);
    const after = await call(member, "GET", `${sessions()}?from=2026-12-01&to=2027-01-01`);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it(`answers a calendar range of at most ${MAX_RANGE_DAYS} days, anywhere in time, within its limits`, async () => {
    const planned = await plan("FREQ=DAILY;BYHOUR=9,10,11,12", "Four a day, for ever");
    expect(planned.status).toBe(201);

    const endless = await call(member, "GET", `${sessions()}?from=2026-12-01&to=9999-12-31`);
    expect(endless.status).toBe(400);
    expect(endless.body.error.message).toMatch(/at most 400 days/);
    // Only an end given: the range starts at its default (a month back), and is as wide as that.
    expect((await call(member, "GET", `${sessions()}?to=2099-01-01`)).status).toBe(400);
    expect(
      (await call(member, "GET", `${sessions()}?from=2027-02-01&to=2027-01-01`)).body.error.message,
    ).toMatch(/ends before it starts/);

    // Far in the future: expansion starts near the range (it walked from 2026 to there for seconds).
    const far = await call(member, "GET", `${sessions()}?from=9000-01-01&to=9001-01-01`);
    expect(far.status).toBe(200);
    expect(far.body.items).toHaveLength(MAX_LISTED);
    expect(far.body.truncated).toBe(true);
    expect(far.body.items[0].startsAt).toBe("9000-01-01T08:00:00.000Z");
    expect(far.body.items.every((s: Json) => s.id === planned.body.id)).toBe(true);

    // A full answer holds the soonest occurrences of every series, in order, however many series.
    const weekly = await plan("FREQ=WEEKLY;BYDAY=WE", "Weekly circle");
    const full = await call(member, "GET", `${sessions()}?from=2027-01-01&to=2028-01-01`);
    expect(full.body.items).toHaveLength(MAX_LISTED);
    const starts = full.body.items.map((s: Json) => s.startsAt);
    expect(starts).toEqual([...starts].sort());
    // Every Wednesday from the first to the last listed time is there, none skipped.
    const wednesdays = full.body.items
      .filter((s: Json) => s.id === weekly.body.id)
      .map((s: Json) => Date.parse(s.startsAt));
    expect(new Date(wednesdays[0]).toISOString()).toBe("2027-01-06T08:00:00.000Z");
    for (let i = 1; i < wednesdays.length; i++)
      expect(Math.abs(wednesdays[i] - wednesdays[i - 1] - 7 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
    expect(wednesdays[wednesdays.length - 1] + 7 * 86_400_000).toBeGreaterThan(
      Date.parse(starts[starts.length - 1]),
    );

    // The home and the series' own page answer with their bounded windows.
    const home = await call(member, "GET", `/communities/${server.demoCommunityId}/home`);
    expect(home.status).toBe(200);
    const one = await call(member, "GET", `${sessions()}/${planned.body.id}`);
    expect(one.body.nextOccurrences).toHaveLength(12);
  });

  it("keeps an answer near 1 MB when every occurrence carries a long description and agenda", async () => {
    const planned = await call(steward, "POST", sessions(), {
      title: "Wordy daily",
      format: "think-pair-share",
      startsAt: "2030-01-07T08:00:00.000Z",
      timeZone: "Europe/Berlin",
      description: "d".repeat(4000),
      agenda: Array.from({ length: 30 }, (_, i) => `${i} ${"a".repeat(290)}`),
      recurrence: { rule: "FREQ=DAILY;BYHOUR=9,10,11,12", exceptions: ["2030-01-08T08:00:00.000Z"] },
    });
    expect(planned.status).toBe(201);
    const res = await fetch(`${server.baseUrl}/api${sessions()}?from=2030-01-01&to=2031-01-01`, {
      headers: { authorization: `Bearer ${await tokenFor(server.baseUrl, member)}` },
    });
    const text = await res.text();
    expect(text.length).toBeLessThan(1_100_000);
    const body = JSON.parse(text);
    expect(body.truncated).toBe(true);
    expect(body.items.length).toBeGreaterThan(50);
    // The list's occurrences leave the series' exceptions to the series' own view.
    expect(body.items[0].recurrence).toEqual({
      rule: "FREQ=DAILY;BYHOUR=9,10,11,12",
      exceptions: [],
      moved: [],
    });
    const one = await call(member, "GET", `${sessions()}/${planned.body.id}`);
    expect(one.body.recurrence.exceptions).toEqual(["2030-01-08T08:00:00.000Z"]);
  });

  it("refuses library searches past their bounds in words", async () => {
    const entries = `/communities/${server.demoCommunityId}/entries`;
    const deep = await call(member, "GET", `${entries}?q=pipeline&offset=5000`);
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toMatch(/first 1,000/);
    expect((await call(member, "GET", `${entries}?q=${"a".repeat(201)}`)).status).toBe(400);
    expect((await call(member, "GET", `${entries}?q=pipeline&offset=1000`)).status).toBe(200);
  });

  it("refuses a body over the API's limit before reading it into a request", async () => {
    const big = JSON.stringify({
      title: "Big",
      format: "think-pair-share",
      description: "x".repeat(300_000),
    });
    const refused = await call(steward, "POST", sessions(), big);
    expect(refused.status).toBe(413);
  });

  it("refuses a bot activity over 1 MB before parsing it, and takes one just under", async () => {
    const activity = (bytes: number) =>
      JSON.stringify({
        type: "message",
        id: `big-${bytes}`,
        channelId: "msteams",
        serviceUrl: "http://127.0.0.1:9/",
        from: { id: "29:someone", aadObjectId: "someone" },
        recipient: { id: "28:peercircle-bot" },
        conversation: { id: "19:big@thread.v2", conversationType: "channel" },
        text: "x".repeat(bytes),
      });
    const post = (body: string) =>
      fetch(`${server.baseUrl}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
    expect((await post(activity(1_100_000))).status).toBe(413);
    expect((await post(activity(900_000))).status).not.toBe(413);
  });
});
