import { describe, expect, it } from "vitest";
import {
  beforeFirstGroups,
  firstGroupingPhase,
  formsGroups,
  groupingNow,
  phaseKinds,
  regroups,
} from "../../../src/bot/cards/phaseActions.js";
import type { ActivityFormatDefinition } from "../../../src/domain/activities/activityFormat.js";
import { formatOf } from "../../../src/domain/activities/activityFormats.js";
import type { PhaseState } from "../../../src/domain/activities/phaseClock.js";

/** Every phase of a format as planned with its default minutes. */
const planOf = (format: ActivityFormatDefinition) =>
  format.phases.map((p) => ({ id: p.id, minutes: p.defaultMinutes }));
const kindsByPhase = (format: ActivityFormatDefinition, plan = planOf(format)) =>
  Object.fromEntries(plan.map((p, i) => [p.id, phaseKinds(format, plan, i)]));
const running = (plan: { id: string }[], phaseId: string): PhaseState => {
  const phaseIndex = plan.findIndex((p) => p.id === phaseId);
  return {
    status: "running",
    phaseIndex,
    reachedPhaseIndex: phaseIndex,
    phaseId,
    durationMs: 60_000,
    remainingMs: 60_000,
  };
};

/**
 * A mastermind circle as the issue describes it (its definition is written elsewhere): one circle,
 * a rotating hot seat, clarifying questions and advice as items, commitments; confidential.
 */
const mastermind: ActivityFormatDefinition = {
  id: "mastermind",
  name: "Mastermind circle",
  roles: ["facilitator", "participant", "hot-seat"],
  phases: [
    {
      id: "check-in",
      title: "Check-in",
      instruction: "Goals and last commitments.",
      defaultMinutes: 10,
      minMinutes: 5,
      maxMinutes: 20,
      accepts: ["check-in"],
      grouping: { kind: "circle" },
    },
    {
      id: "hot-seat",
      title: "Hot seat",
      instruction: "The challenge.",
      defaultMinutes: 10,
      minMinutes: 5,
      maxMinutes: 20,
      accepts: ["challenge"],
      grouping: { kind: "hotSeat" },
    },
    {
      id: "questions",
      title: "Clarifying questions",
      instruction: "Questions only.",
      defaultMinutes: 10,
      minMinutes: 5,
      maxMinutes: 20,
      accepts: ["question"],
    },
    {
      id: "advice",
      title: "Advice",
      instruction: "Ideas and advice.",
      defaultMinutes: 15,
      minMinutes: 5,
      maxMinutes: 30,
      accepts: ["advice"],
    },
    {
      id: "commitments",
      title: "Commitments",
      instruction: "One commitment each.",
      defaultMinutes: 10,
      minMinutes: 5,
      maxMinutes: 20,
      accepts: ["commitment"],
    },
  ],
  submissions: {
    "check-in": { scope: "person", visibility: "group", noun: "check-in", maxLength: 2000 },
    challenge: { scope: "person", visibility: "group", noun: "challenge", maxLength: 2000 },
    question: { scope: "item", visibility: "group", noun: "question", maxLength: 500 },
    advice: {
      scope: "item",
      visibility: "group",
      noun: "piece of advice",
      plural: "advice",
      maxLength: 1000,
    },
    commitment: {
      scope: "person",
      visibility: "group",
      noun: "commitment",
      maxLength: 1000,
      commitment: true,
    },
  },
  acceptsAfterEnd: ["commitment"],
  confidential: true,
};

describe("what a phase's card offers, read from the format's definition", () => {
  it("keeps think-pair-share's buttons: reflect, find your partner, share the insight, commit", () => {
    const tps = formatOf("think-pair-share");
    expect(kindsByPhase(tps)).toEqual({
      think: ["reflection"],
      // The pair phase is for talking: the insight is written in the share phase (same pairs).
      pair: [],
      share: ["share"],
      close: ["commitment"],
    });
    expect(formsGroups(tps, "pair")).toBe(true);
    expect(formsGroups(tps, "share")).toBe(false);
    const plan = planOf(tps);
    expect(groupingNow(tps, plan, running(plan, "share"))?.kind).toBe("pairs");
    expect(beforeFirstGroups(tps, plan, running(plan, "think"))).toBe(true);
    expect(beforeFirstGroups(tps, plan, running(plan, "close"))).toBe(false);
    expect(firstGroupingPhase(tps, plan)).toBe("Pair");
    expect(regroups(tps, plan)).toBe(false);
  });

  it("gives a café's rounds their table notes (new tables next round), and the harvest themes and pledges", () => {
    const cafe = formatOf("knowledge-cafe");
    expect(kindsByPhase(cafe)).toEqual({
      intro: [],
      "round-1": ["table-notes"],
      "round-2": ["table-notes"],
      "round-3": ["table-notes"],
      harvest: ["theme", "pledge"],
    });
    // Round 3 left out: round 2 is the last round, still writing its notes.
    const twoRounds = planOf(cafe).filter((p) => p.id !== "round-3");
    expect(kindsByPhase(cafe, twoRounds)["round-2"]).toEqual(["table-notes"]);
    const plan = planOf(cafe);
    expect(groupingNow(cafe, plan, running(plan, "round-2"))?.kind).toBe("rounds");
    // Everyone together again in the harvest: no groups, and no Join button any more.
    expect(groupingNow(cafe, plan, running(plan, "harvest"))).toBeUndefined();
    expect(beforeFirstGroups(cafe, plan, running(plan, "harvest"))).toBe(false);
    expect(regroups(cafe, plan)).toBe(true);
  });

  it("works for a mastermind circle: one circle, the hot seat, questions and advice as items, commitments", () => {
    expect(kindsByPhase(mastermind)).toEqual({
      "check-in": ["check-in"],
      "hot-seat": ["challenge"],
      questions: ["question"],
      advice: ["advice"],
      commitments: ["commitment"],
    });
    const plan = planOf(mastermind);
    expect(formsGroups(mastermind, "check-in")).toBe(true);
    expect(groupingNow(mastermind, plan, running(plan, "questions"))?.kind).toBe("hotSeat");
    expect(firstGroupingPhase(mastermind, plan)).toBe("Check-in");
  });

  it("offers nothing outside the plan", () => {
    const tps = formatOf("think-pair-share");
    expect(phaseKinds(tps, planOf(tps), -1)).toEqual([]);
    expect(phaseKinds(tps, planOf(tps), 4)).toEqual([]);
  });
});
