import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { UnavailableError } from "../../src/domain/errors.js";
import { GraphClients } from "../../src/graph/graphClient.js";
import { StaticTokenSource } from "../../src/graph/graphCredentials.js";
import { GraphDirectory, type GraphDirectoryOptions } from "../../src/graph/graphDirectory.js";
import { GraphMeetingScheduler } from "../../src/graph/graphMeetingScheduler.js";
import { GraphStandIn } from "../../src/local/graphStandIn.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesOrgContextCache } from "../../src/storage/tablesOrgContextCache.js";
import { org, person } from "../support/orgFixture.js";
import { freshTableStore } from "../support/testServer.js";

const tenant = org.tenantId;
const everyone = org.users.map((u) => u.id);
const first300 = everyone.slice(0, 300);

describe("org context through the Graph stand-in", () => {
  let standIn: GraphStandIn;
  let store: TableStore;
  let clients: GraphClients;
  const directories: GraphDirectory[] = [];

  /** A directory with a fresh memory over the shared Tables cache. */
  const directoryWith = (options: Partial<GraphDirectoryOptions> = {}, cacheStore = store) => {
    const d = new GraphDirectory({
      clients,
      cache: new TablesOrgContextCache(cacheStore),
      waitMs: 30_000,
      ...options,
    });
    directories.push(d);
    return d;
  };
  /** A Tables cache of its own, so a test starts cold. */
  const freshStore = freshTableStore;

  beforeAll(async () => {
    standIn = await GraphStandIn.start({ org });
    store = await freshStore();
    clients = new GraphClients({ baseUrl: standIn.url, tokens: new StaticTokenSource("any-token") });
  });
  afterEach(() => {
    standIn.setSwitches({
      latencyMs: 0,
      throttleRate: 0,
      serverErrorRate: 0,
      down: false,
      retryAfterSeconds: 1,
    });
    standIn.clearSeen();
  });
  afterAll(async () => {
    await Promise.all(directories.map((d) => d.stop()));
    await standIn.stop();
  });

  it("answers Graph's shapes: $select, $filter by id, paging with @odata.nextLink, the manager, 401 without a token", async () => {
    const client = clients.forTenant(tenant);
    const page = (await client.api("/users").select("id,displayName,department").top(250).get()) as {
      value: Record<string, unknown>[];
      "@odata.nextLink"?: string;
    };
    expect(page.value).toHaveLength(250);
    expect(Object.keys(page.value[0] ?? {}).sort()).toEqual(["department", "displayName", "id"]);
    const next = (await client.api(clients.relativeLink(page["@odata.nextLink"] ?? "")).get()) as {
      value: unknown[];
    };
    expect(next.value).toHaveLength(250);

    const two = [person(3).id, person(7).id];
    const filtered = (await client
      .api("/users")
      .filter(`id in ('${two.join("','")}')`)
      .select("id")
      .get()) as {
      value: { id: string }[];
    };
    expect(filtered.value.map((u) => u.id).sort()).toEqual([...two].sort());

    const withManager = org.users.find((u) => u.managerId);
    const manager = (await client.api(`/users/${withManager?.id}/manager`).select("id").get()) as {
      id: string;
    };
    expect(manager.id).toBe(withManager?.managerId);

    const anonymous = await fetch(`${standIn.url}v1.0/users`);
    expect(anonymous.status).toBe(401);
  });

  it("gets org context for 300 people in ≤ 15 batches of ≤ 20, with exactly the fields used and the manager", async () => {
    const directory = directoryWith({}, await freshStore());
    const { people, degraded } = await directory.getMany(tenant, first300);
    expect(degraded).toBe(false);
    expect(people.size).toBe(300);
    for (const user of org.users.slice(0, 300)) {
      const p = people.get(user.id);
      expect(p?.displayName).toBe(user.displayName);
      expect(p?.department).toBe(user.department ?? undefined);
      expect(p?.managerId).toBe(user.managerId ?? undefined);
      expect(p?.preferredLanguage).toBe(user.preferredLanguage ?? undefined);
    }
    const outer = standIn.seen.filter((r) => !r.inner);
    const inner = standIn.seen.filter((r) => r.inner);
    expect(outer.every((r) => r.url === "/$batch" && r.method === "POST")).toBe(true);
    expect(outer.length).toBeLessThanOrEqual(Math.ceil(300 / 20));
    expect(inner).toHaveLength(300);
    expect(inner[0]?.url).toMatch(
      /^\/users\/[0-9a-f-]{36}\?\$select=id,displayName,mail,jobTitle,department,officeLocation,preferredLanguage&\$expand=manager\(\$select=id\)$/,
    );
  });

  it("answers from the cache without a Graph call: in memory, and from Tables on a cold instance", async () => {
    const cacheStore = await freshStore();
    await directoryWith({}, cacheStore).getMany(tenant, first300);
    standIn.clearSeen();
    const again = await directories.at(-1)?.getMany(tenant, first300);
    expect(again?.people.size).toBe(300);
    expect(standIn.seen).toHaveLength(0);

    const coldInstance = directoryWith({}, cacheStore);
    const fromTables = await coldInstance.getMany(tenant, first300);
    expect(fromTables.people.size).toBe(300);
    expect(fromTables.degraded).toBe(false);
    expect(standIn.seen).toHaveLength(0);

    // A few people (a late joiner's partners) are read by key on another cold instance: the same
    // people, and someone nobody looked up yet is asked of Graph alone.
    const few = [first300[7], first300[150], everyone[450]].filter((id): id is string => !!id);
    const another = await directoryWith({}, cacheStore).getMany(tenant, few);
    expect([...another.people.keys()].sort()).toEqual([...few].sort());
    expect(another.people.get(few[0] as string)).toEqual(fromTables.people.get(few[0] as string));
    expect(standIn.seen.filter((r) => r.inner).map((r) => r.url.split("?")[0])).toEqual([`/users/${few[2]}`]);
  });

  it("completes a 429 storm (30 % throttled, outer and inner, Retry-After 1 s) correctly, re-sending inner 429s", async () => {
    standIn.setSwitches({ throttleRate: 0.3, retryAfterSeconds: 1 });
    const directory = directoryWith({}, await freshStore());
    const ids = everyone.slice(300, 400);
    const { people, degraded } = await directory.getMany(tenant, ids);
    expect(degraded).toBe(false);
    expect([...people.keys()].sort()).toEqual([...ids].sort());
    expect(people.get(ids[0] ?? "")?.department).toBe(org.users[300]?.department ?? undefined);
    const throttled = standIn.seen.filter((r) => r.status === 429);
    expect(throttled.some((r) => r.inner)).toBe(true);
    expect(throttled.some((r) => !r.inner)).toBe(true);
    // Every person was asked until answered: inner 200s = people, and no more batches than needed.
    expect(standIn.seen.filter((r) => r.inner && r.status === 200)).toHaveLength(100);
  });

  it("keeps answering when Graph is down: cached people, the rest missing, flagged degraded, quickly", async () => {
    const directory = directoryWith({ waitMs: 2_000 }, await freshStore());
    const cached = everyone.slice(0, 10);
    await directory.getMany(tenant, cached);
    standIn.setSwitches({ down: true });
    const started = performance.now();
    const answer = await directory.getMany(tenant, [...cached, ...everyone.slice(10, 15)]);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(answer.degraded).toBe(true);
    expect([...answer.people.keys()].sort()).toEqual([...cached].sort());

    const search = await directory.search(tenant, person(2).displayName.slice(0, 4), 5);
    expect(search.degraded).toBe(true);
    expect(search.people.map((p) => p.id)).toContain(person(2).id);
  });

  it("does not wait for slow Graph past its budget, and fills the cache behind the answer", async () => {
    standIn.setSwitches({ latencyMs: 400 });
    const directory = directoryWith({ waitMs: 50 }, await freshStore());
    const ids = everyone.slice(20, 25);
    const hurried = await directory.getMany(tenant, ids);
    expect(hurried).toMatchObject({ degraded: true });
    expect(hurried.people.size).toBe(0);
    await directory.stop(); // waits for the lookup still running
    standIn.clearSeen();
    const later = await directory.getMany(tenant, ids);
    expect(later.degraded).toBe(false);
    expect(later.people.size).toBe(5);
    expect(standIn.seen).toHaveLength(0);
  });

  it("flags 5xx answers as degraded and serves stale context while Graph fails", async () => {
    let now = Date.now();
    const directory = directoryWith({ ttlMs: 60_000, now: () => now }, await freshStore());
    const ids = everyone.slice(30, 33);
    await directory.getMany(tenant, ids);
    standIn.setSwitches({ serverErrorRate: 1, serverErrorStatus: 500 });
    now += 120_000; // past the time to live
    await directory.getMany(tenant, ids); // stale: answered, refresh fails behind it
    await directory.stop();
    const stale = await directory.getMany(tenant, ids);
    expect(stale.people.size).toBe(3);
    expect(stale.degraded).toBe(true);
  });

  it("searches people in Graph ($search by word prefix) with exactly the fields used", async () => {
    const directory = directoryWith();
    const target = person(5);
    const { people, degraded } = await directory.search(tenant, target.displayName.slice(0, 5), 10);
    expect(degraded).toBe(false);
    expect(people.map((p) => p.id)).toContain(target.id);
    expect(people.find((p) => p.id === target.id)?.department).toBe(target.department ?? undefined);
  });

  it("keeps the cache in step with /users/delta: a full first round, then only changes", async () => {
    const directory = directoryWith({}, await freshStore());
    expect(await directory.syncDelta(tenant)).toBe(org.users.length);
    standIn.clearSeen();
    const all = await directory.getMany(tenant, everyone);
    expect(all.people.size).toBe(org.users.length);
    expect(standIn.seen).toHaveLength(0);

    const mover = person(40);
    standIn.changeUser(mover.id, { department: "Research Guild" });
    standIn.removeUser(person(41).id);
    expect(await directory.syncDelta(tenant)).toBe(2);
    const after = await directory.getMany(tenant, [mover.id]);
    expect(after.people.get(mover.id)).toMatchObject({
      department: "Research Guild",
      displayName: mover.displayName,
    });
    standIn.changeUser(mover.id, { department: mover.department });
  });
});

describe("Teams meetings through the Graph stand-in", () => {
  let standIn: GraphStandIn;
  let scheduler: GraphMeetingScheduler;
  let directory: GraphDirectory;
  const organizer = person(1);
  const attendees = [person(2), person(3), person(4)];

  beforeAll(async () => {
    standIn = await GraphStandIn.start({ org });
    const store = await freshTableStore();
    const clients = new GraphClients({
      baseUrl: standIn.url,
      tokens: new StaticTokenSource("any-token"),
      retryDelaySeconds: 0,
    });
    directory = new GraphDirectory({ clients, cache: new TablesOrgContextCache(store) });
    scheduler = new GraphMeetingScheduler(clients, directory);
  });
  afterEach(() => standIn.setSwitches({ throttleRate: 0, down: false, retryAfterSeconds: 1 }));
  afterAll(async () => {
    await directory.stop();
    await standIn.stop();
  });

  const request = {
    subject: "Knowledge Café: observability",
    startsAt: "2026-03-24T09:00:00.000Z",
    endsAt: "2026-03-24T10:30:00.000Z",
    timeZone: "Europe/Berlin",
    body: "Agenda: three rounds",
    attendees: [
      {
        id: attendees[0]?.id ?? "",
        mail: attendees[0]?.mail ?? "",
        displayName: attendees[0]?.displayName ?? "",
      },
      { id: attendees[1]?.id ?? "" }, // mail looked up in the directory
      { id: attendees[2]?.id ?? "", mail: attendees[2]?.mail ?? "" },
      { id: organizer.id, mail: organizer.mail }, // the organiser is not invited to their own meeting
    ],
    recurrence: "FREQ=WEEKLY;BYDAY=TU;COUNT=6",
  };

  it("creates an online Teams event with the right attendees, recurrence and join URL", async () => {
    const meeting = await scheduler.schedule(org.tenantId, organizer.id, request);
    const event = standIn.events.get(meeting.eventId);
    expect(event).toBeDefined();
    expect(meeting.joinUrl).toBe(event?.onlineMeeting?.joinUrl);
    expect(meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(event).toMatchObject({
      organizerId: organizer.id,
      subject: request.subject,
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      start: { dateTime: "2026-03-24T10:00:00", timeZone: "Europe/Berlin" },
      end: { dateTime: "2026-03-24T11:30:00", timeZone: "Europe/Berlin" },
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday"] },
        range: {
          type: "numbered",
          numberOfOccurrences: 6,
          startDate: "2026-03-24",
          recurrenceTimeZone: "Europe/Berlin",
        },
      },
    });
    expect(event?.attendees?.map((a) => a.emailAddress.address).sort()).toEqual(
      attendees.map((a) => a.mail).sort(),
    );
    expect(event?.attendees?.every((a) => a.type === "required")).toBe(true);
  });

  it("propagates edits (PATCH) and cancellations (POST …/cancel) to the same event", async () => {
    const meeting = await scheduler.schedule(org.tenantId, organizer.id, {
      ...request,
      recurrence: undefined,
    });
    const moved = await scheduler.update(org.tenantId, organizer.id, meeting.eventId, {
      ...request,
      recurrence: undefined,
      subject: "Knowledge Café (moved)",
      startsAt: "2026-03-31T08:00:00.000Z",
      endsAt: "2026-03-31T09:00:00.000Z",
      attendees: [{ id: attendees[0]?.id ?? "", mail: attendees[0]?.mail ?? "" }],
    });
    expect(moved).toEqual(meeting);
    const event = standIn.events.get(meeting.eventId);
    expect(event).toMatchObject({
      subject: "Knowledge Café (moved)",
      start: { dateTime: "2026-03-31T10:00:00" },
    });
    expect(event?.attendees).toHaveLength(1);

    await scheduler.cancel(org.tenantId, organizer.id, meeting.eventId, "Moved to the library session");
    expect(standIn.events.get(meeting.eventId)).toMatchObject({
      isCancelled: true,
      cancellationComment: "Moved to the library session",
    });
  });

  it("says Unavailable (503 for the API) when Graph is down or keeps throttling, and creates nothing twice", async () => {
    const before = standIn.events.size;
    standIn.setSwitches({ down: true });
    await expect(scheduler.schedule(org.tenantId, organizer.id, request)).rejects.toBeInstanceOf(
      UnavailableError,
    );
    standIn.setSwitches({ down: false, throttleRate: 1, retryAfterSeconds: 0 });
    const error = await scheduler.schedule(org.tenantId, organizer.id, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toMatch(/busy/);
    expect(standIn.events.size).toBe(before);
  });
});
