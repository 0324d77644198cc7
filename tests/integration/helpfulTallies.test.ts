import { beforeAll, describe, expect, it } from "vitest";
import { generateLibrary } from "../../src/local/generatedLibrary.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { freshTableStore } from "../support/testServer.js";

const tenantId = "aaaaaaaa-0000-4000-8000-0000000a99e9";
const ada = { id: "u-ada", displayName: "Ada" };
const grace = { id: "u-grace", displayName: "Grace" };
const voters = Array.from({ length: 12 }, (_, i) => ({ id: `u-voter-${i}`, displayName: `Voter ${i}` }));

describe("the home's helpful votes kept per day", () => {
  let entries: TablesEntryRepository;

  beforeAll(async () => {
    entries = new TablesEntryRepository(await freshTableStore());
    const [byAda, byGrace] = generateLibrary(tenantId, "c", 2, [ada], 1);
    if (!byAda || !byGrace) throw new Error("no entries generated");
    await entries.importMany([
      { ...byAda, id: "ada-1", author: ada },
      { ...byGrace, id: "grace-1", author: grace },
    ]);
  });

  it("counts votes cast at once exactly, per person voted for and day, and follows unvotes", async () => {
    // Twelve people vote for Ada's entry at the same moment; two for Grace's the next day.
    await Promise.all(
      voters.map((v, i) =>
        entries.addVote({
          tenantId,
          communityId: "c",
          entryId: "ada-1",
          voter: v,
          at: `2026-05-01T10:00:${String(i).padStart(2, "0")}Z`,
          learnedFrom: ada,
        }),
      ),
    );
    const onGrace = { tenantId, communityId: "c", entryId: "grace-1", learnedFrom: grace };
    await entries.addVote({ ...onGrace, voter: voters[0] ?? ada, at: "2026-05-02T09:00:00Z" });
    await entries.addVote({ ...onGrace, voter: voters[1] ?? ada, at: "2026-05-02T09:30:00Z" });

    expect(await entries.helpfulDays(tenantId, "c", "2026-05-01")).toEqual([
      { day: "2026-05-01", teachers: [{ person: ada, helpful: 12 }] },
      { day: "2026-05-02", teachers: [{ person: grace, helpful: 2 }] },
    ]);

    await Promise.all(voters.slice(0, 5).map((v) => entries.removeVote(tenantId, "c", "ada-1", v.id)));
    const days = await entries.helpfulDays(tenantId, "c", "2026-05-01");
    expect(days[0]).toEqual({ day: "2026-05-01", teachers: [{ person: ada, helpful: 7 }] });
  });

  it("reads only the days asked for, and nothing of another community", async () => {
    expect((await entries.helpfulDays(tenantId, "c", "2026-05-02")).map((d) => d.day)).toEqual([
      "2026-05-02",
    ]);
    expect(await entries.helpfulDays(tenantId, "other", "2026-01-01")).toEqual([]);
  });
});
