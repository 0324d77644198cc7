import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type RunningAzurite, startAzurite } from "../../scripts/lib/azurite.js";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import { generateLibrary } from "../../src/local/generatedLibrary.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { demo, org } from "./fixtures.js";
import { realisticWords } from "./realisticWords.js";
import { root } from "./servers.js";

/** The table prefix of the kept big library. */
export const BIG_LIBRARY_PREFIX = "benchsearch";

export interface BigLibrary {
  azurite: RunningAzurite;
  communityId: string;
  /** How long loading it took now; NaN when it was reused from an earlier run. */
  importMs: number;
}

/**
 * One community of `entries` generated entries (realistic lengths, tags and word distribution) in
 * an Azurite of its own. Azurite checks every insert against the whole table (LokiJS without an
 * index), so loading 50,000 entries takes minutes: the loaded library is kept in .data/bench and
 * reused by the scenarios that need it (`search`, `first-search`).
 */
export async function bigLibrary(entries: number, label: string): Promise<BigLibrary> {
  // v2: texts with a realistic word distribution (see realisticWords.ts); v1 used the demo's.
  const dataDir = path.join(root, ".data", "bench", `search-${entries}-v2`);
  const marker = path.join(dataDir, "ready.json");
  const azurite = await startAzurite({ location: dataDir });
  const steward = demo[0];
  if (!steward) throw new Error("fixtures missing");
  if (existsSync(marker)) {
    const { communityId } = JSON.parse(readFileSync(marker, "utf8")) as { communityId: string };
    process.stderr.write(`${label}: reusing the library of ${entries} entries in ${dataDir}\n`);
    return { azurite, communityId, importMs: Number.NaN };
  }
  const store = await TableStore.connect({
    connectionString: azurite.connectionString,
    tablePrefix: BIG_LIBRARY_PREFIX,
    // Azurite checks every insert against the whole table: a batch of 100 into a table of tens
    // of thousands takes longer than the server's storage timeouts allow, and that is no outage.
    timeouts: { attemptMs: 600_000, callMs: 600_000 },
  });
  await store.ensureTables();
  const communities = new CommunityService(new TablesCommunityRepository(store));
  const caller = { tenantId: org.tenantId, userId: steward.id, displayName: steward.displayName };
  const community = await communities.create(caller, {
    name: "Big library",
    purpose: "Benchmark",
    privacy: "open",
  });
  const started = performance.now();
  const library = generateLibrary(
    org.tenantId,
    community.id,
    entries,
    org.users.slice(0, 300),
    42,
    realisticWords(),
  );
  // No server has indexed this library yet, so the entries alone are what an index is built from.
  await new TablesEntryRepository(store).importMany(library, { changeLog: false });
  const importMs = performance.now() - started;
  writeFileSync(marker, JSON.stringify({ communityId: community.id, entries }));
  process.stderr.write(`${label}: imported ${entries} entries in ${Math.round(importMs)} ms\n`);
  return { azurite, communityId: community.id, importMs };
}
