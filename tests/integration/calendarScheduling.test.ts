import { beforeAll, describe, expect, it } from "vitest";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import { UnavailableError } from "../../src/domain/errors.js";
import type { Caller } from "../../src/domain/identity.js";
import type {
  MeetingRequest,
  MeetingScheduler,
  ScheduledMeeting,
} from "../../src/domain/sessions/meetingScheduler.js";
import { SessionService } from "../../src/domain/sessions/sessionService.js";
import { wallClockOf } from "../../src/domain/sessions/zonedTime.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import {
  communityMembersOf,
  TablesSessionPlanRepository,
} from "../../src/storage/tablesSessionPlanRepository.js";
import { TablesSessionRepository } from "../../src/storage/tablesSessionRepository.js";
import { freshTableStore } from "../support/testServer.js";

const tenant = "tenant-calendar";
const person = (n: number): Caller => ({ tenantId: tenant, userId: `user-${n}`, displayName: `Person ${n}` });
const steward = person(0);

type Call =
  | { op: "schedule"; organizerId: string; request: MeetingRequest }
  | { op: "update"; organizerId: string; eventId: string; request: MeetingRequest }
  | { op: "cancel"; organizerId: string; eventId: string };

/** A calendar that records what it is asked and can be switched off (Graph down or throttling). */
class FakeScheduler implements MeetingScheduler {
  calls: Call[] = [];
  down = false;
  private next = 1;
  async schedule(tenantId: string, organizerId: string, request: MeetingRequest): Promise<ScheduledMeeting> {
    this.check(tenantId);
    this.calls.push({ op: "schedule", organizerId, request });
    const eventId = `event-${this.next++}`;
    return { eventId, joinUrl: `https://teams.microsoft.com/l/meetup-join/${eventId}` };
  }
  async update(tenantId: string, organizerId: string, eventId: string, request: MeetingRequest) {
    this.check(tenantId);
    this.calls.push({ op: "update", organizerId, eventId, request });
    return { eventId, joinUrl: `https://teams.microsoft.com/l/meetup-join/${eventId}` };
  }
  async cancel(tenantId: string, organizerId: string, eventId: string): Promise<void> {
    this.check(tenantId);
    this.calls.push({ op: "cancel", organizerId, eventId });
  }
  private check(tenantId: string) {
    expect(tenantId).toBe(tenant);
    if (this.down)
      throw new UnavailableError("Microsoft Graph is throttling PeerCircle; try again in a minute.");
  }
}

describe("calendar: Teams meetings through the scheduler port, recurrence, rota (Azurite)", () => {
  const scheduler = new FakeScheduler();
  let sessions: SessionService;
  let planStore: TablesSessionPlanRepository;
  let unscheduled: SessionService;
  let communityId: string;
  let now = Date.parse("2026-10-01T08:00:00.000Z");

  beforeAll(async () => {
    const store = await freshTableStore();
    const repository = new TablesCommunityRepository(store);
    const communities = new CommunityService(repository);
    planStore = new TablesSessionPlanRepository(store);
    const options = { plan: planStore, members: communityMembersOf(repository) };
    sessions = new SessionService(new TablesSessionRepository(store), communities, () => new Date(now), {
      ...options,
      scheduler,
    });
    unscheduled = new SessionService(
      new TablesSessionRepository(store),
      communities,
      () => new Date(now),
      options,
    );
    communityId = (await communities.create(steward, { name: "Platform guild", purpose: "Learn together" }))
      .id;
    for (const n of [1, 2, 3]) await communities.join(person(n), communityId);
  });

  const plan = (extra: Record<string, unknown> = {}) =>
    sessions.create(steward, communityId, {
      title: "Incident retro",
      format: "incident-retro",
      startsAt: "2026-10-20T07:00:00.000Z",
      timeZone: "Europe/Berlin",
      agenda: ["Timeline", "Learnings"],
      ...extra,
    });

  it("schedules a Teams meeting inviting the community, stores the join link, and cancels it", async () => {
    scheduler.calls = [];
    const created = await plan({ teamsMeeting: { attendees: "community" } });
    expect(created.teamsMeeting).toMatchObject({
      status: "scheduled",
      eventId: "event-1",
      organizerId: steward.userId,
    });
    expect(created.joinUrl).toBe("https://teams.microsoft.com/l/meetup-join/event-1");
    const [call] = scheduler.calls;
    expect(call?.op).toBe("schedule");
    if (call?.op !== "schedule") return;
    expect(call.organizerId).toBe(steward.userId);
    expect(call.request).toMatchObject({
      subject: "Incident retro",
      startsAt: "2026-10-20T07:00:00.000Z",
      endsAt: "2026-10-20T08:00:00.000Z",
      timeZone: "Europe/Berlin",
      body: "1. Timeline\n2. Learnings",
    });
    // The community's members, without the organiser (the event is in their calendar).
    expect(call.request.attendees.map((a) => a.id).sort()).toEqual(["user-1", "user-2", "user-3"]);

    const edited = await sessions.update(
      steward,
      communityId,
      created.id,
      { title: "Incident retro: the outage" },
      created.etag,
    );
    expect(scheduler.calls[1]).toMatchObject({
      op: "update",
      eventId: "event-1",
      request: { subject: "Incident retro: the outage" },
    });
    expect(edited.teamsMeeting?.status).toBe("scheduled");

    const cancelled = await sessions.update(
      steward,
      communityId,
      created.id,
      { cancelled: true },
      edited.etag,
    );
    expect(scheduler.calls[2]).toMatchObject({
      op: "cancel",
      eventId: "event-1",
      organizerId: steward.userId,
    });
    expect(cancelled.teamsMeeting?.status).toBe("cancelled");
  });

  it("invites the people who RSVP'd, and the calendar follows new answers", async () => {
    scheduler.calls = [];
    const created = await plan({ teamsMeeting: { attendees: "rsvps" } });
    expect(scheduler.calls[0]).toMatchObject({ op: "schedule", request: { attendees: [] } });
    await sessions.rsvp(person(1), communityId, created.id, { response: "going" });
    await sessions.rsvp(person(2), communityId, created.id, { response: "no" });
    await sessions.rsvp(person(3), communityId, created.id, { response: "maybe" });
    const last = scheduler.calls.at(-1);
    expect(last?.op).toBe("update");
    if (last?.op !== "update") return;
    expect(last.request.attendees.map((a) => a.id).sort()).toEqual(["user-1", "user-3"]);
    const view = await sessions.get(steward, communityId, created.id);
    expect(view.teamsMeeting?.status).toBe("scheduled");
  });

  it("keeps the session when the calendar is unavailable, flags it, and schedules on retry", async () => {
    scheduler.calls = [];
    scheduler.down = true;
    const created = await plan({
      title: "Planned while Graph is down",
      teamsMeeting: { attendees: "community" },
    });
    expect(created.teamsMeeting).toMatchObject({ status: "pending", pendingAction: "schedule" });
    expect(created.teamsMeeting?.problem).toMatch(/throttling/);
    expect(created.joinUrl).toBeUndefined();
    // Nothing lost: the session is in the calendar.
    const listed = await sessions.list(steward, communityId);
    expect(listed.some((s) => s.id === created.id)).toBe(true);

    scheduler.down = false;
    const retried = await sessions.retryMeeting(steward, communityId, created.id);
    expect(retried.teamsMeeting).toMatchObject({ status: "scheduled" });
    expect(retried.teamsMeeting?.problem).toBeUndefined();
    expect(retried.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(scheduler.calls.map((c) => c.op)).toEqual(["schedule"]);
  });

  it("refuses a Teams meeting when no calendar is connected, saying so", async () => {
    await expect(
      unscheduled.create(steward, communityId, {
        title: "No calendar",
        format: "ama",
        startsAt: "2026-10-20T07:00:00.000Z",
        teamsMeeting: { attendees: "community" },
      }),
    ).rejects.toThrow(/calendar connection is not set up/);
    expect(unscheduled.canScheduleMeetings).toBe(false);
  });

  it("a weekly series: occurrences at 09:00 Berlin across the DST change, a skipped one reaches the calendar", async () => {
    scheduler.calls = [];
    const series = await plan({
      title: "Weekly retro",
      recurrence: { rule: "FREQ=WEEKLY;BYDAY=TU;COUNT=6" },
      teamsMeeting: { attendees: "community" },
    });
    expect(scheduler.calls[0]).toMatchObject({
      op: "schedule",
      request: { recurrence: "FREQ=WEEKLY;BYDAY=TU;COUNT=6" },
    });
    const inOctober = (
      await sessions.list(steward, communityId, {
        from: "2026-10-19T22:00:00.000Z",
        to: "2026-11-10T23:00:00.000Z",
      })
    ).filter((s) => s.id === series.id);
    expect(inOctober.map((s) => s.startsAt)).toEqual([
      "2026-10-20T07:00:00.000Z",
      "2026-10-27T08:00:00.000Z",
      "2026-11-03T08:00:00.000Z",
      "2026-11-10T08:00:00.000Z",
    ]);
    for (const s of inOctober) expect(wallClockOf(s.startsAt, "Europe/Berlin").hour).toBe(9);

    await sessions.changeOccurrence(steward, communityId, series.id, "2026-10-27T08:00:00.000Z", {
      cancelled: true,
    });
    const update = scheduler.calls.at(-1);
    expect(update).toMatchObject({ op: "update", request: { exceptions: ["2026-10-27T08:00:00.000Z"] } });
    const moved = await sessions.changeOccurrence(
      steward,
      communityId,
      series.id,
      "2026-11-03T08:00:00.000Z",
      {
        startsAt: "2026-11-05T13:00:00.000Z",
      },
    );
    expect(moved.nextOccurrences?.map((o) => o.startsAt)).toEqual([
      "2026-10-20T07:00:00.000Z",
      "2026-11-05T13:00:00.000Z",
      "2026-11-10T08:00:00.000Z",
      "2026-11-17T08:00:00.000Z",
      "2026-11-24T08:00:00.000Z",
    ]);
    await expect(
      sessions.changeOccurrence(steward, communityId, series.id, "2026-10-28T08:00:00.000Z", {
        cancelled: true,
      }),
    ).rejects.toThrow(/no occurrence/);
  });

  it("generates a fair rota among willing members, honouring absences, and stewards edit it", async () => {
    // Everyone joined over 30 days before: nobody is a newcomer any more (rotation.test.ts has those).
    now = Date.now() + 40 * 86_400_000;
    const series = await sessions.create(steward, communityId, {
      title: "Mastermind",
      format: "mastermind",
      startsAt: new Date(now + 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
      recurrence: { rule: "FREQ=WEEKLY;COUNT=6" },
    });
    for (const n of [1, 2, 3])
      await sessions.setRolePreference(person(n), communityId, {
        willing: ["facilitator", "hot-seat", "note-taker"],
      });
    await sessions.setRolePreference(person(0), communityId, { willing: ["facilitator"] });
    await sessions.rsvp(person(3), communityId, series.id, { response: "no" });
    const rota = await sessions.generateRota(steward, communityId);
    const mine = rota.occurrences.filter((o) => o.sessionId === series.id);
    expect(mine).toHaveLength(6);
    const counts = new Map<string, number>();
    for (const o of mine) {
      expect(o.roles.map((r) => r.role)).toEqual(["facilitator", "hot-seat", "note-taker"]);
      for (const r of o.roles) {
        expect(r.person?.id).not.toBe("user-3"); // said no
        if (r.person) counts.set(r.person.id, (counts.get(r.person.id) ?? 0) + 1);
      }
    }
    // user-0 (the steward) only facilitates; user-1 and user-2 share the rest evenly.
    expect(counts.get("user-1")).toBe(counts.get("user-2"));
    expect(counts.get("user-0")).toBe(6);
    // A steward changes one occurrence's facilitator; the rest stays.
    const first = mine[0];
    if (!first) throw new Error("no occurrence");
    // One person, one role: user-2's other role there must be freed before they facilitate.
    const held = first.roles.find((r) => r.role !== "facilitator" && r.person?.id === "user-2");
    if (held) {
      await expect(
        sessions.assignRole(
          steward,
          communityId,
          series.id,
          "facilitator",
          { id: "user-2", displayName: "Person 2" },
          first.occurrenceId,
        ),
      ).rejects.toThrow(/already has another role/);
      await sessions.assignRole(steward, communityId, series.id, held.role, undefined, first.occurrenceId);
    }
    await sessions.assignRole(
      steward,
      communityId,
      series.id,
      "facilitator",
      { id: "user-2", displayName: "Person 2" },
      first.occurrenceId,
    );
    const after = (await sessions.rota(steward, communityId)).occurrences.find(
      (o) => o.sessionId === series.id && o.occurrenceId === first.occurrenceId,
    );
    expect(after?.roles.find((r) => r.role === "facilitator")?.person?.id).toBe("user-2");
    // Members see their own preference only.
    const asMember = await sessions.rota(person(1), communityId);
    expect(asMember.preferences.map((p) => p.userId)).toEqual(["user-1"]);
    expect(asMember.canEdit).toBe(false);
  });

  it("claims a reminder exactly once under contention; a stale or released claim is taken over once", async () => {
    const key = {
      tenantId: tenant,
      communityId,
      sessionId: "claim-session",
      occurrenceId: "2026-10-20T07:00:00.000Z",
      kind: "channel" as const,
    };
    const at = new Date("2026-10-20T06:00:00.000Z");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => planStore.claimReminder(key, `instance-${i}`, at, 120_000)),
    );
    expect(results.filter((r) => r === "claimed")).toHaveLength(1);
    // Its instance died mid-send: after the stale time one (and only one) other instance takes over.
    const later = new Date(at.getTime() + 121_000);
    const takeovers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => planStore.claimReminder(key, `late-${i}`, later, 120_000)),
    );
    expect(takeovers.filter((r) => r === "claimed")).toHaveLength(1);
    await planStore.completeReminder(key, "sent");
    expect(
      await planStore.claimReminder(key, "again", new Date(later.getTime() + 10 * 60_000), 120_000),
    ).toBe("taken");

    const failed = { ...key, occurrenceId: "2026-10-27T08:00:00.000Z" };
    expect(await planStore.claimReminder(failed, "a", at, 120_000)).toBe("claimed");
    await planStore.releaseReminder(failed);
    expect(await planStore.claimReminder(failed, "b", at, 120_000)).toBe("claimed");
    expect(await planStore.claimReminder(failed, "c", at, 120_000)).toBe("taken");
  });
});
