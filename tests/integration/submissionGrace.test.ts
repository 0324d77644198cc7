import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SUBMISSION_GRACE_MS } from "../../src/domain/activities/activityRepository.js";
import { ActivityService } from "../../src/domain/activities/activityService.js";
import type { Caller } from "../../src/domain/identity.js";
import { FixtureDirectory } from "../../src/local/fixtureDirectory.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesActivityRepository } from "../../src/storage/tablesActivityRepository.js";
import { fixtureCaller, fixtureTenant, org } from "../support/orgFixture.js";
import { describeCalls, type StorageCall, StorageRecorder } from "../support/storageRecorder.js";
import { uniqueName, uniqueTablePrefix } from "../support/testServer.js";

const tenant = fixtureTenant;
const caller = fixtureCaller;
const unique = uniqueName;

/**
 * A submission is checked against a flow read at most SUBMISSION_GRACE_MS before it arrived: one
 * sent just after another instance moved the phase on is taken (the person wrote in the phase
 * their panel showed), a moment later it is refused, an instance's own control counts at once, and
 * a refusal always rests on a fresh read. Two instances (two repositories) on one Azurite.
 */
describe("the submission grace at phase changes (two instances)", () => {
  let recorder: StorageRecorder;
  let one: ActivityService;
  let two: ActivityService;
  const facilitator = caller(0);
  const people = [caller(11), caller(23), caller(35), caller(47)] as [Caller, Caller, Caller, Caller];
  const [p, q, r, s] = people;
  let graceClock = Date.now();

  beforeAll(async () => {
    recorder = new StorageRecorder();
    const connectionString = inject("tablesConnectionString");
    const tablePrefix = uniqueTablePrefix();
    const storeOne = await TableStore.connect({ connectionString, tablePrefix });
    await storeOne.ensureTables();
    const storeTwo = await TableStore.connect({ connectionString, tablePrefix });
    const directory = new FixtureDirectory({ ...org, tenantId: tenant });
    // Instance one's grace runs on a clock the test moves (its phases on real time, as two's).
    one = new ActivityService(new TablesActivityRepository(storeOne, { now: () => graceClock }), directory);
    two = new ActivityService(new TablesActivityRepository(storeTwo), directory);
  });
  afterAll(() => recorder?.restore());

  /** A think-pair-share everyone joined, started on instance two. */
  const started = async () => {
    const view = await one.create(
      facilitator,
      {
        communityId: "community-grace",
        conversationId: `19:meeting_${unique("grace")}@thread.v2`,
        prompt: "What would you stop doing?",
        minutes: { think: 5, pair: 5, share: 5 },
      },
      unique("setup"),
    );
    for (const person of people) await one.join(person, view.id);
    await two.control(facilitator, view.id, { kind: "start" }, unique("start"));
    return view.id;
  };
  /** Instance two begins the pair phase; its pairs are formed. */
  const toPairs = async (id: string) => {
    await two.control(facilitator, id, { kind: "next", phaseIndex: 0 }, unique("next"));
    await two.view(facilitator, id);
  };
  /** Started and in its pair phase (moved there on instance two). */
  const inPairPhase = async () => {
    const id = await started();
    await toPairs(id);
    return id;
  };
  const reflect = (service: ActivityService, person: Caller, id: string) =>
    service.submit(person, id, "reflection", { text: `A reflection of ${person.displayName}` });

  it("takes what was sent just after another instance ended the activity, and refuses it a moment later", async () => {
    const id = await inPairPhase();
    expect(await reflect(one, p, id)).toMatchObject({ status: "saved" });
    // A second submission within the grace: no storage read to check the phase again.
    const { result, calls } = await recorder.during(() => reflect(one, q, id));
    expect(result).toMatchObject({ status: "saved" });
    expect(
      calls.filter((c) => c.method === "GET" && c.what.includes("flow|")),
      describeCalls(calls),
    ).toEqual([]);

    await two.control(facilitator, id, { kind: "end" }, unique("end"));
    // Sent as the end came: the person wrote in the phase their panel showed.
    expect(await reflect(one, r, id)).toMatchObject({ status: "saved" });
    // A moment later the end holds on every instance: a reflection is refused, kindly.
    graceClock += SUBMISSION_GRACE_MS + 1;
    await expect(reflect(one, s, id)).rejects.toThrow("This activity has already ended.");
    const record = await one.view(facilitator, id);
    expect(record.reflectedCount).toBe(3);
  });

  it("counts an instance's own control at once", async () => {
    const id = await inPairPhase();
    expect(await reflect(one, p, id)).toMatchObject({ status: "saved" });
    await one.control(facilitator, id, { kind: "end" }, unique("end"));
    await expect(reflect(one, q, id)).rejects.toThrow("This activity has already ended.");
  });

  it("counts a control it has seen another instance make (a view read) at once", async () => {
    const id = await inPairPhase();
    expect(await reflect(one, p, id)).toMatchObject({ status: "saved" });
    await two.control(facilitator, id, { kind: "end" }, unique("end"));
    expect((await one.view(facilitator, id)).state.status).toBe("ended");
    await expect(reflect(one, q, id)).rejects.toThrow("This activity has already ended.");
  });

  it("refuses only on a fresh read: a kind the phase held here does not take is checked against the phase as it is", async () => {
    const id = await started();
    // Instance one holds the think phase, which takes no key insight.
    expect(await reflect(one, p, id)).toMatchObject({ status: "saved" });
    await expect(one.submit(q, id, "share", { text: "Too early" })).rejects.toThrow(
      "Key insights are written in the Pair, Share or Close phases.",
    );
    // Another instance begins the pair phase: the key insight sent at once is taken.
    await toPairs(id);
    expect(await one.submit(q, id, "share", { text: "Pairs across teams" })).toMatchObject({
      status: "saved",
    });
  });

  it("never makes a submission wait for a flow read while the phase stays: a newer read begins beside the last one answered", async () => {
    const id = await inPairPhase();
    expect(await reflect(one, p, id)).toMatchObject({ status: "saved" });
    const flowReads = (calls: StorageCall[]) =>
      calls.filter((c) => c.method === "GET" && c.what.includes("flow|"));
    // Over half the grace later: answered from that read, while a newer one begins beside it.
    graceClock += SUBMISSION_GRACE_MS * 0.6;
    const beside = await recorder.during(async () => {
      const saved = await reflect(one, q, id);
      // The newer read is not waited for; it ends a moment later.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return saved;
    });
    expect(beside.result).toMatchObject({ status: "saved" });
    expect(flowReads(beside.calls), describeCalls(beside.calls)).toHaveLength(1);
    // Past the grace of the first read, within the newer one's: still no read before the write.
    graceClock += SUBMISSION_GRACE_MS * 0.6;
    const { result, calls } = await recorder.during(() => reflect(one, r, id));
    expect(result).toMatchObject({ status: "saved" });
    const write = calls.find((c) => c.method !== "GET" && c.what.includes("reflection"));
    expect(write, describeCalls(calls)).toBeDefined();
    for (const read of flowReads(calls))
      expect(read.endedAt, describeCalls(calls)).toBeGreaterThan(write?.startedAt ?? 0);
  });
});
