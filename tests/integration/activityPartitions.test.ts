import { odata } from "@azure/data-tables";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Activity } from "../../src/domain/activities/activity.js";
import { activityKeys, TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesActivityRepository } from "../../src/storage/tablesActivityRepository.js";
import { org } from "../support/orgFixture.js";
import { uniqueTablePrefix } from "../support/testServer.js";

/**
 * Where an activity's rows live: a new activity's participant and submission rows are spread over
 * owner partitions (1,000 people joining at once stay under one partition's limit), an activity
 * set up before keeps its rows where they were written, and everyone reading at once shares reads.
 */
const tenant = org.tenantId.toLowerCase();
const people = org.users.slice(1, 41).map((u) => ({ id: u.id, displayName: u.displayName }));
let seq = 0;

function activity(id: string): Activity {
  const facilitator = org.users[0] as { id: string; displayName: string };
  return {
    tenantId: tenant,
    id,
    format: "think-pair-share",
    communityId: "community-1",
    conversationId: "19:meeting_partitions@thread.v2",
    facilitator: { id: facilitator.id, displayName: facilitator.displayName },
    prompt: "What slowed your last release down?",
    phases: [
      { id: "think", minutes: 2 },
      { id: "pair", minutes: 5 },
      { id: "share", minutes: 5 },
      { id: "close", minutes: 3 },
    ],
    pairingRule: "cross-department",
    createdAt: new Date().toISOString(),
  };
}

function reflection(person: { id: string; displayName: string }) {
  return {
    kind: "reflection",
    scope: "person" as const,
    ownerId: person.id,
    text: `reflection of ${person.id}`,
    createdBy: person,
    editedBy: person,
    at: new Date().toISOString(),
    requestId: `reflect-${person.id}`,
  };
}

describe("an activity's partitions on Azurite", () => {
  let store: TableStore;
  let connectionString: string;
  let tablePrefix: string;
  /** A second instance's repository: nothing kept from the writes. */
  const fresh = async () =>
    new TablesActivityRepository(await TableStore.connect({ connectionString, tablePrefix }));
  const rowsOf = async (partitionKey: string) =>
    store.queryAll<{ rowKey?: string }>(TABLES.activities, odata`PartitionKey eq ${partitionKey}`);

  beforeAll(async () => {
    tablePrefix = uniqueTablePrefix();
    connectionString = inject("tablesConnectionString");
    store = await TableStore.connect({ connectionString, tablePrefix });
    await store.ensureTables();
  });

  it("spreads a new activity's people over partitions of their own and reads every one back", async () => {
    const writer = new TablesActivityRepository(store);
    const id = `spread-${seq++}`;
    await writer.create(activity(id));
    await Promise.all(
      people.map(async (p) => {
        await writer.addParticipant(tenant, id, {
          userId: p.id,
          displayName: p.displayName,
          joinedAt: "now",
        });
        await writer.saveSubmission(activity(id), reflection(p), { myLearning: false });
      }),
    );

    // Nothing owned by a person in the activity's own partition; the owners' partitions hold it all.
    const own = await rowsOf(activityKeys.activity(tenant, id));
    expect(own.map((r) => r.rowKey)).toEqual(["flow|activity"]);
    const spread = await Promise.all(
      Array.from({ length: 8 }, (_, i) => rowsOf(activityKeys.ownerPartitionAt(tenant, id, i))),
    );
    expect(spread.flat()).toHaveLength(people.length * 2);
    expect(spread.filter((rows) => rows.length > 0).length).toBeGreaterThanOrEqual(4);

    // Another instance reads all of them: the whole activity, one person's rows, names by key.
    const reader = await fresh();
    const record = await reader.load(tenant, id);
    expect(record?.participants.map((p) => p.userId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(record?.reflections).toHaveLength(people.length);
    const someone = people[7] as { id: string };
    const mine = await (await fresh()).ownRows(tenant, id, someone.id);
    expect(mine.participant?.userId).toBe(someone.id);
    expect(mine.reflection?.text).toBe(`reflection of ${someone.id}`);
    expect((await (await fresh()).participantsById(tenant, id, [someone.id])).map((p) => p.userId)).toEqual([
      someone.id,
    ]);
    expect((await (await fresh()).getSubmission(tenant, id, "reflection", someone.id))?.text).toBe(
      `reflection of ${someone.id}`,
    );
    // A retried join is still recognised by another instance (the row is where it was put).
    expect(
      await (await fresh()).addParticipant(tenant, id, {
        userId: someone.id,
        displayName: "again",
        joinedAt: "now",
      }),
    ).toBe(false);
  });

  it("reads again only the rows another instance changed since, and still answers with every row", async () => {
    const writer = await fresh();
    const id = `changed-${seq++}`;
    await writer.create(activity(id));
    const [first, second, third] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    for (const p of [first, second])
      await writer.addParticipant(tenant, id, { userId: p.id, displayName: p.displayName, joinedAt: "now" });
    await writer.saveSubmission(activity(id), reflection(first), { myLearning: false });

    const readerStore = await TableStore.connect({ connectionString, tablePrefix });
    const reader = new TablesActivityRepository(readerStore);
    expect((await reader.load(tenant, id))?.reflections.map((r) => r.userId)).toEqual([first.id]);

    // The other instance changes one reflection, adds a person and their reflection.
    await writer.saveSubmission(
      activity(id),
      { ...reflection(first), text: "changed", requestId: "r2" },
      {
        myLearning: false,
      },
    );
    await writer.addParticipant(tenant, id, {
      userId: third.id,
      displayName: third.displayName,
      joinedAt: "now",
    });
    await writer.saveSubmission(activity(id), reflection(third), { myLearning: false });

    const queries = vi.spyOn(readerStore, "queryAll");
    const record = await reader.load(tenant, id);
    expect(record?.participants.map((p) => p.userId).sort()).toEqual([first.id, second.id, third.id].sort());
    expect(Object.fromEntries(record?.reflections.map((r) => [r.userId, r.text]) ?? [])).toEqual({
      [first.id]: "changed",
      [third.id]: `reflection of ${third.id}`,
    });
    // The activity's own partition whole; each owner partition only from a moment before the
    // newest change the reader had seen.
    const filters = queries.mock.calls.map(([, filter]) => filter);
    expect(filters.filter((f) => !f.includes("Timestamp ge"))).toHaveLength(1);
    expect(filters.filter((f) => f.includes("Timestamp ge"))).toHaveLength(8);
    queries.mockRestore();
  });

  it("reads an activity another instance sets up after this one asked for it, where it was written", async () => {
    const id = `not-yet-${seq++}`;
    const early = await fresh();
    expect(await early.load(tenant, id)).toBeUndefined();
    const writer = await fresh();
    await writer.create(activity(id));
    const person = people[5] as { id: string; displayName: string };
    await writer.addParticipant(tenant, id, {
      userId: person.id,
      displayName: person.displayName,
      joinedAt: "now",
    });
    expect((await early.load(tenant, id))?.participants.map((p) => p.userId)).toEqual([person.id]);
    expect((await early.ownRows(tenant, id, person.id)).participant?.userId).toBe(person.id);
  });

  it("keeps an activity set up before in its own partition, readable and written as it was", async () => {
    const id = `before-${seq++}`;
    const pk = activityKeys.activity(tenant, id);
    const a = activity(id);
    const table = store.table(TABLES.activities);
    // The rows as the earlier layout wrote them: no `ownerPartitions`, everything in one partition.
    await table.createEntity({
      partitionKey: pk,
      rowKey: "flow|activity",
      format: a.format,
      communityId: a.communityId,
      conversationId: a.conversationId,
      facilitatorJson: JSON.stringify(a.facilitator),
      prompt: a.prompt,
      phasesJson: JSON.stringify(a.phases),
      pairingRule: a.pairingRule,
      createdAt: a.createdAt,
    });
    const [first, second] = people as [
      { id: string; displayName: string },
      { id: string; displayName: string },
    ];
    await table.createEntity({
      partitionKey: pk,
      rowKey: `participant|${first.id}`,
      userId: first.id,
      displayName: first.displayName,
      joinedAt: "earlier",
    });
    await table.createEntity({
      partitionKey: pk,
      rowKey: `reflection|${first.id}`,
      userId: first.id,
      displayName: first.displayName,
      text: "written before",
      at: "earlier",
    });

    const repository = await fresh();
    const record = await repository.load(tenant, id);
    expect(record?.participants.map((p) => p.userId)).toEqual([first.id]);
    expect(record?.reflections.map((r) => r.text)).toEqual(["written before"]);
    expect((await (await fresh()).ownRows(tenant, id, first.id)).reflection?.text).toBe("written before");
    // New rows of an old activity go where its readers look: its own partition.
    expect(
      await (await fresh()).addParticipant(tenant, id, {
        userId: second.id,
        displayName: second.displayName,
        joinedAt: "now",
      }),
    ).toBe(true);
    await (await fresh()).saveSubmission(a, reflection(second));
    expect((await rowsOf(pk)).map((r) => r.rowKey)).toEqual([
      "flow|activity",
      `participant|${first.id}`,
      `participant|${second.id}`,
      `reflection|${first.id}`,
      `reflection|${second.id}`,
    ]);
    expect((await (await fresh()).load(tenant, id))?.participants).toHaveLength(2);
  });

  it("answers everyone reading the whole activity at once from shared reads that see every earlier write", async () => {
    const id = `crowd-${seq++}`;
    const repository = await fresh();
    await repository.create(activity(id));
    await repository.load(tenant, id);
    const queries = vi.spyOn(store, "queryAll");
    const spied = new TablesActivityRepository(store);
    await spied.load(tenant, id); // learns the partitions: 1 + 8 queries
    queries.mockClear();
    const all = await Promise.all(Array.from({ length: 30 }, () => spied.load(tenant, id)));
    expect(all.every((r) => r?.activity.id === id)).toBe(true);
    // At most two reads of the 9 partitions (one running, one for everyone who came meanwhile), not 30.
    expect(queries.mock.calls.length).toBeLessThanOrEqual(2 * 9);
    queries.mockRestore();

    // A read asked for after a write completed sees it.
    const late = people[3] as { id: string; displayName: string };
    await repository.addParticipant(tenant, id, {
      userId: late.id,
      displayName: late.displayName,
      joinedAt: "now",
    });
    expect((await spied.load(tenant, id))?.participants.map((p) => p.userId)).toEqual([late.id]);
  });
});
