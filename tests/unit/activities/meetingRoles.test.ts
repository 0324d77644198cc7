import { afterEach, describe, expect, it, vi } from "vitest";
import { meetingRoleOf } from "../../../src/bot/meetings/teamsMeetingRoles.js";
import {
  type MeetingRef,
  type MeetingRole,
  type MeetingRoles,
  RoleLookup,
} from "../../../src/domain/activities/meetingRoles.js";

const meeting: MeetingRef = { meetingId: "m1", conversationId: "19:meeting_1@thread.v2" };

/** Teams' answers, counted; `answer` decides each. */
function teams(answer: (userId: string) => Promise<MeetingRole | undefined>) {
  const asked: string[] = [];
  const roles: MeetingRoles = {
    roleOf: (_tenantId, _meeting, userId) => {
      asked.push(userId);
      return answer(userId);
    },
  };
  return { roles, asked };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("meeting roles for steering", () => {
  it("asks Teams once for a burst of clicks and again after a minute", async () => {
    let now = 0;
    const { roles, asked } = teams(async () => "presenter");
    const lookup = new RoleLookup(roles, { now: () => now });
    const answers = await Promise.all([1, 2, 3].map(() => lookup.roleOf("t1", meeting, "u1")));
    expect(answers).toEqual(["presenter", "presenter", "presenter"]);
    now = 59_000;
    await lookup.roleOf("t1", meeting, "u1");
    expect(asked).toEqual(["u1"]);
    now = 61_000;
    await lookup.roleOf("t1", meeting, "u1");
    expect(asked).toEqual(["u1", "u1"]);
  });

  it("keeps tenants and people apart", async () => {
    const { roles, asked } = teams(async (userId) => (userId === "org" ? "organizer" : "attendee"));
    const lookup = new RoleLookup(roles);
    expect(await lookup.roleOf("t1", meeting, "org")).toBe("organizer");
    expect(await lookup.roleOf("t1", meeting, "att")).toBe("attendee");
    expect(await lookup.roleOf("t2", meeting, "org")).toBe("organizer");
    expect(asked).toEqual(["org", "att", "org"]);
  });

  it("answers unknown when Teams fails, says so, and asks again next time", async () => {
    const unavailable: string[] = [];
    const { roles, asked } = teams(async () => {
      throw new Error("403 Forbidden");
    });
    const lookup = new RoleLookup(roles, { onUnavailable: (d) => unavailable.push(d.reason) });
    expect(await lookup.roleOf("t1", meeting, "u1")).toBeUndefined();
    expect(await lookup.roleOf("t1", meeting, "u1")).toBeUndefined();
    expect(asked).toHaveLength(2);
    expect(unavailable).toEqual(["403 Forbidden", "403 Forbidden"]);
  });

  it("stops waiting after the bound (2 s by default) and answers unknown", async () => {
    vi.useFakeTimers();
    const unavailable: string[] = [];
    const { roles } = teams(() => new Promise<MeetingRole>(() => undefined));
    const lookup = new RoleLookup(roles, { onUnavailable: (d) => unavailable.push(d.reason) });
    const answer = lookup.roleOf("t1", meeting, "u1");
    await vi.advanceTimersByTimeAsync(1_999);
    expect(unavailable).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toBeUndefined();
    expect(unavailable).toEqual(["timed out"]);
  });

  it("reads Teams' role names whatever their case, and nothing else", () => {
    expect(meetingRoleOf("Organizer")).toBe("organizer");
    expect(meetingRoleOf("Presenter")).toBe("presenter");
    expect(meetingRoleOf("Attendee")).toBe("attendee");
    expect(meetingRoleOf("Producer")).toBeUndefined();
    expect(meetingRoleOf(undefined)).toBeUndefined();
  });
});
