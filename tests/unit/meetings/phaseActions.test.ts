import { describe, expect, it } from "vitest";
import { participantActions } from "../../../src/bot/cards/activityButtons.js";
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

const mastermind = formatOf("mastermind");

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

  it("works for a mastermind circle: circles with a hot seat, questions and advice as items, commitments", () => {
    expect(kindsByPhase(mastermind)).toEqual({
      welcome: [],
      "check-in": ["goal"],
      "hot-seat": ["challenge"],
      questions: ["question"],
      advice: ["advice"],
      commitments: ["commitment", "lesson"],
    });
    const plan = planOf(mastermind);
    expect(formsGroups(mastermind, "check-in")).toBe(true);
    expect(groupingNow(mastermind, plan, running(plan, "questions"))?.kind).toBe("hotSeat");
    expect(firstGroupingPhase(mastermind, plan)).toBe("Check-in");
  });

  it("offers the hot seat's own kinds to the hot seat alone", () => {
    const plan = planOf(mastermind);
    const viewOf = (onSeat: boolean) => ({
      id: "a1",
      format: "mastermind",
      phases: plan.map((p) => ({ ...p, title: p.id, instruction: "" })),
      state: running(plan, "hot-seat"),
      kinds: [],
      me: {
        joined: true,
        group: {
          id: "g0001",
          partners: [{ id: "ben", displayName: "Ben" }],
          hotSeat: onSeat ? { id: "me", displayName: "Me" } : { id: "ben", displayName: "Ben" },
          ...(onSeat ? { onHotSeat: true as const } : {}),
        },
      },
    });
    const titles = (onSeat: boolean) => participantActions(viewOf(onSeat)).map((a) => String(a.title));
    expect(titles(true).some((t) => /challenge/i.test(t))).toBe(true);
    expect(titles(false).some((t) => /challenge/i.test(t))).toBe(false);
  });

  it("gives a peer review's reviewers their feedback and group, and the author, kept out of both, nothing", () => {
    const review = formatOf("peer-review");
    const plan = planOf(review);
    const viewOf = (roles: "author"[]) => ({
      id: "a1",
      format: "peer-review",
      phases: plan.map((p) => ({ ...p, title: p.id, instruction: "" })),
      state: running(plan, "review"),
      kinds: [],
      me: { joined: true, roles },
    });
    const titles = (roles: "author"[]) => participantActions(viewOf(roles)).map((a) => String(a.title));
    expect(titles([])).toEqual(["Add feedback", "My group"]);
    expect(titles(["author"])).toEqual([]);
  });

  it("offers nothing outside the plan", () => {
    const tps = formatOf("think-pair-share");
    expect(phaseKinds(tps, planOf(tps), -1)).toEqual([]);
    expect(phaseKinds(tps, planOf(tps), 4)).toEqual([]);
  });
});
