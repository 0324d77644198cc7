import { describe, expect, it } from "vitest";
import type { Session } from "../../../src/domain/sessions/session.js";
import type { SessionPlanRepository } from "../../../src/domain/sessions/sessionPlan.js";
import { SessionReminderPlanner } from "../../../src/domain/sessions/sessionReminders.js";

const series = (id: string, rule: string, startsAt: string): Session => ({
  tenantId: "t1",
  communityId: "c1",
  id,
  title: id,
  format: "think-pair-share",
  startsAt,
  durationMinutes: 60,
  timeZone: "Europe/Berlin",
  description: "",
  agenda: [],
  roles: [],
  recurrence: { rule, exceptions: [], moved: [] },
  cancelled: false,
  createdBy: { id: "u1", displayName: "Steward" },
  createdAt: startsAt,
  updatedAt: startsAt,
  etag: "e",
});

/** The repository parts the planner reads, in memory. */
function planOf(sessions: Session[]): SessionPlanRepository {
  const missing = () => {
    throw new Error("not used by the planner");
  };
  return {
    listActiveSessions: async () => sessions,
    getReminderSettings: async () => ({ enabled: true, leadMinutes: 60 }),
    getRota: async () => new Map(),
    listRotaOfCommunity: missing,
    setRota: missing,
    listRolePreferences: missing,
    setRolePreference: missing,
    setReminderSettings: missing,
    claimReminder: missing,
    completeReminder: missing,
    releaseReminder: missing,
  } as unknown as SessionPlanRepository;
}

describe("the reminder scan reads the lead time of each series, however old the series is", () => {
  it("finds the one occurrence due of a four-a-day series begun decades before, and none of a rule refused now (ten a minute apart were due)", async () => {
    const planner = new SessionReminderPlanner(
      planOf([
        series("old-daily", "FREQ=DAILY;BYHOUR=9,10,11,12", "2026-01-05T08:00:00.000Z"),
        series("refused", "FREQ=DAILY;BYHOUR=10;BYMINUTE=0,1,2,3,4,5,6,7,8,9", "2026-01-05T08:00:00.000Z"),
      ]),
    );
    // 09:30 in Berlin (winter): the 10:00 session is within the hour's lead time.
    const due = await planner.due(new Date("2090-01-10T08:30:00.000Z"));
    expect(due.map((d) => [d.session.id, d.occurrence.startsAt])).toEqual([
      ["old-daily", "2090-01-10T09:00:00.000Z"],
    ]);
  });
});
