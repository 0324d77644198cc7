import { odata } from "@azure/data-tables";
import { beforeAll, describe, expect, it } from "vitest";
import type { InsightsReport } from "../../src/domain/insights/insightsReport.js";
import type { StoredInsights } from "../../src/domain/insights/insightsService.js";
import { keys, TABLES } from "../../src/storage/keys.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesInsightsStore } from "../../src/storage/tablesInsightsStore.js";
import { freshTableStore } from "../support/testServer.js";

const tenantId = "tenant-insights";

/** A report big enough to need several chunks: random names do not compress. */
function bigInsights(computedAt: string, people: number): StoredInsights {
  const report = {
    computedAt,
    people: Array.from({ length: people }, (_, i) => ({ id: `p${i}`, displayName: `${Math.random()}` })),
  } as unknown as InsightsReport;
  return { computedAt, reports: { "30": report, "90": report, "365": report } };
}

describe("stored network insights and the computation lease", () => {
  let store: TableStore;
  beforeAll(async () => {
    store = await freshTableStore();
  });

  it("stores a report over several chunks, reads it back whole, and keeps only the current version", async () => {
    const one = new TablesInsightsStore(store);
    const first = bigInsights("2026-12-01T00:00:00.000Z", 20_000);
    await one.write(tenantId, "c1", first);
    const pk = keys.library(tenantId, "c1");
    const chunks = async () =>
      (
        await store.queryAll(
          TABLES.insights,
          odata`PartitionKey eq ${pk} and RowKey ge ${"chunk|"} and RowKey lt ${"chunk}"}`,
        )
      ).length;
    const written = await chunks();
    expect(written).toBeGreaterThan(1);
    // Another instance reads it from storage.
    expect(await new TablesInsightsStore(store).read(tenantId, "c1")).toEqual(first);

    const second = bigInsights("2026-12-02T00:00:00.000Z", 100);
    await one.write(tenantId, "c1", second);
    expect(await chunks()).toBe(1);
    expect(await one.read(tenantId, "c1")).toEqual(second);
    expect(await new TablesInsightsStore(store).read(tenantId, "other")).toBeUndefined();
    expect(await new TablesInsightsStore(store).read("another-tenant", "c1")).toBeUndefined();
  });

  it("lets one instance hold a community's lease until it releases it or it runs out", async () => {
    const a = new TablesInsightsStore(store);
    const b = new TablesInsightsStore(store);
    const now = new Date("2026-12-01T10:00:00Z");
    const results = await Promise.all([
      a.claimLease(tenantId, "c2", "a", now, 60_000),
      b.claimLease(tenantId, "c2", "b", now, 60_000),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const [holder, other, otherId] = results[0] ? [a, b, "b"] : [b, a, "a"];
    expect(await other.claimLease(tenantId, "c2", otherId, new Date(now.getTime() + 30_000), 60_000)).toBe(
      false,
    );
    // Releasing someone else's lease does nothing.
    await other.releaseLease(tenantId, "c2", otherId);
    expect(await other.claimLease(tenantId, "c2", otherId, new Date(now.getTime() + 30_000), 60_000)).toBe(
      false,
    );
    await holder.releaseLease(tenantId, "c2", results[0] ? "a" : "b");
    expect(await other.claimLease(tenantId, "c2", otherId, new Date(now.getTime() + 31_000), 60_000)).toBe(
      true,
    );
    // The new holder crashed: after its lease ran out, the first takes over.
    expect(
      await holder.claimLease(
        tenantId,
        "c2",
        results[0] ? "a" : "b",
        new Date(now.getTime() + 92_000),
        60_000,
      ),
    ).toBe(true);
  });
});
