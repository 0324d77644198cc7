import { describe, expect, it } from "vitest";
import type { ActivityRecord } from "../../../src/domain/activities/activity.js";
import { type CommunityModule, ModuleService } from "../../../src/domain/activities/modules/moduleService.js";
import type { Caller } from "../../../src/domain/identity.js";
import { LEADING_THROUGH_CHANGE } from "../../support/moduleFixtures.js";

const steward: Caller = { tenantId: "t", userId: "s", displayName: "Steward" } as Caller;
const module: CommunityModule = {
  id: "m1",
  communityId: "c",
  markdown: LEADING_THROUGH_CHANGE,
  author: { id: "s", displayName: "Steward" },
  updatedAt: "2026-12-01T00:00:00Z",
  etag: "e",
};

/** An activity run from the module with these ratings (and one action, which is no rating). */
const ran = (ratings: number[]) =>
  ({
    activity: { format: "coaching-ourselves" },
    submissions: [
      ...ratings.map((r, i) => ({ kind: "usefulness", scope: "person", ownerId: `p${i}`, text: String(r) })),
      { kind: "action", scope: "person", ownerId: "p0", text: "5" },
    ],
  }) as unknown as ActivityRecord;

function reportOf(uses: string[], records: Record<string, ActivityRecord>) {
  const service = new ModuleService(
    {
      get: async () => module,
      usesOf: async () => uses,
    } as never,
    { readable: async () => ({ isSteward: true }) } as never,
    { load: async (_t: string, id: string) => records[id] },
  );
  return service.report(steward, "c", "m1");
}

describe("a module's usefulness report", () => {
  it("adds up the ratings of every session run from it, and averages them from five on", async () => {
    const report = await reportOf(["a1", "a2"], { a1: ran([5, 4, 4]), a2: ran([2, 3]) });
    expect(report).toEqual({
      moduleId: "m1",
      title: "Leading through change",
      sessions: 2,
      count: 5,
      distribution: [0, 1, 1, 2, 1],
      average: 3.6,
      minimumForAverage: 5,
    });
  });

  it("shows no average below five ratings, and counts no session for a set-up that was refused", async () => {
    const report = await reportOf(["a1", "refused"], { a1: ran([5, 1, 4, 4]) });
    expect(report.sessions).toBe(1);
    expect(report.count).toBe(4);
    expect(report.average).toBeUndefined();
  });
});
