import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PersonRef } from "../../src/domain/identity.js";
import type { Entry } from "../../src/domain/library/entry.js";
import {
  HELPFUL_VOTE_FACTS_MARKER,
  repairHelpfulVoteFacts,
} from "../../src/storage/helpfulVoteFactsRepair.js";
import { keys, TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { org } from "../support/orgFixture.js";
import { type Person, ServerInstances } from "../support/serverInstances.js";
import { freshTableStore, startTestServer, uniqueTablePrefix } from "../support/testServer.js";

const tenantId = org.tenantId;

/** The "helpful" learning interactions of a community, as "natural teachers" reads them. */
async function helpfulFacts(entries: TablesEntryRepository, communityId: string) {
  return (await entries.listInteractions(tenantId, communityId, "2000")).filter((i) => i.kind === "helpful");
}

/**
 * A helpful vote is one learning fact, kept while the vote stands: toggling a vote cannot inflate
 * "natural teachers" (it used to append a row per vote, never removed), and the facts recorded the
 * old way are repaired once, at start.
 */
describe("helpful votes as learning facts: one per vote, removed on unvote", () => {
  let instances: ServerInstances;
  let entries: TablesEntryRepository;
  const author: Person = { id: "facts-author", displayName: "Ada Author" };
  const voter: Person = { id: "facts-voter", displayName: "Vic Voter" };
  let communityId: string;
  let entryId: string;
  let votePath: string;

  beforeAll(async () => {
    instances = await ServerInstances.start(2);
    entries = new TablesEntryRepository(
      await TableStore.connect({
        connectionString: inject("tablesConnectionString"),
        tablePrefix: instances.tablePrefix,
      }),
    );
    const a = instances.instance(0);
    const community = await instances.api(a, author, "POST", "/communities", {
      name: "Teaching guild",
      purpose: "Who teaches whom.",
      privacy: "open",
    });
    communityId = community.body.id;
    const entry = await instances.api(a, author, "POST", `/communities/${communityId}/entries`, {
      type: "insight",
      title: "Read the query plan",
      body: "Most slow queries explain themselves in their plan.",
    });
    entryId = entry.body.id;
    votePath = `/communities/${communityId}/entries/${entryId}/vote`;
  });
  afterAll(() => instances?.close());

  const teachers = async () =>
    (await instances.api(instances.instance(1), voter, "GET", `/communities/${communityId}/home`)).body
      .naturalTeachers as { person: PersonRef; helpful: number }[];

  it("toggling a vote 10 times over two instances leaves no fact; voting again leaves one", async () => {
    for (let i = 0; i < 10; i++) {
      const answer = await instances.api(instances.instance(i), voter, i % 2 ? "DELETE" : "PUT", votePath);
      expect(answer.status).toBe(200);
    }
    expect(await helpfulFacts(entries, communityId)).toEqual([]);
    expect(await teachers()).toEqual([]);

    await instances.api(instances.instance(0), voter, "PUT", votePath);
    await instances.api(instances.instance(1), voter, "PUT", votePath); // again: changes nothing
    const facts = await helpfulFacts(entries, communityId);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ from: voter, to: author, entryId });
    expect(await teachers()).toEqual([{ person: author, saves: 0, helpful: 1 }]);
  });

  it("votes and unvotes racing on two instances leave a fact exactly when the vote stands", async () => {
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        instances.api(instances.instance(0), voter, "DELETE", votePath),
        instances.api(instances.instance(1), voter, "PUT", votePath),
        instances.api(instances.instance(round), voter, "DELETE", votePath),
        instances.api(instances.instance(round + 1), voter, "PUT", votePath),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      const voted = await entries.hasVoted(tenantId, communityId, entryId, voter.id);
      expect(await helpfulFacts(entries, communityId)).toHaveLength(voted ? 1 : 0);
      expect((await entries.get(tenantId, communityId, entryId))?.helpfulCount).toBe(voted ? 1 : 0);
    }
  });

  it("does not count the author's vote for their own entry as learning", async () => {
    await instances.api(instances.instance(0), author, "PUT", votePath);
    const facts = await helpfulFacts(entries, communityId);
    expect(facts.every((f) => f.from.id === voter.id)).toBe(true);
  });

  it("removes the facts of an entry's votes with the entry", async () => {
    await instances.api(instances.instance(1), voter, "PUT", votePath);
    expect(await helpfulFacts(entries, communityId)).toHaveLength(1);
    const removed = await instances.api(
      instances.instance(0),
      author,
      "DELETE",
      `/communities/${communityId}/entries/${entryId}`,
    );
    expect(removed.status).toBeLessThan(300);
    expect(await helpfulFacts(entries, communityId)).toEqual([]);
  });
});

describe("repair at start: unkeyed helpful interactions collapse to one fact per standing vote", () => {
  const at = "2026-11-20T09:00:00.000Z";
  const author: PersonRef = { id: "repair-author", displayName: "Ada Author" };
  const stillVoting: PersonRef = { id: "repair-voter", displayName: "Vic Voter" };
  const unvoted: PersonRef = { id: "repair-unvoted", displayName: "Una Unvoted" };

  /** A library as the old code left it: 10 rows for one standing vote, 3 for a withdrawn one. */
  async function seedInflated(store: TableStore, communityId: string) {
    const communities = new TablesCommunityRepository(store);
    const entries = new TablesEntryRepository(store);
    await communities.create({
      tenantId,
      id: communityId,
      name: "Old guild",
      purpose: "Voted before facts were keyed",
      domain: "",
      tags: [],
      privacy: "open",
      stewards: [author],
      createdBy: author,
      memberCount: 0,
      createdAt: at,
      updatedAt: at,
    });
    const entry: Omit<Entry, "etag"> = {
      tenantId,
      communityId,
      id: "e1",
      type: "insight",
      title: "Old insight",
      body: "Written long ago.",
      summary: "",
      tags: [],
      author,
      savedBy: author,
      source: { kind: "direct" },
      createdAt: at,
      updatedAt: at,
      helpfulCount: 1,
    };
    await entries.create(entry);
    await entries.addVote({ tenantId, communityId, entryId: "e1", voter: stillVoting, at }); // a vote without its fact
    const old = (from: PersonRef, minute: number) =>
      entries.recordInteraction({
        tenantId,
        communityId,
        kind: "helpful",
        from,
        to: author,
        entryId: "e1",
        at: `2026-11-2${minute % 5}T10:0${minute % 10}:00.000Z`,
      });
    for (let i = 0; i < 10; i++) await old(stillVoting, i);
    for (let i = 0; i < 3; i++) await old(unvoted, i);
    // A pair's conversation is not a vote: the repair leaves it alone.
    await entries.recordInteraction({
      tenantId,
      communityId,
      kind: "paired",
      from: stillVoting,
      to: author,
      at,
      key: "pair-1",
    });
    return entries;
  }

  it("repairs 10 inflated rows to 1, drops those of a withdrawn vote, and is idempotent on two instances at once", async () => {
    const store = await freshTableStore();
    const entries = await seedInflated(store, "old");
    expect(await helpfulFacts(entries, "old")).toHaveLength(13);

    const [first, second] = await Promise.all([
      repairHelpfulVoteFacts(store, entries),
      repairHelpfulVoteFacts(store, entries),
    ]);
    expect(first.removedRows + second.removedRows).toBeGreaterThanOrEqual(13);
    const facts = await helpfulFacts(entries, "old");
    expect(facts).toEqual([
      { tenantId, communityId: "old", kind: "helpful", from: stillVoting, to: author, entryId: "e1", at },
    ]);
    const all = await entries.listInteractions(tenantId, "old", "2000");
    expect(all.filter((i) => i.kind === "paired")).toHaveLength(1);

    // Marked: a later start does not run it again (a row written the old way now stays).
    expect(
      await store.getEntity(TABLES.library, keys.library(tenantId, "old"), HELPFUL_VOTE_FACTS_MARKER),
    ).toBeDefined();
    await entries.recordInteraction({
      tenantId,
      communityId: "old",
      kind: "helpful",
      from: unvoted,
      to: author,
      entryId: "e1",
      at,
    });
    const again = await repairHelpfulVoteFacts(store, entries);
    expect(again).toMatchObject({ communities: 1, repaired: 0, removedRows: 0, facts: 0 });
    expect(await helpfulFacts(entries, "old")).toHaveLength(2);
  });

  it("runs when a server starts", async () => {
    const tablePrefix = uniqueTablePrefix();
    const store = await TableStore.connect({
      connectionString: inject("tablesConnectionString"),
      tablePrefix,
    });
    await store.ensureTables();
    const entries = await seedInflated(store, "started");
    const server = await startTestServer({ env: { TABLE_PREFIX: tablePrefix } });
    try {
      const facts = await helpfulFacts(entries, "started");
      expect(facts.map((f) => f.from.id)).toEqual([stillVoting.id]);
    } finally {
      await server.close();
    }
  });
});
