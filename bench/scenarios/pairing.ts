import { pairParticipants, type RecentPartners } from "../../src/domain/activities/pairing.js";
import { pairingQuality } from "../../src/domain/activities/pairingQuality.js";
import { extendOrg, profilesOf } from "../../tests/unit/activities/largeOrg.js";
import { org } from "../lib/fixtures.js";
import { percentile, type ScenarioResult } from "../lib/report.js";

const PARTICIPANTS = 1_000;
const RUNS = 50;
const WARMUP = 5;

/** Who was grouped with whom in the last activities (the community's recent partners). */
function recentOf(history: string[][][]): RecentPartners {
  const map = new Map<string, Set<string>>();
  for (const groups of history)
    for (const g of groups)
      for (const a of g) for (const b of g) if (a !== b) map.set(a, (map.get(a) ?? new Set()).add(b));
  return map;
}

/**
 * Pairing 1,000 participants built from the fixture org (repeated to 1,000 with its departments
 * and management chains), cross-department rule, with the partners of the last three runs as
 * recent partners, 50 runs with different seeds. Bar (issue 5): ≤ 50 ms. Also reports the
 * cross-department rate, pairs with a shared manager and repeated partners, and the fallback
 * without profiles (Graph down).
 */
export async function pairing(): Promise<ScenarioResult> {
  const people = extendOrg(org.users, PARTICIPANTS);
  const ids = people.map((p) => p.id);
  const profiles = profilesOf(people);
  const times: number[] = [];
  const fallbackTimes: number[] = [];
  const history: string[][][] = [];
  let crossRate = 0;
  let sameManager = 0;
  let repeated = 0;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const recent = recentOf(history.slice(-3));
    const started = performance.now();
    const result = pairParticipants(ids, profiles, recent, "cross-department", `bench-${run}`);
    const elapsed = performance.now() - started;
    const fallbackStarted = performance.now();
    pairParticipants(ids, undefined, recent, "cross-department", `bench-${run}`);
    const fallbackElapsed = performance.now() - fallbackStarted;
    history.push(result.groups);
    if (run < WARMUP) continue;
    times.push(elapsed);
    fallbackTimes.push(fallbackElapsed);
    const quality = pairingQuality(result.groups, profiles, recent);
    crossRate += quality.crossDepartmentRate / RUNS;
    sameManager += quality.sameManagerPairs;
    repeated += quality.repeatedPartnerPairs;
  }
  const departments = new Set(people.map((p) => p.department)).size;
  return {
    scenario: "pairing",
    params: { participants: PARTICIPANTS, runs: RUNS, warmup: WARMUP, departments, recentActivities: 3 },
    metrics: {
      pairing_p50_ms: percentile(times, 50),
      pairing_p95_ms: percentile(times, 95),
      pairing_max_ms: Math.max(...times),
      fallback_p95_ms: percentile(fallbackTimes, 95),
      cross_department_rate: crossRate,
      same_manager_pairs_total: sameManager,
      repeated_partner_pairs_total: repeated,
    },
    bars: [
      { name: "pairing 1,000 participants p95", metric: "pairing_p95_ms", limit: 50, op: "<=" },
      { name: "pairing 1,000 participants worst", metric: "pairing_max_ms", limit: 50, op: "<=" },
    ],
  };
}
