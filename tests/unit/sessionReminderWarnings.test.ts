import { describe, expect, it } from "vitest";
import type { ProactiveSender } from "../../src/bot/meetings/proactiveSender.js";
import { SessionReminders } from "../../src/bot/reminders/sessionReminders.js";
import type { SessionReminderPlanner } from "../../src/domain/sessions/sessionReminders.js";
import type { Logger } from "../../src/observability/logger.js";

function dueIn(communityId: string) {
  const occurrence = { id: "o1", startsAt: "2027-03-02T14:30:00.000Z", durationMinutes: 45 };
  return {
    key: { tenantId: "t1", communityId, sessionId: "s1", occurrenceId: "o1", kind: "before" },
    session: {
      id: "s1",
      communityId,
      title: "Case round",
      format: "case-round",
      startsAt: occurrence.startsAt,
    },
    occurrence,
    roles: [],
  };
}

/** Reminders whose every send fails, as when the Bot Connector is unreachable. */
function failingReminders(communities: string[], warnings: string[]) {
  const logger: Logger = { info: () => {}, error: () => {}, warn: (message) => warnings.push(message) };
  return new SessionReminders({
    planner: { due: async () => communities.map(dueIn) } as unknown as SessionReminderPlanner,
    claims: {
      claimReminder: async () => "claimed" as const,
      completeReminder: async () => {},
      releaseReminder: async () => {},
    },
    sender: {
      send: async () => {
        throw new Error("connect ECONNREFUSED");
      },
    } as unknown as ProactiveSender,
    channelsOf: async () => ["19:channel@thread.tacv2"],
    sessionLink: () => "https://peercircle.example/tab",
    logger,
    instanceId: "i1",
  });
}

describe("session reminder warnings", () => {
  it("are written once per community per day, however often the loop retries", async () => {
    const warnings: string[] = [];
    const reminders = failingReminders(["c1", "c2"], warnings);
    const morning = new Date("2027-03-02T08:00:00Z");
    for (let pass = 0; pass < 90; pass++) {
      await reminders.runOnce(new Date(morning.getTime() + pass * 2_000));
    }
    expect(warnings).toEqual([
      "session reminder: send failed, will retry",
      "session reminder: send failed, will retry",
    ]);
    await reminders.runOnce(new Date("2027-03-03T00:00:01Z"));
    expect(warnings).toHaveLength(4);
  });
});
