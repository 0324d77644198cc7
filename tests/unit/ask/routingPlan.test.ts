import { describe, expect, it } from "vitest";
import type { QuestionRoute } from "../../../src/domain/ask/questionRoute.js";
import { isOverdue, planStep, type RoutingContext } from "../../../src/domain/ask/routingPlan.js";

const person = (id: string) => ({ id, displayName: `Person ${id}` });

function route(queue: string[]): QuestionRoute {
  return {
    tenantId: "t",
    communityId: "c",
    communityName: "Guild",
    questionId: "q",
    title: "How?",
    asker: person("asker"),
    createdAt: "2026-12-08T09:00:00.000Z",
    state: "waiting",
    queue: queue.map(person),
    asked: [],
    etag: "",
  };
}

const tuesday10 = new Date("2026-12-08T10:00:00Z");
const ctx = (over: Partial<RoutingContext> = {}): RoutingContext => ({
  now: tuesday10,
  settings: { askAtOnce: 2, responseHours: 4 },
  snoozed: new Map(),
  zones: new Map(),
  ...over,
});
const notified = (r: QuestionRoute): QuestionRoute => ({
  ...r,
  asked: r.asked.map((a) => ({ ...a, notifiedAt: a.askedAt })),
});

describe("routing an open question to people, a step at a time", () => {
  it("asks at most N at once, in order, each with their own working-hours clock", () => {
    const step = planStep(route(["oncall", "a", "b"]), ctx({ zones: new Map([["a", "America/New_York"]]) }));
    expect(step.asked.map((a) => [a.person.id, a.dueAt])).toEqual([
      ["oncall", "2026-12-08T14:00:00.000Z"],
      // 05:00 in New York: the clock starts at 09:00 there.
      ["a", "2026-12-08T18:00:00.000Z"],
    ]);
    expect(step.queue.map((p) => p.id)).toEqual(["b"]);
    expect(step.nextCheckAt).toBe("2026-12-08T14:00:00.000Z");
    expect(step.state).toBe("waiting");
  });

  it("passes over a snoozed person, who keeps their place, and looks again when the snooze ends", () => {
    const step = planStep(
      route(["oncall", "a"]),
      ctx({ snoozed: new Map([["oncall", "2026-12-08T12:00:00.000Z"]]) }),
    );
    expect(step.asked.map((a) => a.person.id)).toEqual(["a"]);
    expect(step.queue.map((p) => p.id)).toEqual(["oncall"]);
    expect(step.nextCheckAt).toBe("2026-12-08T12:00:00.000Z");
    // A snooze that has ended does not hold anyone back.
    const later = planStep(
      step,
      ctx({
        now: new Date("2026-12-08T12:30:00Z"),
        snoozed: new Map([["oncall", "2026-12-08T12:00:00.000Z"]]),
      }),
    );
    expect(later.asked.map((a) => a.person.id)).toEqual(["a", "oncall"]);
  });

  it("escalates to the next person when someone's time is up, and says when nobody is left", () => {
    const first = notified(
      planStep(route(["oncall", "a", "b"]), ctx({ settings: { askAtOnce: 1, responseHours: 4 } })),
    );
    const one = { settings: { askAtOnce: 1, responseHours: 4 } };
    expect(planStep(first, ctx({ ...one, now: new Date("2026-12-08T13:59:00Z") })).asked).toHaveLength(1);
    const second = notified(planStep(first, ctx({ ...one, now: new Date("2026-12-08T14:00:00Z") })));
    expect(second.asked.map((a) => [a.person.id, a.outcome])).toEqual([
      ["oncall", "missed"],
      ["a", undefined],
    ]);
    expect(isOverdue(second, new Date("2026-12-08T14:00:00Z"))).toBe(true);
    const third = notified(planStep(second, ctx({ ...one, now: new Date("2026-12-09T14:00:00Z") })));
    const last = planStep(third, ctx({ ...one, now: new Date("2026-12-10T14:00:00Z") }));
    expect(last.state).toBe("exhausted");
    expect(last.nextCheckAt).toBeUndefined();
  });

  it("does not count a card not yet delivered as missed", () => {
    const sending = planStep(route(["oncall"]), ctx());
    const after = planStep(sending, ctx({ now: new Date("2026-12-09T10:00:00Z") }));
    expect(after.asked[0]?.outcome).toBeUndefined();
  });

  it("is not overdue before the first target, and never once answered", () => {
    const step = notified(planStep(route(["oncall"]), ctx()));
    expect(isOverdue(step, tuesday10)).toBe(false);
    expect(isOverdue({ ...step, state: "answered" }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
});
