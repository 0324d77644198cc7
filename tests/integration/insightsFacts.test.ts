import { beforeAll, describe, expect, it } from "vitest";
import { AnswerService } from "../../src/domain/ask/answerService.js";
import { CommitmentService } from "../../src/domain/commitments/commitmentService.js";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import type { Caller } from "../../src/domain/identity.js";
import { LibraryService } from "../../src/domain/library/libraryService.js";
import { SessionService } from "../../src/domain/sessions/sessionService.js";
import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesAnswerRepository } from "../../src/storage/tablesAnswerRepository.js";
import { TablesCommitmentRepository } from "../../src/storage/tablesCommitmentRepository.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { TablesSessionPlanRepository } from "../../src/storage/tablesSessionPlanRepository.js";
import { TablesSessionRepository } from "../../src/storage/tablesSessionRepository.js";
import { freshTableStore } from "../support/testServer.js";

const tenantId = "tenant-facts";
const ada: Caller = { tenantId, userId: "ada", displayName: "Ada" };
const ben = { id: "ben", displayName: "Ben" };

// The facts network insights read that activities and commitments write (issue 17, "Facts first").
describe("learning facts from activities and commitments", () => {
  let store: TableStore;
  let entries: TablesEntryRepository;

  beforeAll(async () => {
    store = await freshTableStore();
    entries = new TablesEntryRepository(store);
  });

  it("records a commitment followed through once: partly, then done, is one fact", async () => {
    const commitments = new CommitmentService(new TablesCommitmentRepository(store), { facts: entries });
    await commitments.recordFromActivity({
      tenantId,
      owner: { id: ada.userId, displayName: ada.displayName },
      communityId: "c1",
      source: { activityId: "a1", format: "think-pair-share", conversationId: "19:m@thread.v2" },
      text: "Pair on the runbook",
      partners: [ben],
      at: new Date().toISOString(),
    });
    let [mine] = await commitments.mine(ada);
    if (!mine) throw new Error("no commitment");
    mine = await commitments.update(ada, mine.id, { status: "open", note: "started" }, mine.etag);
    expect(await entries.listInteractions(tenantId, "c1", "")).toEqual([]);
    mine = await commitments.update(ada, mine.id, { status: "partly" }, mine.etag);
    mine = await commitments.update(ada, mine.id, { status: "done" }, mine.etag);
    const facts = await entries.listInteractions(tenantId, "c1", "");
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ kind: "followed-through", from: { id: "ada" }, to: { id: "ada" } });
  });

  it("records who attended an activity once per activity and person, even when the close is retried", async () => {
    const library = new LibraryService(
      entries,
      new CommunityService(new TablesCommunityRepository(store)),
      new SyncedLibrarySearch(entries),
    );
    const people = [{ id: ada.userId, displayName: ada.displayName }, ben];
    const at = new Date().toISOString();
    await library.recordAttendance(tenantId, "c2", people, at, "act-9");
    await library.recordAttendance(tenantId, "c2", people, at, "act-9");
    const facts = await entries.listInteractions(tenantId, "c2", "");
    expect(facts.map((f) => [f.kind, f.from.id, f.to.id]).sort()).toEqual([
      ["attended", "ada", "ada"],
      ["attended", "ben", "ben"],
    ]);
  });

  it("records that everyone present learned from a session's micro-teacher, once, the occurrence's own", async () => {
    const communities = new CommunityService(new TablesCommunityRepository(store));
    const library = new LibraryService(entries, communities, new SyncedLibrarySearch(entries));
    const sessions = new SessionService(new TablesSessionRepository(store), communities, undefined, {
      plan: new TablesSessionPlanRepository(store),
    });
    const communityId = (await communities.create(ada, { name: "Teaching guild", purpose: "Teach" })).id;
    const cy = { id: "cy", displayName: "Cy" };
    for (const p of [ben, cy])
      await communities.join({ tenantId, userId: p.id, displayName: p.displayName }, communityId);
    // Weekly; Ben teaches by default, Cy in the second week's occurrence (the rota's).
    const series = await sessions.create(ada, communityId, {
      title: "Weekly micro-teach",
      format: "micro-teach",
      startsAt: "2026-11-02T09:00:00.000Z",
      recurrence: { rule: "FREQ=WEEKLY" },
      roles: [{ role: "micro-teacher", person: ben }],
    });
    await sessions.assignRole(ada, communityId, series.id, "micro-teacher", cy, "2026-11-09T09:00:00.000Z");
    const once = await sessions.create(ada, communityId, {
      title: "Without a teacher",
      format: "think-pair-share",
      startsAt: "2026-11-03T09:00:00.000Z",
    });
    const present = [{ id: ada.userId, displayName: ada.displayName }, ben, cy];
    const attendance = (sessionId: string, startedAt: string, key: string) => ({
      tenantId,
      communityId,
      sessionId,
      startedAt,
      attendees: present,
      at: new Date(Date.parse(startedAt) + 30 * 60_000).toISOString(),
      key,
    });
    // Started a few minutes early: still that occurrence. Recorded twice (a retried close).
    expect(
      await library.recordSessionTeaching(
        sessions,
        attendance(series.id, "2026-11-02T08:55:00.000Z", "act-1"),
      ),
    ).toBe(2);
    await library.recordSessionTeaching(sessions, attendance(series.id, "2026-11-02T08:55:00.000Z", "act-1"));
    expect(
      await library.recordSessionTeaching(
        sessions,
        attendance(series.id, "2026-11-09T09:05:00.000Z", "act-2"),
      ),
    ).toBe(2);
    expect(
      await library.recordSessionTeaching(sessions, attendance(once.id, "2026-11-03T09:00:00.000Z", "act-3")),
    ).toBe(0);
    const facts = await entries.listInteractions(tenantId, communityId, "");
    expect(facts.map((f) => [f.kind, f.from.id, f.to.id, f.at.slice(0, 10)]).sort()).toEqual([
      ["taught", "ada", "ben", "2026-11-02"],
      ["taught", "ada", "cy", "2026-11-09"],
      ["taught", "ben", "cy", "2026-11-09"],
      ["taught", "cy", "ben", "2026-11-02"],
    ]);
  });

  it("records that the asker learned from the answerer when an answer is accepted, once", async () => {
    const communities = new CommunityService(new TablesCommunityRepository(store));
    const library = new LibraryService(entries, communities, new SyncedLibrarySearch(entries));
    const answers = new AnswerService(new TablesAnswerRepository(store), library, communities, entries);
    const communityId = (await communities.create(ada, { name: "Answering guild", purpose: "Ask" })).id;
    const benCaller: Caller = { tenantId, userId: ben.id, displayName: ben.displayName };
    await communities.join(benCaller, communityId);
    const question = await library.create(benCaller, communityId, {
      type: "qa",
      title: "How do we rotate the key?",
      body: "It expires next month.",
    });
    const answer = await answers.add(ada, communityId, question.id, {
      body: "Second key first, then revoke.",
    });
    await answers.accept(benCaller, communityId, question.id, answer.id);
    await answers.accept(ada, communityId, question.id, answer.id);
    const facts = await entries.listInteractions(tenantId, communityId, "");
    expect(facts.filter((f) => f.kind === "answered").map((f) => [f.from.id, f.to.id, f.entryId])).toEqual([
      ["ben", "ada", question.id],
    ]);
  });
});
