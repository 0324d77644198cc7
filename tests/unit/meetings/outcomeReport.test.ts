import { describe, expect, it } from "vitest";
import type { CommunityService } from "../../../src/domain/communities/communityService.js";
import type { LibraryService } from "../../../src/domain/library/libraryService.js";
import type {
  MeetingOutcome,
  MeetingOutcomeRepository,
} from "../../../src/domain/meetings/meetingOutcome.js";
import { MeetingOutcomeService } from "../../../src/domain/meetings/meetingOutcomeService.js";
import type { PeopleDirectory } from "../../../src/domain/people/peopleDirectory.js";

/** Outcomes in memory: what the report reads and marks. */
function repository(outcomes: MeetingOutcome[]) {
  const claimed = new Set<string>();
  const repo: Partial<MeetingOutcomeRepository> = {
    listOfConversation: async () => outcomes.map((o) => ({ ...o })),
    claimReport: async (_tenant, _conversation, key) => {
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    },
    markReported: async (_tenant, _conversation, reported, at) => {
      for (const { id } of reported) {
        const outcome = outcomes.find((o) => o.id === id);
        if (outcome) outcome.reportedAt = at;
      }
    },
  };
  return repo as MeetingOutcomeRepository;
}

const outcome = (id: string): MeetingOutcome =>
  ({
    tenantId: "t",
    conversationId: "c",
    id,
    kind: "decision",
    text: `Decision ${id}`,
    capturedBy: { id: "u", displayName: "Una" },
    at: "2026-12-04T10:00:00Z",
  }) as MeetingOutcome;

describe("the meeting's outcomes report", () => {
  const service = (outcomes: MeetingOutcome[]) =>
    new MeetingOutcomeService(
      repository(outcomes),
      {} as LibraryService,
      {} as CommunityService,
      {} as PeopleDirectory,
    );

  it("marks outcomes reported only once their card went out", async () => {
    const outcomes = [outcome("a"), outcome("b")];
    const report = service(outcomes);
    await expect(
      report.reportMeetingEnd("t", "c", "end-1", async () => {
        throw new Error("the connector is away");
      }),
    ).rejects.toThrow("the connector is away");
    // Nothing was lost: both are still waiting for a report.
    expect(outcomes.every((o) => !o.reportedAt)).toBe(true);

    const delivered: string[][] = [];
    await report.reportMeetingEnd("t", "c", "end-2", async (r) => {
      delivered.push(r.outcomes.map((o) => o.id));
    });
    expect(delivered).toEqual([["a", "b"]]);
    expect(outcomes.every((o) => o.reportedAt)).toBe(true);
  });
});
