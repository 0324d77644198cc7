import { odata } from "@azure/data-tables";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Activity } from "../../src/domain/activities/activity.js";
import { ActivityService } from "../../src/domain/activities/activityService.js";
import { pairingQuality } from "../../src/domain/activities/pairingQuality.js";
import { ConcurrencyError, ConflictError, ForbiddenError, ValidationError } from "../../src/domain/errors.js";
import type { Caller } from "../../src/domain/identity.js";
import type { PeopleDirectory } from "../../src/domain/people/peopleDirectory.js";
import { FixtureDirectory } from "../../src/local/fixtureDirectory.js";
import { TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesActivityRepository } from "../../src/storage/tablesActivityRepository.js";
import { fixtureCaller, fixtureTenant, org } from "../support/orgFixture.js";
import { uniqueName, uniqueTablePrefix } from "../support/testServer.js";

const tenant = fixtureTenant;
const caller = fixtureCaller;
const directory = new FixtureDirectory({ ...org, tenantId: tenant });

/** A clock the test moves by hand; both "instances" read it. */
function testClock(start = Date.parse("2025-03-04T10:00:00.000Z")) {
  let now = start;
  return { now: () => new Date(now), advance: (seconds: number) => (now += seconds * 1000) };
}

const unique = uniqueName;

function activity(id = unique("act"), extra: Partial<Activity> = {}): Activity {
  return {
    tenantId: tenant,
    id,
    format: "think-pair-share",
    communityId: "community-1",
    conversationId: "19:meeting_abc@thread.v2",
    facilitator: { id: caller(0).userId, displayName: caller(0).displayName },
    prompt: "What slowed your last release down?",
    phases: [
      { id: "think", minutes: 2 },
      { id: "pair", minutes: 5 },
      { id: "share", minutes: 5 },
      { id: "close", minutes: 3 },
    ],
    pairingRule: "cross-department",
    createdAt: new Date().toISOString(),
    ...extra,
  };
}

/** A person's private reflection, as the one submission path writes it. */
function reflectionOf(u: { id: string; displayName: string }, at: string) {
  const me = { id: u.id, displayName: u.displayName };
  return {
    kind: "reflection",
    scope: "person" as const,
    ownerId: u.id,
    text: `reflection of ${u.id}`,
    createdBy: me,
    editedBy: me,
    at,
    requestId: `reflect-${u.id}`,
  };
}

describe("activity storage on Azurite (two server instances)", () => {
  let one: TablesActivityRepository;
  let two: TablesActivityRepository;
  let storeOne: TableStore;

  beforeAll(async () => {
    const tablePrefix = uniqueTablePrefix();
    const connectionString = inject("tablesConnectionString");
    // Two stores = two instances' clients on one storage account.
    storeOne = await TableStore.connect({ connectionString, tablePrefix });
    await storeOne.ensureTables();
    const storeTwo = await TableStore.connect({ connectionString, tablePrefix });
    one = new TablesActivityRepository(storeOne);
    two = new TablesActivityRepository(storeTwo);
  });

  it("stores a late joiner's row and place once: a retry through the other instance keeps the stored place", async () => {
    const a = activity();
    await one.create(a);
    const u = org.users[20] as { id: string; displayName: string };
    const participant = { userId: u.id, displayName: u.displayName, joinedAt: new Date().toISOString() };
    const place = (groupId: string) => ({ round: 0, userId: u.id, groupId, at: participant.joinedAt });
    await expect(one.addLateParticipant(tenant, a.id, participant, place("g0001"))).resolves.toEqual({
      joined: true,
      placed: place("g0001"),
    });
    // Instance two has not seen them join: its writes meet the stored rows, and it keeps them.
    await expect(two.addLateParticipant(tenant, a.id, participant, place("g0002"))).resolves.toEqual({
      joined: false,
      placed: place("g0001"),
    });
    // Joined without a place before (the groups were formed meanwhile): the place is added.
    const v = org.users[21] as { id: string; displayName: string };
    const early = { userId: v.id, displayName: v.displayName, joinedAt: participant.joinedAt };
    await two.addParticipant(tenant, a.id, early);
    await expect(
      one.addLateParticipant(tenant, a.id, early, { ...place("g0002"), userId: v.id }),
    ).resolves.toMatchObject({ joined: false, placed: { userId: v.id, groupId: "g0002" } });
    const record = await one.load(tenant, a.id);
    expect(record?.participants.map((p) => p.userId).sort()).toEqual([u.id, v.id].sort());
    expect(record?.lateAssignments.map((l) => `${l.userId}:${l.groupId}`).sort()).toEqual(
      [`${u.id}:g0001`, `${v.id}:g0002`].sort(),
    );
  });

  it("keeps a newcomer's place of a later round on their participant row: one row, found by round", async () => {
    const a = activity();
    await one.create(a);
    const u = org.users[22] as { id: string; displayName: string };
    const at = new Date().toISOString();
    const participant = { userId: u.id, displayName: u.displayName, joinedAt: at };
    const place = { round: 2, userId: u.id, groupId: "r2-g0003", at };
    await expect(one.addLateParticipant(tenant, a.id, participant, place)).resolves.toEqual({
      joined: true,
      placed: place,
    });
    // One insert: no row of its own for the place.
    const rows = await storeOne.queryAll<{ userId: string }>(TABLES.activities, odata`userId eq ${u.id}`);
    const mine = rows.filter((r) => r.partitionKey?.includes(a.id) && !r.rowKey?.startsWith("activity"));
    expect(mine.map((r) => r.rowKey?.split("|")[0])).toEqual(["participant"]);
    // Read back by round, as the whole record, and as the person's own rows.
    expect((await two.lateAssignments(tenant, a.id, 2)).map((l) => l.groupId)).toEqual(["r2-g0003"]);
    expect(await two.lateAssignments(tenant, a.id, 0)).toEqual([]);
    expect((await two.ownRows(tenant, a.id, u.id, 2)).late).toEqual(place);
    expect((await two.ownRows(tenant, a.id, u.id, 0)).late).toBeUndefined();
    expect(await two.placeOf(tenant, a.id, u.id, 2)).toMatchObject({
      participant: { userId: u.id },
      late: place,
    });
    expect(await two.placeOf(tenant, a.id, "nobody-here", 2)).toEqual({});
    const record = await two.load(tenant, a.id);
    expect(record?.participants.map((p) => p.userId)).toEqual([u.id]);
    expect(record?.lateAssignments).toEqual([place]);
    // Placed again in another round (a regrouping): that place is a row of its own, both kept.
    await two.assignLateJoiner(tenant, a.id, { ...place, round: 3, groupId: "r3-g0001" });
    expect(
      (await one.load(tenant, a.id))?.lateAssignments.map((l) => `${l.round}:${l.groupId}`).sort(),
    ).toEqual(["2:r2-g0003", "3:r3-g0001"]);
  });

  it("keeps all 300 joins and reflections submitted at the same second, none lost or duplicated", async () => {
    const a = activity();
    await one.create(a);
    const people = org.users.slice(0, 300);
    const at = new Date().toISOString();
    await Promise.all(
      people.flatMap((u, i) => {
        const repo = i % 2 === 0 ? one : two;
        const participant = { userId: u.id, displayName: u.displayName, joinedAt: at };
        return [
          repo.addParticipant(tenant, a.id, participant),
          repo.saveSubmission(a, reflectionOf(u, at), { myLearning: true }),
        ];
      }),
    );
    // A retried invoke of the first 50 (through the other instance) changes nothing.
    const retried = await Promise.all(
      people.slice(0, 50).map(async (u, i) => {
        const repo = i % 2 === 0 ? two : one;
        await repo.saveSubmission(a, reflectionOf(u, at), { myLearning: true });
        return repo.addParticipant(tenant, a.id, { userId: u.id, displayName: u.displayName, joinedAt: at });
      }),
    );
    expect(retried.every((joinedAgain) => joinedAgain === false)).toBe(true);
    const record = await two.load(tenant, a.id);
    expect(record?.participants).toHaveLength(300);
    expect(record?.reflections).toHaveLength(300);
    expect(new Set(record?.reflections.map((r) => r.userId)).size).toBe(300);
    expect(record?.reflections.every((r) => r.text === `reflection of ${r.userId}`)).toBe(true);
    const mine = await one.reflectionsOf(tenant, people[7]?.id ?? "");
    expect(mine.filter((n) => n.activityId === a.id)).toEqual([
      expect.objectContaining({
        text: `reflection of ${people[7]?.id}`,
        prompt: a.prompt,
        communityId: "community-1",
      }),
    ]);
  });

  it("stores submissions of any kind by scope: items once per request, a group's text guarded, old rows readable", async () => {
    const a = activity();
    await one.create(a);
    const ana = { id: "u-ana", displayName: "Ana" };
    const ben = { id: "u-ben", displayName: "Ben" };
    const at = new Date().toISOString();
    const item = (who: typeof ana, itemId: string, text: string) => ({
      kind: "advice",
      scope: "item" as const,
      ownerId: who.id,
      itemId,
      text,
      createdBy: who,
      editedBy: who,
      at,
      requestId: `r-${itemId}`,
    });
    // Three items of Ana's (one sent twice, through both instances) and one of Ben's.
    await Promise.all([
      one.saveSubmission(a, item(ana, "i1", "Try a pre-mortem")),
      two.saveSubmission(a, item(ana, "i1", "Try a pre-mortem")),
      one.saveSubmission(a, item(ana, "i2", "Ask the customer first")),
      two.saveSubmission(a, item(ben, "i1", "Write it down")),
    ]);
    const again = await two.saveSubmission(a, item(ana, "i1", "a retry sends what it sent"));
    expect(again.text).toBe("Try a pre-mortem");
    // A group's shared text: created once; a second create is a conflict; a stale ETag is refused.
    const notes = {
      kind: "table-notes",
      scope: "group" as const,
      ownerId: "g0001",
      text: "We keep coming back to onboarding",
      createdBy: ana,
      editedBy: ana,
      at,
      requestId: "r-notes",
    };
    const first = await one.saveSubmission(a, notes);
    await expect(two.saveSubmission(a, { ...notes, createdBy: ben, editedBy: ben })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const edited = await two.saveSubmission(
      a,
      // The editor writes without reading the row: the stored creator stays.
      { ...notes, text: "Onboarding, twice", createdBy: ben, editedBy: ben },
      {
        etag: first.etag,
      },
    );
    await expect(
      one.saveSubmission(a, { ...notes, text: "stale" }, { etag: first.etag }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await one.getSubmission(tenant, a.id, "table-notes", "g0001")).toMatchObject({
      text: "Onboarding, twice",
      createdBy: ana,
      editedBy: ben,
      etag: edited.etag,
    });
    const record = await one.load(tenant, a.id);
    const advice = record?.submissions.filter((s) => s.kind === "advice") ?? [];
    expect(advice.map((s) => `${s.ownerId}/${s.itemId}: ${s.text}`).sort()).toEqual([
      "u-ana/i1: Try a pre-mortem",
      "u-ana/i2: Ask the customer first",
      "u-ben/i1: Write it down",
    ]);
    expect(record?.reflections).toEqual([]);
    // A kind is a plain word: it cannot reach another row's key.
    await expect(
      one.saveSubmission(a, { ...item(ana, "i3", "x"), kind: "participant|u-ana" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("gives a phase announcement to exactly one of many concurrent claimers", async () => {
    const a = activity();
    await one.create(a);
    const now = new Date();
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? one : two).claimAnnouncement(tenant, a.id, 1, `instance-${i}`, now, 30_000),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = `instance-${claims.indexOf(true)}`;
    // Another phase is a separate announcement.
    expect(await one.claimAnnouncement(tenant, a.id, 2, "instance-x", now, 30_000)).toBe(true);
    await one.completeAnnouncement(tenant, a.id, 1, winner);
    const later = new Date(now.getTime() + 60_000);
    expect(await two.claimAnnouncement(tenant, a.id, 1, "instance-late", later, 30_000)).toBe(false);
  });

  it("lets exactly one instance take over an announcement whose holder stopped before sending", async () => {
    const a = activity();
    await one.create(a);
    const now = new Date();
    expect(await one.claimAnnouncement(tenant, a.id, 0, "crashed", now, 1_000)).toBe(true);
    expect(await two.claimAnnouncement(tenant, a.id, 0, "other", now, 1_000)).toBe(false);
    const afterLease = new Date(now.getTime() + 5_000);
    const takeovers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? one : two).claimAnnouncement(tenant, a.id, 0, `rescuer-${i}`, afterLease, 30_000),
      ),
    );
    expect(takeovers.filter(Boolean)).toHaveLength(1);
  });

  it("stores one grouping per round when two instances form groups at once", async () => {
    const a = activity();
    await one.create(a);
    const at = new Date().toISOString();
    const grouping = (round: number, members: string[]) => ({
      round,
      groups: [{ id: `r${round}-g1`, members }],
      appliedRule: "random" as const,
      degraded: true,
      at,
    });
    const [first, second, third, fourth] = await Promise.all([
      one.saveGrouping(tenant, a.id, grouping(0, ["a", "b"])),
      two.saveGrouping(tenant, a.id, grouping(0, ["a", "c"])),
      two.saveGrouping(tenant, a.id, grouping(2, ["a", "d"])),
      one.saveGrouping(tenant, a.id, grouping(2, ["b", "d"])),
    ]);
    expect(first).toEqual(second);
    expect(third).toEqual(fourth);
    expect(third?.round).toBe(2);
    // Late joiners are kept per round: the same person may join round 0's and round 2's groups.
    await one.assignLateJoiner(tenant, a.id, { round: 0, userId: "e", groupId: "r0-g1", at });
    await two.assignLateJoiner(tenant, a.id, { round: 2, userId: "e", groupId: "r2-g1", at });
    const record = await two.load(tenant, a.id);
    expect(record?.groupings).toEqual([first, third]);
    expect(record?.lateAssignments.map((l) => `${l.round}:${l.groupId}`).sort()).toEqual([
      "0:r0-g1",
      "2:r2-g1",
    ]);
    expect((await one.lateAssignments(tenant, a.id, 2)).map((l) => l.groupId)).toEqual(["r2-g1"]);
    expect((await one.ownRows(tenant, a.id, "e", 2)).late?.groupId).toBe("r2-g1");
    expect(await one.getGrouping(tenant, a.id, 1)).toBeUndefined();
  });

  it("stores the groups of 1,000 people in one row (spread over properties)", async () => {
    const a = activity();
    await one.create(a);
    const groups = Array.from({ length: 500 }, (_, i) => ({
      id: `g${String(i + 1).padStart(4, "0")}`,
      members: [`${crypto.randomUUID()}`, `${crypto.randomUUID()}`],
    }));
    await one.saveGrouping(tenant, a.id, {
      round: 0,
      groups,
      appliedRule: "cross-department",
      degraded: false,
      at: a.createdAt,
    });
    expect((await two.getGrouping(tenant, a.id, 0))?.groups).toEqual(groups);
  });

  it("creates an activity once: a second create returns the stored one", async () => {
    const a = activity();
    expect((await one.create(a)).created).toBe(true);
    const again = await two.create({ ...a, prompt: "changed" });
    expect(again).toMatchObject({ created: false, activity: { prompt: a.prompt } });
    expect(await one.activityIdsOfConversation(tenant, a.conversationId)).toContain(a.id);
    expect(await one.recentActivityIds(tenant, a.communityId, 50)).toContain(a.id);
  });

  it("keeps tenants apart", async () => {
    const a = activity();
    await one.create(a);
    expect(await one.load("another-tenant", a.id)).toBeUndefined();
  });
});

describe("think-pair-share through the activity service (two instances, one Azurite)", () => {
  let serviceOne: ActivityService;
  let serviceTwo: ActivityService;
  let repo: TablesActivityRepository;
  const clock = testClock();

  beforeAll(async () => {
    const tablePrefix = uniqueTablePrefix();
    const connectionString = inject("tablesConnectionString");
    const storeOne = await TableStore.connect({ connectionString, tablePrefix });
    await storeOne.ensureTables();
    const storeTwo = await TableStore.connect({ connectionString, tablePrefix });
    repo = new TablesActivityRepository(storeOne);
    serviceOne = new ActivityService(repo, directory, { now: clock.now });
    serviceTwo = new ActivityService(new TablesActivityRepository(storeTwo), directory, { now: clock.now });
  });

  const setUp = (facilitator: Caller, requestId = unique("setup")) =>
    serviceOne.create(
      facilitator,
      {
        communityId: "community-tps",
        conversationId: `19:meeting_${unique("m")}@thread.v2`,
        meetingId: "MCMxOTptZWV0aW5nX2FiYw==/x",
        prompt: "What is one thing you'd change about our on-call?",
        minutes: { think: 2, pair: 5, share: 5 },
      },
      requestId,
    );

  it("runs a complete think-pair-share with 41 people: private reflections, pairs, shares, commitments", async () => {
    const facilitator = caller(0);
    const people = Array.from({ length: 41 }, (_, i) => caller(100 + i * 7));
    const view = await setUp(facilitator);
    expect(view).toMatchObject({
      state: { status: "not-started" },
      isFacilitator: true,
      pairingRule: "cross-department",
    });
    const id = view.id;

    await Promise.all(people.map((p, i) => (i % 2 ? serviceOne : serviceTwo).join(p, id)));
    await serviceOne.control(facilitator, id, { kind: "start" }, unique("r"));
    await Promise.all(
      people.map((p, i) =>
        (i % 2 ? serviceTwo : serviceOne).submit(p, id, "reflection", {
          text: `private thought of ${p.displayName}`,
        }),
      ),
    );
    const other = await serviceOne.view(people[1] as Caller, id);
    expect(other.reflectedCount).toBe(41);
    expect(other.me.reflection?.text).toBe(`private thought of ${people[1]?.displayName}`);
    expect(JSON.stringify(other)).not.toContain(`private thought of ${people[2]?.displayName}`);

    // Think runs out by time: the pair phase begins without anyone pressing "next".
    clock.advance(121);
    const [a, b] = await Promise.all([
      serviceOne.view(people[0] as Caller, id),
      serviceTwo.view(people[3] as Caller, id),
    ]);
    expect(a.state.phaseId).toBe("pair");
    // A participant's view counts the groups and names their own; the list is the facilitator's,
    // or asked for (by someone who steers), the same on both instances.
    expect(a.groups).toBeUndefined();
    const [listOne, listTwo] = await Promise.all([
      serviceOne.groups(people[0] as Caller, id),
      serviceTwo.groups(people[3] as Caller, id),
    ]);
    expect(listOne).toEqual(listTwo);
    expect((await serviceTwo.view(facilitator, id)).groups).toEqual(listOne);
    expect([a.groupCount, b.groupCount]).toEqual([listOne.length, listOne.length]);
    const groups = listOne.map((g) => g.members.map((m) => m.id));
    expect(groups.flat().sort()).toEqual(people.map((p) => p.userId).sort());
    expect(groups.filter((g) => g.length === 3)).toHaveLength(1);
    const profiles = (await directory.getMany(tenant, groups.flat())).people;
    expect(pairingQuality(groups, profiles).crossDepartmentRate).toBe(1);
    expect(a.me.group?.partners.length).toBeGreaterThan(0);

    // Share: either partner writes, the other edits; the wall shows it; the facilitator highlights.
    const first = people[0] as Caller;
    const partnerId = a.me.group?.partners[0]?.id;
    const partner = people.find((p) => p.userId === partnerId) as Caller;
    const saved = await serviceOne.submitShare(first, id, { text: "Rotate weekly" }, unique("r"));
    expect(saved.status).toBe("saved");
    if (saved.status !== "saved") throw new Error("not saved");
    const edited = await serviceTwo.submitShare(
      partner,
      id,
      { text: "Rotate weekly, with a handover note", etag: saved.share.etag },
      unique("r"),
    );
    expect(edited).toMatchObject({ status: "saved", share: { text: "Rotate weekly, with a handover note" } });
    await serviceOne.control(facilitator, id, { kind: "next", phaseIndex: 1 }, unique("r"));
    await serviceOne.highlight(facilitator, id, a.me.group?.id ?? "", true);
    await expect(serviceOne.highlight(first, id, a.me.group?.id ?? "", true)).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    await serviceOne.control(facilitator, id, { kind: "next", phaseIndex: 2 }, unique("r"));
    await expect(serviceOne.submit(first, id, "commitment", { text: "   " })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await Promise.all(
      people.map((p, i) =>
        (i % 2 ? serviceTwo : serviceOne).submit(p, id, "commitment", {
          text: `try something, ${p.displayName}`,
        }),
      ),
    );
    await serviceOne.control(facilitator, id, { kind: "end" }, unique("r"));

    const summary = await serviceOne.summary(facilitator, id);
    expect(summary).toMatchObject({ participantCount: 41, reflectedCount: 41, commitmentCount: 41 });
    expect(summary.shares[0]).toMatchObject({
      text: "Rotate weekly, with a handover note",
      highlighted: true,
    });
    expect(JSON.stringify(summary)).not.toContain("private thought");
    expect((await serviceOne.myCommitments(tenant, first.userId)).map((c) => c.activityId)).toContain(id);
    expect((await serviceOne.myReflections(tenant, first.userId))[0]).toMatchObject({
      activityId: id,
      text: `private thought of ${first.displayName}`,
    });
    expect((await repo.load(tenant, id))?.commitments).toHaveLength(41);
  });

  it("treats a retried set-up and a retried control as the same request", async () => {
    const facilitator = caller(1);
    const requestId = unique("bf-activity");
    const first = await setUp(facilitator, requestId);
    const again = await setUp(facilitator, requestId);
    expect(again.id).toBe(first.id);
    const control = unique("r");
    await serviceOne.control(facilitator, first.id, { kind: "start" }, control);
    const retried = await serviceTwo.control(facilitator, first.id, { kind: "start" }, control);
    expect(retried.state.status).toBe("running");
    expect((await repo.load(tenant, first.id))?.controls).toHaveLength(1);
    await expect(
      serviceOne.control(caller(2), first.id, { kind: "pause" }, unique("r")),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(serviceOne.control(facilitator, first.id, { kind: "start" }, unique("r"))).rejects.toThrow(
      "The activity has already started.",
    );
  });

  it("never loses a partner's text when both edit the pair's insight at once", async () => {
    const facilitator = caller(2);
    const [p, q] = [caller(300), caller(301)];
    const { id } = await setUp(facilitator);
    await serviceOne.join(p, id);
    await serviceOne.join(q, id);
    await serviceOne.control(facilitator, id, { kind: "start" }, unique("r"));
    await serviceOne.control(facilitator, id, { kind: "next", phaseIndex: 0 }, unique("r"));

    // Both write the first version at the same moment.
    const [x, y] = await Promise.all([
      serviceOne.submitShare(p, id, { text: "P's first idea" }, unique("r")),
      serviceTwo.submitShare(q, id, { text: "Q's first idea" }, unique("r")),
    ]);
    expect([x.status, y.status].sort()).toEqual(["conflict", "saved"]);
    const lost = x.status === "conflict" ? x : y;
    if (lost.status !== "conflict") throw new Error("expected a conflict");
    expect(lost.merged).toContain("P's first idea");
    expect(lost.merged).toContain("Q's first idea");

    // Both edit the same version at the same moment: one lands, the other gets both texts back.
    const base = lost.current;
    const editRequest = unique("r");
    const [e1, e2] = await Promise.all([
      serviceOne.submitShare(p, id, { text: "P's edit", etag: base.etag }, editRequest),
      serviceTwo.submitShare(q, id, { text: "Q's edit", etag: base.etag }, unique("r")),
    ]);
    expect([e1.status, e2.status].sort()).toEqual(["conflict", "saved"]);
    const conflict = e1.status === "conflict" ? e1 : e2;
    if (conflict.status !== "conflict") throw new Error("expected a conflict");
    expect(conflict.merged).toContain(conflict.current.text);
    expect(conflict.merged).toContain(conflict.yours);

    // The winner's invoke retried (same request id): recognised as already saved.
    if (e1.status === "saved") {
      const retried = await serviceTwo.submitShare(p, id, { text: "P's edit", etag: base.etag }, editRequest);
      expect(retried).toMatchObject({ status: "saved", share: { text: "P's edit" } });
    }
    const record = await repo.load(tenant, id);
    expect(record?.shares).toHaveLength(1);
  });

  it("takes every submission through one path that names what the format takes and when", async () => {
    const facilitator = caller(6);
    const { id } = await setUp(facilitator);
    const p = caller(480);
    await serviceOne.join(p, id);
    await serviceOne.control(facilitator, id, { kind: "start" }, unique("r"));
    await expect(serviceOne.submit(p, id, "advice", { text: "x" })).rejects.toThrow(
      "Think-pair-share takes no such submission.",
    );
    await expect(serviceOne.submit(p, id, "share", { text: "too early" }, unique("r"))).rejects.toThrow(
      "Key insights are written in the Pair, Share or Close phases.",
    );
    await expect(serviceOne.submit(p, id, "reflection", { text: "x".repeat(4001) })).rejects.toThrow(
      "Keep your reflection under 4,000 characters.",
    );
    const saved = await serviceTwo.submit(p, id, "reflection", { text: "A first thought" }, unique("r"));
    expect(saved).toMatchObject({ status: "saved", submission: { kind: "reflection", ownerId: p.userId } });
    const view = await serviceOne.view(p, id);
    expect(view.me.reflection?.text).toBe("A first thought");
    expect(view.reflectedCount).toBe(1);
  });

  it("forms the groups once per instance when every tab polls the moment pairing begins", async () => {
    const facilitator = caller(5);
    const { id } = await setUp(facilitator);
    const people = Array.from({ length: 30 }, (_, i) => caller(200 + i));
    await Promise.all(people.map((p) => serviceOne.join(p, id)));
    await serviceOne.control(facilitator, id, { kind: "start" }, unique("r"));
    // The think phase (2 minutes) ends by the clock: nobody has asked for the pairs yet.
    clock.advance(121);
    const stores = vi.spyOn(TablesActivityRepository.prototype, "saveGrouping");
    const views = await Promise.all(people.map((p, i) => (i % 2 ? serviceOne : serviceTwo).view(p, id)));
    // One computation (and store attempt) on each of the two instances, not one per tab.
    expect(stores).toHaveBeenCalledTimes(2);
    stores.mockRestore();
    const list = await serviceOne.groups(people[0] as Caller, id);
    expect(new Set(views.map((v) => v.groupCount))).toEqual(new Set([list.length]));
    const listed = new Set(list.map((g) => g.id));
    expect(views.every((v) => listed.has(v.me.group?.id ?? ""))).toBe(true);
    expect(views.every((v) => v.me.group?.partners.length === 1 || v.me.group?.partners.length === 2)).toBe(
      true,
    );
  });

  it("puts late joiners into a group, so nobody is left out", async () => {
    const facilitator = caller(3);
    const { id } = await setUp(facilitator);
    const early = [caller(400), caller(401), caller(402), caller(403)];
    for (const p of early) await serviceOne.join(p, id);
    await serviceOne.control(facilitator, id, { kind: "start" }, unique("r"));
    await serviceOne.control(facilitator, id, { kind: "next", phaseIndex: 0 }, unique("r"));
    const late = caller(404);
    const view = await serviceTwo.join(late, id);
    expect(view.me.group?.partners.length).toBe(2);
    const list = await serviceTwo.groups(late, id);
    expect(list.flatMap((g) => g.members.map((m) => m.id)).sort()).toEqual(
      [...early, late].map((p) => p.userId).sort(),
    );
  });

  it("places late joiners on one instance while the groups were formed on the other, from the record it read before", async () => {
    const facilitator = caller(7);
    const { id } = await setUp(facilitator);
    const early = [caller(410), caller(411), caller(412), caller(413)];
    // Instance two reads the whole activity before the pairs exist (its joins and a poll).
    for (const p of early) await serviceTwo.join(p, id);
    expect((await serviceTwo.view(facilitator, id)).participantCount).toBe(4);
    // Instance one starts the pair phase and forms the pairs.
    await serviceOne.control(facilitator, id, { kind: "start" }, unique("r"));
    await serviceOne.control(facilitator, id, { kind: "next", phaseIndex: 0 }, unique("r"));
    const paired = await serviceOne.view(facilitator, id);
    expect(paired.groups?.map((g) => g.members.length)).toEqual([2, 2]);

    // Two people arrive at once through instance two: each pair becomes a trio (not one a quartet),
    // and each sees their partners by name and the phase instance one moved to.
    const [x, y] = [caller(414), caller(415)];
    const [vx, vy] = await Promise.all([serviceTwo.join(x, id), serviceTwo.join(y, id)]);
    for (const [view, who] of [
      [vx, x],
      [vy, y],
    ] as const) {
      expect(view.state.phaseId).toBe("pair");
      expect(view.me).toMatchObject({ joined: true });
      expect(view.me.group?.partners).toHaveLength(2);
      const names = new Map([...early, x, y].map((p) => [p.userId, p.displayName]));
      for (const partner of view.me.group?.partners ?? []) {
        expect(partner.id).not.toBe(who.userId);
        expect(partner.displayName).toBe(names.get(partner.id));
      }
    }
    expect(vx.me.group?.id).not.toBe(vy.me.group?.id);
    const stored = await repo.load(tenant, id);
    expect(stored?.lateAssignments.map((l) => l.userId).sort()).toEqual([x.userId, y.userId].sort());
    expect(new Set(stored?.lateAssignments.map((l) => l.groupId)).size).toBe(2);

    // A retried join through the other instance (which has not seen x join) keeps x's one place.
    const retried = await serviceOne.join(x, id);
    expect(retried.me.group?.id).toBe(vx.me.group?.id);
    const again = await repo.load(tenant, id);
    expect(again?.lateAssignments).toHaveLength(2);
    expect(again?.participants.filter((p) => p.userId === x.userId)).toHaveLength(1);

    // Instance one shows the trios to the early people.
    const seen = await serviceOne.view(early[0] as Caller, id);
    expect(seen.groupCount).toBe(2);
    expect((await serviceOne.groups(early[0] as Caller, id)).map((g) => g.members.length)).toEqual([3, 3]);
    expect(seen.participantCount).toBe(6);
  });

  it("answers Join and Share from reads by key that follow the other instance's controls and late joiners", async () => {
    const facilitator = caller(5);
    const { id } = await setUp(facilitator);
    const [p, q, r] = [caller(470), caller(471), caller(472)];
    // Instance one keeps what it read of the flow; instance two then starts the activity.
    await expect(serviceOne.joinForCard(p, id)).resolves.toMatchObject({
      state: { status: "not-started" },
      me: { joined: true },
    });
    await serviceTwo.control(facilitator, id, { kind: "start" }, unique("r"));
    const joined = await serviceOne.joinForCard(q, id);
    expect(joined).toMatchObject({ state: { status: "running", phaseId: "think" }, accepts: ["reflection"] });
    expect(joined.participantCount).toBeUndefined(); // no counts: nothing read the whole activity
    await serviceOne.submit(p, id, "reflection", { text: "p thinks" });
    // A retried Join changes nothing and still shows what the person did.
    const again = await serviceTwo.joinForCard(p, id);
    expect(again.me).toMatchObject({ joined: true, reflection: { text: "p thinks" } });
    expect((await repo.load(tenant, id))?.participants).toHaveLength(2);

    // The other instance moves on and forms the groups; instance one sees both.
    await serviceTwo.control(facilitator, id, { kind: "next", phaseIndex: 0 }, unique("r"));
    await serviceTwo.view(facilitator, id);
    const paired = await serviceOne.joinForCard(p, id);
    expect(paired.state.phaseId).toBe("pair");
    expect(paired.me.group?.partners).toEqual([{ id: q.userId, displayName: q.displayName }]);

    // A late joiner is placed once (by key, on either instance) and their partners see them.
    const late = await serviceTwo.joinForCard(r, id);
    expect(late.me.group?.id).toBe(paired.me.group?.id);
    expect(late.me.group?.partners.map((m) => m.id).sort()).toEqual([p.userId, q.userId].sort());
    expect((await serviceOne.joinForCard(q, id)).me.group?.partners.map((m) => m.id).sort()).toEqual(
      [p.userId, r.userId].sort(),
    );
    expect((await repo.load(tenant, id))?.lateAssignments).toHaveLength(1);

    // The late joiner shares for the group; a retried submit is recognised, a stale edit conflicts.
    const request = unique("r");
    const saved = await serviceOne.submitShare(r, id, { text: "Trios work" }, request);
    expect(saved).toMatchObject({ status: "saved", share: { groupId: late.me.group?.id } });
    await expect(serviceTwo.submitShare(r, id, { text: "Trios work" }, request)).resolves.toMatchObject({
      status: "saved",
    });
    if (saved.status !== "saved") throw new Error("not saved");
    await serviceTwo.submitShare(p, id, { text: "Trios work well", etag: saved.share.etag }, unique("r"));
    const stale = await serviceOne.submitShare(q, id, { text: "Mine", etag: saved.share.etag }, unique("r"));
    expect(stale).toMatchObject({ status: "conflict", current: { text: "Trios work well" } });
    await expect(serviceOne.submitShare(caller(473), id, { text: "x" }, unique("r"))).rejects.toThrow(
      "Join the activity first",
    );

    // Ended on one instance: the other refuses a Join at once.
    await serviceTwo.control(facilitator, id, { kind: "end" }, unique("r"));
    await expect(serviceOne.joinForCard(caller(474), id)).rejects.toThrow("already ended");
  });

  it("pairs randomly (with the recent-partner rule) when the directory is down or slow", async () => {
    const down: PeopleDirectory = {
      search: async () => ({ people: [], degraded: true }),
      getMany: () => new Promise(() => {}), // never answers
    };
    const service = new ActivityService(repo, down, { now: clock.now, directoryTimeoutMs: 50 });
    const facilitator = caller(4);
    const view = await service.create(facilitator, {
      communityId: "community-down",
      conversationId: "19:meeting_down@thread.v2",
      prompt: "What did you learn this week?",
    });
    for (let i = 0; i < 9; i++) await service.join(caller(450 + i), view.id);
    await service.control(facilitator, view.id, { kind: "start" }, unique("r"));
    await service.control(facilitator, view.id, { kind: "next", phaseIndex: 0 }, unique("r"));
    const paired = await service.view(facilitator, view.id);
    expect(paired.pairingDegraded).toBe(true);
    expect(paired.groups?.flatMap((g) => g.members)).toHaveLength(9);
    expect((await repo.load(tenant, view.id))?.groupings[0]?.appliedRule).toBe("random");
  });
});
