import { beforeAll, describe, expect, inject, it } from "vitest";
import { ActivityService } from "../../src/domain/activities/activityService.js";
import type { Caller } from "../../src/domain/identity.js";
import { FixtureDirectory } from "../../src/local/fixtureDirectory.js";
import { circleKeys, keys, TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesActivityRepository } from "../../src/storage/tablesActivityRepository.js";
import { TablesCircleMemory } from "../../src/storage/tablesCircleMemory.js";
import { fixtureCaller, fixtureTenant, org } from "../support/orgFixture.js";
import { uniqueName, uniqueTablePrefix } from "../support/testServer.js";

const tenant = fixtureTenant;
const communityId = "community-circle";
const unique = uniqueName;

/**
 * A circle's goal is kept for its next session by a copy written after the answers (on the
 * instance that took the goal). When that copy is lost — the instance stopped before writing it,
 * or an older copy is all that landed — the close, on any instance, writes it again from the
 * stored goal. Two instances (two repositories) on one Azurite.
 */
describe("the close repairs a circle's lost goal copies (two instances)", () => {
  let store: TableStore;
  let memory: TablesCircleMemory;
  let one: ActivityService;
  let two: ActivityService;
  const facilitator = fixtureCaller(0);
  const circle = [fixtureCaller(12), fixtureCaller(24), fixtureCaller(36), fixtureCaller(48)];
  const [writer] = circle as [Caller, ...Caller[]];

  beforeAll(async () => {
    const connectionString = inject("tablesConnectionString");
    const tablePrefix = uniqueTablePrefix();
    store = await TableStore.connect({ connectionString, tablePrefix });
    await store.ensureTables();
    const storeTwo = await TableStore.connect({ connectionString, tablePrefix });
    const directory = new FixtureDirectory({ ...org, tenantId: tenant });
    memory = new TablesCircleMemory(store);
    one = new ActivityService(new TablesActivityRepository(store), directory, { circles: memory });
    two = new ActivityService(new TablesActivityRepository(storeTwo), directory, {
      circles: new TablesCircleMemory(storeTwo),
    });
  });

  const keptGoal = async (userId: string) =>
    (await memory.registerOf(tenant, [userId], communityId, "goal")).get(userId);
  /** Removes a person's kept goal as if its copy had never been written. */
  const loseCopy = (userId: string) =>
    store
      .table(TABLES.activities)
      .deleteEntity(keys.personal(tenant, userId), circleKeys.register(communityId, "goal"));

  /** A mastermind circle in its check-in, its goal written (and edited) on instance one, then ended there. */
  const sessionWithGoal = async (texts: string[]) => {
    const view = await one.create(
      facilitator,
      {
        format: "mastermind",
        communityId,
        conversationId: `19:meeting_${unique("circle")}@thread.v2`,
        prompt: "What stands in your way this month?",
      },
      unique("setup"),
    );
    for (const person of circle) await one.join(person, view.id);
    await one.control(facilitator, view.id, { kind: "start" }, unique("start"));
    await one.control(facilitator, view.id, { kind: "next", phaseIndex: 0 }, unique("check-in"));
    await one.view(facilitator, view.id);
    let etag: string | undefined;
    for (const text of texts) {
      const saved = await one.submit(writer, view.id, "goal", { text, ...(etag ? { etag } : {}) });
      if (saved.status !== "saved") throw new Error(`the goal was not saved: ${saved.status}`);
      etag = saved.submission.etag;
    }
    // Ending writes instance one's pending copies before it answers.
    await one.control(facilitator, view.id, { kind: "end" }, unique("end"));
    expect((await keptGoal(writer.userId))?.text).toBe(texts.at(-1));
    return view.id;
  };

  it("writes a goal whose copy was lost again at the close, on another instance", async () => {
    const id = await sessionWithGoal(["Ship the pricing page by Friday"]);
    await loseCopy(writer.userId);
    expect(await keptGoal(writer.userId)).toBeUndefined();

    await two.followUpCommitments(facilitator, id);
    expect(await keptGoal(writer.userId)).toMatchObject({
      text: "Ship the pricing page by Friday",
      activityId: id,
    });
  });

  it("replaces an older copy (the first text's, the edit's lost) with the goal as stored", async () => {
    const id = await sessionWithGoal(["A first draft of my goal", "Hire a designer before March"]);
    const kept = await keptGoal(writer.userId);
    await loseCopy(writer.userId);
    // Only the first text's copy landed: a moment older than the edit.
    await memory.saveRegisterEntry(tenant, writer.userId, communityId, {
      kind: "goal",
      text: "A first draft of my goal",
      at: new Date(Date.parse(kept?.at ?? "") - 1_000).toISOString(),
      activityId: id,
    });
    expect((await keptGoal(writer.userId))?.text).toBe("A first draft of my goal");

    await two.followUpCommitments(facilitator, id);
    expect((await keptGoal(writer.userId))?.text).toBe("Hire a designer before March");
  });
});
