import { describe, expect, it } from "vitest";
import { personalCard } from "../../../src/bot/cards/activityCards.js";
import type { ActivityRecord } from "../../../src/domain/activities/activity.js";
import { formatOf } from "../../../src/domain/activities/activityFormats.js";
import { activityViewFor } from "../../../src/domain/activities/activityViews.js";
import { phaseAt } from "../../../src/domain/activities/phaseClock.js";

const at = "2026-12-05T10:00:00.000Z";
const people = ["u1", "u2", "u3", "u4", "u5"].map((id) => ({
  userId: id,
  displayName: `Person ${id}`,
  joinedAt: at,
}));

/** Think-pair-share in its pair phase: two pairs formed, a fifth person placed late into one. */
function pairPhase(): ActivityRecord {
  const format = formatOf("think-pair-share");
  return {
    activity: {
      tenantId: "t1",
      id: "a1",
      format: "think-pair-share",
      communityId: "c1",
      conversationId: "19:meeting_x@thread.v2",
      facilitator: { id: "f1", displayName: "Facilitator" },
      prompt: "What slowed us down?",
      phases: format.phases.map((p) => ({ id: p.id, minutes: p.maxMinutes })),
      pairingRule: "random",
      createdAt: at,
    },
    controls: [
      { seq: 1, kind: "start", at, byUserId: "f1", requestId: "r1" },
      { seq: 2, kind: "next", phaseIndex: 0, at, byUserId: "f1", requestId: "r2" },
    ],
    participants: people,
    reflections: [],
    groupings: [
      {
        round: 0,
        groups: [
          { id: "g1", members: ["u1", "u2"] },
          { id: "g2", members: ["u3", "u4"] },
        ],
        appliedRule: "random",
        degraded: false,
        at,
      },
    ],
    lateAssignments: [{ round: 0, userId: "u5", groupId: "g2", at }],
    shares: [],
    highlights: [],
    votes: [],
    promotions: [],
    answers: [],
    commitments: [],
    submissions: [],
  };
}

describe("the groups in a view and on its cards", () => {
  it("gives everyone the count and their own group, and only the facilitator the list", () => {
    const record = pairPhase();
    const state = phaseAt({ phases: record.activity.phases, controls: record.controls }, new Date(at));
    const participant = activityViewFor(record, state, "u5");
    expect(participant.groupCount).toBe(2);
    expect(participant.groups).toBeUndefined();
    expect(participant.me.group?.partners.map((p) => p.id)).toEqual(["u3", "u4"]);
    const facilitator = activityViewFor(record, state, "f1");
    expect(facilitator.groups?.map((g) => g.members.map((m) => m.id))).toEqual([
      ["u1", "u2"],
      ["u3", "u4", "u5"],
    ]);
    // A person's card counts the groups from either view.
    expect(JSON.stringify(personalCard(participant))).toContain("5 joined · 0 reflected · 2 groups");
    expect(JSON.stringify(personalCard(facilitator))).toContain("2 groups");
  });

  it("tells a facilitator in no group what participants are asked to do, and a member what to do", () => {
    const record = pairPhase();
    const state = phaseAt({ phases: record.activity.phases, controls: record.controls }, new Date(at));
    const instruction = formatOf("think-pair-share").phases[1]?.instruction as string;
    const facilitatorCard = JSON.stringify(personalCard(activityViewFor(record, state, "f1")));
    expect(facilitatorCard).toContain(`Participants see: “${instruction}”`);
    const memberCard = JSON.stringify(personalCard(activityViewFor(record, state, "u1")));
    expect(memberCard).toContain(instruction);
    expect(memberCard).not.toContain("Participants see");
  });
});
