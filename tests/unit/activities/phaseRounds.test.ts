import { describe, expect, it } from "vitest";
import type {
  ActivityFormatDefinition,
  PhaseDefinition,
} from "../../../src/domain/activities/activityFormat.js";
import { formatOf, planPhases } from "../../../src/domain/activities/activityFormats.js";
import { currentRound, roundAtPhase, roundsOf } from "../../../src/domain/activities/groupingRounds.js";
import type { PhaseState } from "../../../src/domain/activities/phaseClock.js";

const phase = (id: string, grouping?: PhaseDefinition["grouping"]): PhaseDefinition => ({
  id,
  title: id,
  instruction: "",
  defaultMinutes: 5,
  minMinutes: 1,
  maxMinutes: 30,
  accepts: [],
  ...(grouping ? { grouping } : {}),
});

/** A café-like format: intro, three rounds of new tables, a harvest all together. */
const cafe: ActivityFormatDefinition = {
  id: "cafe-test",
  name: "Café",
  roles: ["facilitator", "participant"],
  phases: [
    phase("intro"),
    phase("round-1", { kind: "rounds", size: 4, rounds: 3 }),
    phase("round-2", { kind: "rounds", size: 4, rounds: 3 }),
    phase("round-3", { kind: "rounds", size: 4, rounds: 3 }),
    phase("harvest", { kind: "none" }),
  ],
  submissions: {},
  acceptsAfterEnd: [],
  confidential: false,
};
const plan = planPhases(cafe);
const state = (
  status: PhaseState["status"],
  phaseIndex: number,
  reachedPhaseIndex = phaseIndex,
): PhaseState => ({
  status,
  phaseIndex,
  reachedPhaseIndex,
  durationMs: 0,
  remainingMs: 0,
});

describe("grouping rounds, derived from the plan", () => {
  it("gives think-pair-share one round, from the pair phase through the close", () => {
    const tps = formatOf("think-pair-share");
    const tpsPlan = planPhases(tps);
    expect(roundsOf(tps, tpsPlan)).toEqual([{ phaseIndex: 1, strategy: { kind: "pairs" } }]);
    expect([0, 1, 2, 3].map((i) => roundAtPhase(tps, tpsPlan, i))).toEqual([-1, 0, 0, 0]);
    expect(currentRound(tps, tpsPlan, state("ended", 4, 3))).toBe(0);
    // Ended during think: nobody was ever paired.
    expect(currentRound(tps, tpsPlan, state("ended", 4, 0))).toBe(-1);
  });

  it("starts a new round with each grouping phase and ends the groups with `none`", () => {
    expect(roundsOf(cafe, plan).map((r) => r.phaseIndex)).toEqual([1, 2, 3]);
    expect([0, 1, 2, 3, 4].map((i) => roundAtPhase(cafe, plan, i))).toEqual([-1, 0, 1, 2, -1]);
    expect(currentRound(cafe, plan, state("not-started", -1))).toBe(-1);
    expect(currentRound(cafe, plan, state("paused", 2))).toBe(1);
    expect(currentRound(cafe, plan, state("ended", 5, 3))).toBe(2);
  });

  it("counts only the phases planned for this activity", () => {
    const withoutRoundTwo = plan.filter((p) => p.id !== "round-2");
    expect(roundsOf(cafe, withoutRoundTwo).map((r) => r.phaseIndex)).toEqual([1, 2]);
    expect(roundAtPhase(cafe, withoutRoundTwo, 2)).toBe(1);
  });
});
