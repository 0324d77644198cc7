import { beforeAll, describe, expect, it } from "vitest";
import { CommitmentService } from "../../src/domain/commitments/commitmentService.js";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import type { Caller } from "../../src/domain/identity.js";
import { LibraryService } from "../../src/domain/library/libraryService.js";
import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommitmentRepository } from "../../src/storage/tablesCommitmentRepository.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
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
});
