import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { odata } from "@azure/data-tables";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { runDataAdmin } from "../../scripts/dataAdmin.js";
import type { PersonRef } from "../../src/domain/identity.js";
import type { Entry } from "../../src/domain/library/entry.js";
import { TABLES, type TableName } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { TablesCommunityRubrics } from "../../src/storage/tablesCommunityRubrics.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { TablesModules } from "../../src/storage/tablesModules.js";
import { TablesPlaybookRepository } from "../../src/storage/tablesPlaybookRepository.js";
import { TablesQuestionsAhead } from "../../src/storage/tablesQuestionsAhead.js";
import { TablesSessionRepository } from "../../src/storage/tablesSessionRepository.js";
import { TablesTeachingTopics } from "../../src/storage/tablesTeachingTopics.js";
import type { DataExport, UserDeletionReport } from "../../src/storage/tenantData.js";
import { repoRoot, uniqueTablePrefix } from "../support/testServer.js";

const tenantA = "72f988bf-0000-4000-8000-00000000000a";
const tenantB = "72f988bf-0000-4000-8000-00000000000b";
const leaver: PersonRef = { id: "11111111-1111-4111-8111-111111111111", displayName: "Leila Leaver" };
const stays: PersonRef = { id: "22222222-2222-4222-8222-222222222222", displayName: "Sam Stays" };
const at = "2025-01-10T10:00:00.000Z";

/** Two tenants with the same people in them: one tenant's erasure must never touch the other. */
async function seedTenant(store: TableStore, tenantId: string) {
  const communities = new TablesCommunityRepository(store);
  const entries = new TablesEntryRepository(store);
  const sessions = new TablesSessionRepository(store);
  const playbooks = new TablesPlaybookRepository(store);
  const base = { tenantId, purpose: "Share", domain: "data", tags: ["sql"], privacy: "open" as const };
  // The leaver is the only steward of "solo" and one of two of "guild".
  await communities.create({
    ...base,
    id: "guild",
    name: "Guild",
    stewards: [leaver, stays],
    createdBy: leaver,
    memberCount: 2,
    createdAt: at,
    updatedAt: at,
  });
  await communities.create({
    ...base,
    id: "solo",
    name: "Solo",
    stewards: [leaver],
    createdBy: leaver,
    memberCount: 1,
    createdAt: at,
    updatedAt: at,
  });
  for (const person of [leaver, stays]) {
    await communities.addMember({
      tenantId,
      communityId: "guild",
      userId: person.id,
      displayName: person.displayName,
      joinedAt: at,
    });
  }
  await communities.addMember({
    tenantId,
    communityId: "solo",
    userId: leaver.id,
    displayName: leaver.displayName,
    joinedAt: at,
  });

  const entry = (id: string, author: PersonRef, savedBy: PersonRef): Omit<Entry, "etag"> => ({
    tenantId,
    communityId: "guild",
    id,
    type: "insight",
    title: `Entry ${id}`,
    body: "Use window functions for running totals.",
    summary: "Window functions",
    tags: ["sql"],
    author,
    savedBy,
    source: { kind: "direct" },
    createdAt: at,
    updatedAt: at,
    helpfulCount: 0,
  });
  const byLeaver = await entries.create(entry("by-leaver", leaver, stays));
  await entries.create(entry("by-stays", stays, stays));
  // The leaver's vote is also a learning fact (they learned from the author); it goes with the vote.
  const onEntry = { tenantId, communityId: "guild", entryId: "by-stays", at };
  await entries.addVote({ ...onEntry, voter: leaver, learnedFrom: stays });
  await entries.addVote({ ...onEntry, voter: stays });
  const byStays = await entries.get(tenantId, "guild", "by-stays");
  if (!byStays) throw new Error("seed failed");
  await entries.update({ ...byStays, helpfulCount: 2 });
  await entries.update(
    { ...byLeaver, verification: { by: leaver, at } },
    { entryId: "by-leaver", at, editedBy: leaver, title: "old", body: "old", summary: "old", tags: [] },
  );
  await entries.recordInteraction({
    tenantId,
    communityId: "guild",
    kind: "helpful",
    from: leaver,
    to: stays,
    at,
  });

  await sessions.create({
    tenantId,
    communityId: "guild",
    id: "s1",
    title: "Think-pair-share",
    format: "think-pair-share",
    startsAt: at,
    durationMinutes: 45,
    timeZone: "Europe/Berlin",
    description: "",
    agenda: [],
    roles: [
      { role: "facilitator", person: leaver },
      { role: "observer", person: stays },
    ],
    cancelled: false,
    createdBy: leaver,
    createdAt: at,
    updatedAt: at,
  });
  for (const person of [leaver, stays]) {
    await sessions.setRsvp(tenantId, "guild", "s1", {
      userId: person.id,
      displayName: person.displayName,
      response: "going",
      at,
    });
  }
  await playbooks.create({
    tenantId,
    communityId: "guild",
    id: "p1",
    title: "Starter reads",
    description: "",
    items: [{ entryId: "by-leaver", title: "Entry by-leaver" }],
    starter: true,
    createdBy: leaver,
    updatedAt: at,
  });
  const tick = { tenantId, communityId: "guild", playbookId: "p1", entryId: "by-leaver" };
  await playbooks.setDone({ ...tick, userId: leaver.id }, true);
  await playbooks.setDone({ ...tick, userId: stays.id }, true);
  // A micro-teach topic proposed by one and picked for the other to teach; an AMA question asked ahead.
  await new TablesTeachingTopics(store).create(tenantId, {
    id: "t1",
    communityId: "guild",
    text: "Window functions in five minutes",
    proposer: stays,
    proposedAt: at,
    picked: { by: stays, at, teacher: leaver },
  });
  // A module the leaving steward wrote (CoachingOurselves-style).
  await new TablesModules(store).create(tenantId, {
    id: "m1",
    communityId: "guild",
    markdown: "# Feedback\n\n## Read (10 min)\nThe case.\n\n## Actions (5 min)\nOne each.",
    author: leaver,
    updatedAt: at,
  });
  // The community's rubric, last changed by the one who leaves.
  await new TablesCommunityRubrics(store).save(tenantId, {
    communityId: "guild",
    criteria: ["Is it clear?", "Is it sourced?"],
    editedBy: leaver,
    at,
  });
  await new TablesQuestionsAhead(store).add(tenantId, "guild", {
    id: "q1",
    sessionId: "s1",
    text: "How do we backfill safely?",
    asker: leaver,
    at,
  });
}

describe("npm run data: export and delete a tenant's or a person's data (Azurite)", () => {
  let store: TableStore;
  let env: Record<string, string>;
  const cwd = mkdtempSync(path.join(tmpdir(), "peercircle-data-"));

  beforeEach(async () => {
    const tablePrefix = uniqueTablePrefix();
    const connectionString = inject("tablesConnectionString");
    store = await TableStore.connect({ connectionString, tablePrefix });
    await store.ensureTables();
    await seedTenant(store, tenantA);
    await seedTenant(store, tenantB);
    env = { TABLES_CONNECTION_STRING: connectionString, TABLE_PREFIX: tablePrefix };
  });

  async function run(...argv: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await runDataAdmin(argv, {
      env,
      cwd,
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    });
    return { code, stdout, stderr };
  }

  /** Every row of every table, keyed `table/pk/rk`, with its stored properties. */
  async function snapshot(): Promise<Map<string, Record<string, unknown>>> {
    const all = new Map<string, Record<string, unknown>>();
    for (const table of Object.values(TABLES)) {
      for await (const row of store.table(table).listEntities<Record<string, unknown>>()) {
        const { etag: _e, timestamp: _t, ...props } = row;
        all.set(`${table}/${row.partitionKey}/${row.rowKey}`, props);
      }
    }
    return all;
  }

  const ofTenant = (rows: Map<string, Record<string, unknown>>, tenantId: string) =>
    [...rows].filter(([key]) => key.split("/")[1]?.startsWith(tenantId));

  it("refuses bad input with a clear message and changes nothing", async () => {
    const before = await snapshot();
    const cases: [string[], RegExp][] = [
      [["delete", "--tenant", tenantA], /add --yes/],
      [["delete", "--tenant", tenantA, "--user", leaver.id], /cannot be undone/],
      [["delete", "--yes"], /--tenant <tenant id> is required/],
      [["export", "--tenant", "not-a-guid"], /--tenant must be a tenant id/],
      [["delete", "--tenant", tenantA, "--user", "a|b", "--yes"], /--user must be/],
      [["purge", "--tenant", tenantA, "--yes"], /Unknown command "purge"/],
      [["export", "--tenant", tenantA, "--force"], /Unknown option '--force'/],
      [[], /Say export or delete/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(...argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr, argv.join(" ")).toMatch(message);
      expect(result.stderr).toContain("Usage:");
    }
    const noStorage = await runDataAdmin(["export", "--tenant", tenantA], {
      env: {},
      cwd,
      stdout: () => {},
      stderr: () => {},
    });
    expect(noStorage).toBe(2);
    expect(await snapshot()).toEqual(before);
  });

  it("exports a whole tenant to a file, and nothing of another tenant", async () => {
    const result = await run("export", "--tenant", tenantA, "--out", "tenant.json");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Exported \d+ rows to .*tenant\.json/);
    const exported = JSON.parse(readFileSync(path.join(cwd, "tenant.json"), "utf8")) as DataExport;
    expect(exported).toMatchObject({ format: "peercircle-data-export/v1", tenantId: tenantA });
    const rows = Object.values(exported.tables).flat();
    expect(rows.length).toBe(ofTenant(await snapshot(), tenantA).length);
    expect(rows.every((r) => r?.partitionKey.startsWith(tenantA))).toBe(true);
    expect(exported.tables.Communities?.map((r) => r.rowKey).sort()).toEqual(["guild", "solo"]);
    // The community's modules are the tenant's data too.
    expect(exported.tables.Activities?.map((r) => `${r.partitionKey}/${r.rowKey}`)).toContain(
      `${tenantA}|community|guild|modules/module|m1`,
    );
  });

  it("exports one person's rows and the shared rows that name them, to stdout", async () => {
    const result = await run("export", "--tenant", tenantA, "--user", stays.id);
    expect(result.code).toBe(0);
    const exported = JSON.parse(result.stdout) as DataExport;
    expect(exported.userId).toBe(stays.id);
    const keysOf = (table: TableName) =>
      (exported.tables[table] ?? []).map((r) => `${r.partitionKey}/${r.rowKey}`);
    // Their memberships (both index rows), the entry they wrote, their vote, RSVP, tick.
    expect(keysOf(TABLES.memberships)).toEqual(
      expect.arrayContaining([`${tenantA}|community|guild/${stays.id}`, `${tenantA}|user|${stays.id}/guild`]),
    );
    expect(keysOf(TABLES.memberships)).toHaveLength(2);
    expect(keysOf(TABLES.library)).toEqual(
      expect.arrayContaining([
        `${tenantA}|community|guild/entry|by-stays`,
        `${tenantA}|community|guild/entry|by-leaver`, // they saved it
        `${tenantA}|community|guild|entry|by-stays/vote|${stays.id}`,
      ]),
    );
    expect(keysOf(TABLES.sessions)).toEqual(
      expect.arrayContaining([
        `${tenantA}|community|guild/session|s1`,
        `${tenantA}|user|${stays.id}/rsvp|guild|s1`,
      ]),
    );
    expect(keysOf(TABLES.playbooks)).toEqual([
      `${tenantA}|community|guild|playbook|p1/done|${stays.id}|by-leaver`,
    ]);
    // The micro-teach topic they proposed.
    expect(keysOf(TABLES.activities)).toEqual(
      expect.arrayContaining([`${tenantA}|community|guild|topics/topic|t1`]),
    );
    // Nobody else's own rows.
    const all = Object.values(exported.tables).flat();
    expect(all.some((r) => r?.rowKey.includes(leaver.id) || r?.partitionKey.includes(leaver.id))).toBe(false);
    expect(all.every((r) => r?.partitionKey.startsWith(tenantA))).toBe(true);

    // The learning fact of a helpful vote is the voter's, like the vote: exported to them.
    const voters = JSON.parse(
      (await run("export", "--tenant", tenantA, "--user", leaver.id)).stdout,
    ) as DataExport;
    expect((voters.tables.Library ?? []).map((r) => `${r.partitionKey}/${r.rowKey}`)).toEqual(
      expect.arrayContaining([
        `${tenantA}|community|guild|entry|by-stays/vote|${leaver.id}`,
        `${tenantA}|community|guild/interaction|${at}|helpful|by-stays|${leaver.id}`,
      ]),
    );
  });

  it("deletes a person: their own rows go, shared rows keep a pseudonym, counts are recomputed", async () => {
    const before = await snapshot();
    const entries = new TablesEntryRepository(store);
    const changesOfByLeaver = async () =>
      (await entries.changesSince(tenantA, "guild", undefined)).filter((c) => c.entryId === "by-leaver")
        .length;
    const changesBefore = await changesOfByLeaver();
    const result = await run("delete", "--tenant", tenantA, "--user", leaver.id, "--yes");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as UserDeletionReport;
    expect(report.communitiesWithoutSteward).toEqual(["solo"]);
    expect(result.stderr).toContain("no steward: solo");
    const pseudonym = report.pseudonymId;
    expect(pseudonym).toMatch(/^former-/);
    expect(pseudonym).not.toContain(leaver.id);

    const after = await snapshot();
    const tenantRows = ofTenant(after, tenantA);
    // Not a trace of the person in the tenant: not in keys, not in any property.
    expect(JSON.stringify(tenantRows)).not.toContain(leaver.id);
    expect(JSON.stringify(tenantRows)).not.toContain(leaver.displayName);

    const communities = new TablesCommunityRepository(store);
    const guild = await communities.get(tenantA, "guild");
    expect(guild?.stewards).toEqual([stays]);
    expect(guild?.createdBy).toEqual({ id: pseudonym, displayName: "Former member" });
    expect(guild?.memberCount).toBe(1);
    expect((await communities.get(tenantA, "solo"))?.memberCount).toBe(0);
    expect(await communities.listCommunityIdsOf(tenantA, leaver.id)).toEqual([]);
    expect(await communities.listCommunityIdsOf(tenantA, stays.id)).toEqual(["guild"]);

    const byLeaver = await entries.get(tenantA, "guild", "by-leaver");
    expect(byLeaver?.author).toEqual({ id: pseudonym, displayName: "Former member" });
    expect(byLeaver?.savedBy).toEqual(stays);
    expect(byLeaver?.verification?.by.id).toBe(pseudonym);
    expect(byLeaver?.body).toBe("Use window functions for running totals."); // the knowledge stays
    expect((await entries.listRevisions(tenantA, "guild", "by-leaver"))[0]?.editedBy.id).toBe(pseudonym);
    const byStays = await entries.get(tenantA, "guild", "by-stays");
    expect(byStays?.helpfulCount).toBe(1);
    expect(await entries.hasVoted(tenantA, "guild", "by-stays", stays.id)).toBe(true);
    const interactions = await entries.listInteractions(tenantA, "guild", "2000");
    expect(interactions).toHaveLength(1); // the fact of their vote went with the vote
    expect(interactions[0]?.from.id).toBe(pseudonym);
    expect(interactions[0]?.to).toEqual(stays);
    // Every server's search index learns of the rewritten entry through the change log.
    expect(await changesOfByLeaver()).toBeGreaterThan(changesBefore);

    const sessions = new TablesSessionRepository(store);
    const session = await sessions.get(tenantA, "guild", "s1");
    expect(session?.createdBy.id).toBe(pseudonym);
    expect(session?.roles).toEqual([
      { role: "facilitator", person: { id: pseudonym, displayName: "Former member" } },
      { role: "observer", person: stays },
    ]);
    expect((await sessions.listRsvps(tenantA, "guild", "s1")).map((r) => r.userId)).toEqual([stays.id]);
    expect(await sessions.listRsvpsOf(tenantA, leaver.id)).toEqual([]);

    const playbooks = new TablesPlaybookRepository(store);
    expect(await playbooks.listDone(tenantA, "guild", "p1", leaver.id)).toEqual([]);
    expect(await playbooks.listDone(tenantA, "guild", "p1", stays.id)).toEqual(["by-leaver"]);
    expect((await playbooks.get(tenantA, "guild", "p1"))?.createdBy.id).toBe(pseudonym);

    // The topic they were to teach names the pseudonym; the question they asked ahead stays, by it.
    const topic = await new TablesTeachingTopics(store).get(tenantA, "guild", "t1");
    expect(topic?.picked?.teacher).toEqual({ id: pseudonym, displayName: "Former member" });
    expect(topic?.proposer).toEqual(stays);
    // The module they wrote stays with the community, by the pseudonym.
    const module = await new TablesModules(store).get(tenantA, "guild", "m1");
    expect(module?.author).toEqual({ id: pseudonym, displayName: "Former member" });
    // The rubric they changed last names the pseudonym; its criteria stay.
    const rubric = await new TablesCommunityRubrics(store).get(tenantA, "guild");
    expect(rubric?.editedBy).toEqual({ id: pseudonym, displayName: "Former member" });
    expect(rubric?.criteria).toEqual(["Is it clear?", "Is it sourced?"]);
    const ahead = await new TablesQuestionsAhead(store).list(tenantA, "guild", "s1");
    expect(ahead.map((q) => [q.text, q.asker.id])).toEqual([["How do we backfill safely?", pseudonym]]);

    // The other tenant is exactly as it was.
    expect(ofTenant(after, tenantB)).toEqual(ofTenant(before, tenantB));

    // A second run finds nothing left to do.
    const again = JSON.parse((await run("delete", "--tenant", tenantA, "--user", leaver.id, "--yes")).stdout);
    expect(Object.values(again.deleted as Record<string, number>).every((n) => n === 0)).toBe(true);
    expect(Object.values(again.anonymised as Record<string, number>).every((n) => n === 0)).toBe(true);
  });

  it("deletes a whole tenant and leaves other tenants untouched", async () => {
    const before = await snapshot();
    const result = await run("delete", "--tenant", tenantA, "--yes");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { deleted: Record<string, number> };
    const after = await snapshot();
    expect(ofTenant(after, tenantA)).toEqual([]);
    expect(Object.values(report.deleted).reduce((a, b) => a + b, 0)).toBe(ofTenant(before, tenantA).length);
    expect(ofTenant(after, tenantB)).toEqual(ofTenant(before, tenantB));
    const left = await store.queryAll(TABLES.communities, odata`PartitionKey eq ${tenantA}`);
    expect(left).toEqual([]);
  });

  it("reads storage settings from env files with --env", async () => {
    // env/.env.local names no connection string: --env local falls back to npm start's Azurite
    // port, while a process variable still wins (the run's own Azurite here).
    const result = await runDataAdmin(["export", "--tenant", tenantA, "--env", "local"], {
      env,
      cwd: repoRoot,
      stdout: () => {},
      stderr: () => {},
    });
    expect(result).toBe(0);
  });
});
