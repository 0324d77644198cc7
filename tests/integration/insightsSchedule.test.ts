import { beforeAll, describe, expect, it } from "vitest";
import type { InsightsFacts } from "../../src/domain/insights/insightsFacts.js";
import { computeInsights, type InsightsReport } from "../../src/domain/insights/insightsReport.js";
import { InsightsService, type InsightsSource } from "../../src/domain/insights/insightsService.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesInsightsStore } from "../../src/storage/tablesInsightsStore.js";
import { freshTableStore } from "../support/testServer.js";

const tenantId = "tenant-schedule";
const HOUR = 3_600_000;
const none: InsightsFacts = { members: [], facts: [], entries: [], commitments: [] };

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
function stored(computedAt: string) {
  const report = { computedAt } as unknown as InsightsReport;
  return { computedAt, reports: { "30": report, "90": report, "365": report } };
}

/**
 * The scheduled job (issue 17: "a scheduled job that exactly one instance runs, with a lease"): two
 * instances on the same storage pass over the stored communities at once; each due community is
 * computed by one of them, once, and one without new facts waits until its windows have slid a day.
 */
describe("network insights' scheduled refresh across instances", () => {
  let store: TableStore;
  beforeAll(async () => {
    store = await freshTableStore();
  });

  /** Records which instance computed which community; every computation waits at `gate`. */
  function source(calls: string[], gate: Promise<void>, onCall: () => void, changed: Set<string>) {
    return (instance: string): InsightsSource => ({
      factsOf: async (_tenant, communityId) => {
        calls.push(`${instance}:${communityId}`);
        onCall();
        await gate;
        return none;
      },
      changedSince: async (_tenant, communityId) => changed.has(communityId),
    });
  }

  it("computes each due community on exactly one of two instances, and leaves the rest", async () => {
    const writer = new TablesInsightsStore(store);
    await writer.write(tenantId, "new-facts", stored(ago(2 * HOUR)));
    await writer.write(tenantId, "quiet", stored(ago(2 * HOUR)));
    await writer.write(tenantId, "a-day-old", stored(ago(25 * HOUR)));
    await writer.write(tenantId, "fresh-with-facts", stored(ago(HOUR / 4)));
    const before = await writer.storedAt(tenantId, "quiet");

    const calls: string[] = [];
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // The first computation holds its lease until the other instance has started its own: both
    // passes then overlap for certain.
    const of = source(
      calls,
      gate,
      () => calls.length === 2 && open(),
      new Set(["new-facts", "fresh-with-facts"]),
    );
    const instance = (id: string) =>
      new InsightsService(
        { get: async () => ({ isSteward: true }) as never, listVisible: async () => [] },
        new TablesInsightsStore(store),
        of(id),
        {
          personLevel: () => true,
          instanceId: id,
          refreshMs: HOUR,
        },
      );
    const [a, b] = [instance("a"), instance("b")];
    const computed = await Promise.all([a.refreshDue(), b.refreshDue()]);

    expect(computed[0] + computed[1]).toBe(2);
    expect(calls.map((c) => c.split(":")[1]).sort()).toEqual(["a-day-old", "new-facts"]);
    expect(new Set(calls.map((c) => c.split(":")[0]))).toEqual(new Set(["a", "b"]));
    for (const communityId of ["new-facts", "a-day-old"])
      expect(Date.parse((await writer.storedAt(tenantId, communityId)) ?? "")).toBeGreaterThan(
        Date.now() - HOUR,
      );
    expect(await writer.storedAt(tenantId, "quiet")).toBe(before);

    // Passing again finds nothing due: the reports are fresh.
    expect(await Promise.all([a.refreshDue(), b.refreshDue()])).toEqual([0, 0]);
    expect(calls).toHaveLength(2);
  });

  it("runs on its own timer once started, and stops", async () => {
    const writer = new TablesInsightsStore(store);
    await writer.write(tenantId, "timed", stored(ago(30 * HOUR)));
    const calls: string[] = [];
    const of = source(calls, Promise.resolve(), () => {}, new Set());
    const service = new InsightsService(
      { get: async () => ({ isSteward: true }) as never, listVisible: async () => [] },
      new TablesInsightsStore(store),
      of("timer"),
      { personLevel: () => true, instanceId: "timer" },
    );
    service.start(20);
    try {
      for (let i = 0; i < 500 && !calls.includes("timer:timed"); i++)
        await new Promise((r) => setTimeout(r, 20));
    } finally {
      await service.stop();
    }
    expect(calls).toContain("timer:timed");
    expect(Date.parse((await writer.storedAt(tenantId, "timed")) ?? "")).toBeGreaterThan(Date.now() - HOUR);
  });

  it("computes each window with the computation it is given (a worker thread in the server)", async () => {
    const people = ["ana", "ben", "cai"].map((id) => ({
      id,
      displayName: id,
      joinedAt: ago(400 * 24 * HOUR),
      department: "Design",
    }));
    const facts: InsightsFacts = {
      members: people,
      facts: [
        { kind: "saved", from: "ana", to: "ben", at: ago(2 * HOUR) },
        { kind: "saved", from: "ben", to: "cai", at: ago(3 * HOUR) },
      ],
      entries: [],
      commitments: [],
    };
    const windows: number[] = [];
    const service = new InsightsService(
      { get: async () => ({ isSteward: true }) as never, listVisible: async () => [] },
      new TablesInsightsStore(store),
      { factsOf: async () => facts, changedSince: async () => true },
      {
        personLevel: () => true,
        instanceId: "brokers",
        // A stand-in that marks its answer: everyone a broker of a quarter.
        compute: async (communityId, input, window) => {
          windows.push(window.windowDays);
          const report = computeInsights(communityId, input, window);
          return { ...report, people: report.people.map((p) => ({ ...p, betweenness: 0.25 })) };
        },
      },
    );
    expect(await service.refresh(tenantId, "brokers")).toBe(true);
    expect(windows).toEqual([30, 90, 365]);
    const reports = (await new TablesInsightsStore(store).read(tenantId, "brokers"))?.reports;
    for (const window of ["30", "90", "365"] as const)
      expect(reports?.[window].people.map((p) => p.betweenness)).toEqual([0.25, 0.25, 0.25]);
  });
});
