import { describe, expect, it } from "vitest";
import type { ActivityControl } from "../../../src/domain/activities/activity.js";
import { controlProblem, flowStateAt, phaseAt } from "../../../src/domain/activities/phaseClock.js";

const phases = [
  { id: "think", minutes: 2 },
  { id: "pair", minutes: 5 },
  { id: "share", minutes: 5 },
  { id: "close", minutes: 3 },
];
const T0 = Date.parse("2025-03-04T10:00:00.000Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** Builds numbered controls from `[seconds, kind, extra]` tuples. */
function timeline(...list: [number, ActivityControl["kind"], Partial<ActivityControl>?][]) {
  return {
    phases,
    controls: list.map(([seconds, kind, extra], i) => ({
      seq: i + 1,
      kind,
      at: at(seconds).toISOString(),
      byUserId: "facilitator",
      requestId: `r${i}`,
      ...extra,
    })),
  };
}

describe("phaseAt: phase and time derived from stored controls and a clock", () => {
  it("has not started before a start control", () => {
    const state = phaseAt(timeline(), at(100));
    expect(state).toMatchObject({
      status: "not-started",
      phaseIndex: -1,
      reachedPhaseIndex: -1,
      remainingMs: 0,
    });
  });

  it("counts down the first phase from the start", () => {
    const state = phaseAt(timeline([0, "start"]), at(30));
    expect(state).toMatchObject({
      status: "running",
      phaseIndex: 0,
      phaseId: "think",
      remainingMs: 90_000,
      durationMs: 120_000,
      endsAt: at(120).toISOString(),
      phaseStartedAt: at(0).toISOString(),
    });
  });

  it("moves on by itself when a phase's time is up, and ends after the last", () => {
    const t = timeline([0, "start"]);
    expect(phaseAt(t, at(119)).phaseId).toBe("think");
    expect(phaseAt(t, at(120))).toMatchObject({ phaseId: "pair", phaseStartedAt: at(120).toISOString() });
    expect(phaseAt(t, at(120 + 300 + 10))).toMatchObject({ phaseId: "share", remainingMs: 290_000 });
    expect(phaseAt(t, at(120 + 300 + 300 + 179)).phaseId).toBe("close");
    expect(phaseAt(t, at(900))).toMatchObject({
      status: "ended",
      phaseIndex: 4,
      reachedPhaseIndex: 3,
      endedAt: at(900).toISOString(),
    });
  });

  it("freezes the remaining time while paused and continues from there on resume", () => {
    const paused = timeline([0, "start"], [30, "pause"]);
    expect(phaseAt(paused, at(30 + 600))).toMatchObject({
      status: "paused",
      phaseId: "think",
      remainingMs: 90_000,
      pausedAt: at(30).toISOString(),
    });
    const resumed = timeline([0, "start"], [30, "pause"], [630, "resume"]);
    expect(phaseAt(resumed, at(700))).toMatchObject({
      status: "running",
      phaseId: "think",
      remainingMs: 20_000,
    });
    expect(phaseAt(resumed, at(720)).phaseId).toBe("pair");
  });

  it("extends the current phase, running or paused", () => {
    const running = timeline([0, "start"], [60, "extend", { phaseIndex: 0, minutes: 2 }]);
    expect(phaseAt(running, at(200))).toMatchObject({
      phaseId: "think",
      remainingMs: 40_000,
      durationMs: 240_000,
    });
    const paused = timeline([0, "start"], [60, "pause"], [70, "extend", { phaseIndex: 0, minutes: 1 }]);
    expect(phaseAt(paused, at(1000))).toMatchObject({ status: "paused", remainingMs: 120_000 });
  });

  it("skips to the next phase on `next`, and a repeated or stale `next` changes nothing", () => {
    const t = timeline([0, "start"], [30, "next", { phaseIndex: 0 }], [31, "next", { phaseIndex: 0 }]);
    expect(phaseAt(t, at(40))).toMatchObject({ phaseId: "pair", phaseStartedAt: at(30).toISOString() });
    // "extend think" clicked just after think ran out must not extend pair.
    const stale = timeline([0, "start"], [125, "extend", { phaseIndex: 0, minutes: 5 }]);
    expect(phaseAt(stale, at(130))).toMatchObject({ phaseId: "pair", durationMs: 300_000 });
  });

  it("`next` from a paused phase starts the next one running", () => {
    const t = timeline([0, "start"], [10, "pause"], [500, "next", { phaseIndex: 0 }]);
    expect(phaseAt(t, at(510))).toMatchObject({ status: "running", phaseId: "pair", remainingMs: 290_000 });
  });

  it("ends on `end` in any phase; reachedPhaseIndex tells whether pairs were ever formed", () => {
    const duringThink = timeline([0, "start"], [10, "end"]);
    expect(phaseAt(duringThink, at(20))).toMatchObject({ status: "ended", reachedPhaseIndex: 0 });
    const duringShare = timeline(
      [0, "start"],
      [10, "next", { phaseIndex: 0 }],
      [20, "next", { phaseIndex: 1 }],
      [30, "end"],
    );
    expect(phaseAt(duringShare, at(40))).toMatchObject({ status: "ended", reachedPhaseIndex: 2 });
    expect(phaseAt(timeline([0, "start"], [3, "next", { phaseIndex: 0 }]), at(4)).reachedPhaseIndex).toBe(1);
  });

  it("keeps time monotonic when an instance's clock is slightly behind", () => {
    // The second control was stamped 5 s before the first by a lagging instance.
    const t = timeline([100, "start"], [95, "pause"]);
    expect(phaseAt(t, at(50))).toMatchObject({ status: "paused", remainingMs: 120_000 });
  });

  it("orders controls by their number, not by how they were read", () => {
    const t = timeline([0, "start"], [30, "pause"], [40, "resume"]);
    const shuffled = { ...t, controls: [...t.controls].reverse() };
    expect(phaseAt(shuffled, at(50))).toEqual(phaseAt(t, at(50)));
  });
});

describe("flowStateAt: a stored activity's state", () => {
  it("is phaseAt over the activity's planned phases and its controls", () => {
    const { controls } = timeline([0, "start"], [200, "pause"]);
    const flow = { activity: { phases } as never, controls };
    expect(flowStateAt(flow, at(250))).toEqual(phaseAt({ phases, controls }, at(250)));
    expect(flowStateAt(flow, at(250))).toMatchObject({ status: "paused", phaseId: "pair" });
  });
});

describe("controlProblem: what a facilitator may do now", () => {
  const notStarted = phaseAt(timeline(), at(0));
  const think = phaseAt(timeline([0, "start"]), at(10));
  const paused = phaseAt(timeline([0, "start"], [5, "pause"]), at(10));
  const ended = phaseAt(timeline([0, "start"], [5, "end"]), at(10));

  it("allows the controls that fit", () => {
    expect(controlProblem(notStarted, 4, { kind: "start" })).toBeUndefined();
    expect(controlProblem(think, 4, { kind: "next", phaseIndex: 0 })).toBeUndefined();
    expect(controlProblem(think, 4, { kind: "extend", phaseIndex: 0, minutes: 2 })).toBeUndefined();
    expect(controlProblem(think, 4, { kind: "pause" })).toBeUndefined();
    expect(controlProblem(paused, 4, { kind: "resume" })).toBeUndefined();
    expect(controlProblem(paused, 4, { kind: "end" })).toBeUndefined();
  });

  it("says why the others do not", () => {
    expect(controlProblem(think, 4, { kind: "start" })).toBe("The activity has already started.");
    expect(controlProblem(notStarted, 4, { kind: "next", phaseIndex: 0 })).toBe("Start the activity first.");
    expect(controlProblem(think, 4, { kind: "next", phaseIndex: 1 })).toMatch(/already ended/);
    expect(controlProblem(think, 4, { kind: "resume" })).toBe("The activity is not paused.");
    expect(controlProblem(paused, 4, { kind: "pause" })).toBe("Only a running phase can be paused.");
    expect(controlProblem(ended, 4, { kind: "end" })).toBe("The activity has already ended.");
    expect(controlProblem(ended, 4, { kind: "extend", phaseIndex: 0, minutes: 1 })).toMatch(/already ended/);
  });
});
