import { describe, expect, it } from "vitest";
import type { ActivityRecord, LateAssignment, Participant } from "../../../src/domain/activities/activity.js";
import { activityViewFor, groupOfPerson, groupsOf } from "../../../src/domain/activities/activityViews.js";
import { RecentJoins } from "../../../src/domain/activities/recentJoins.js";

const tenant = "tenant-1";
const activityId = "act-1";

function record(participants: Participant[], lateAssignments: LateAssignment[] = []): ActivityRecord {
  return {
    activity: {
      tenantId: tenant,
      id: activityId,
      format: "think-pair-share",
      communityId: "c",
      conversationId: "19:meeting_x@thread.v2",
      facilitator: { id: "f", displayName: "F" },
      prompt: "p",
      phases: [{ id: "think", minutes: 2 }],
      pairingRule: "random",
      createdAt: "2026-01-01T00:00:00.000Z",
    },
    controls: [],
    participants,
    reflections: [],
    groupings: [],
    lateAssignments,
    shares: [],
    highlights: [],
    commitments: [],
    submissions: [],
    votes: [],
    promotions: [],
    answers: [],
  };
}

const person = (id: string): Participant => ({ userId: id, displayName: `Person ${id}`, joinedAt: "t" });
const late = (userId: string, groupId: string): LateAssignment => ({ round: 0, userId, groupId, at: "t" });

describe("RecentJoins", () => {
  it("adds to a record read a moment ago whom this instance joined and placed since, storage first", () => {
    let now = 0;
    const joins = new RecentJoins(() => now);
    joins.joined(tenant, activityId, person("a"));
    joins.joined(tenant, activityId, person("b"));
    joins.placed(tenant, activityId, late("b", "g0001"));
    joins.placed(tenant, activityId, late("c", "g0002"));
    // The record holds a and c's placement as stored (another instance placed c elsewhere).
    const folded = joins.into(record([person("a")], [late("c", "g0003")]));
    expect(folded.participants.map((p) => p.userId)).toEqual(["a", "b"]);
    expect(folded.lateAssignments).toEqual([late("c", "g0003"), late("b", "g0001")]);
    // A placement whose write failed is taken back; another activity is untouched.
    joins.unplaced(tenant, activityId, late("b", "g0001"));
    expect(joins.into(record([])).lateAssignments).toEqual([late("c", "g0002")]);
    const other = { ...record([]), activity: { ...record([]).activity, id: "act-2" } };
    expect(joins.into(other)).toBe(other);
    // Forgotten a minute later: by then every read holds them.
    now = 61_000;
    const empty = record([]);
    expect(joins.into(empty)).toBe(empty);
  });

  it("gives the placements alone as into does, and the record's own list when it holds them all", () => {
    const joins = new RecentJoins(() => 0);
    const read = record([person("a")], [late("c", "g0003")]);
    expect(joins.lateAssignmentsInto(read)).toBe(read.lateAssignments);
    joins.joined(tenant, activityId, person("b"));
    // A join with no placement (before the groups) leaves the placements as read.
    expect(joins.lateAssignmentsInto(read)).toBe(read.lateAssignments);
    expect(joins.into(read).lateAssignments).toBe(read.lateAssignments);
    joins.placed(tenant, activityId, late("b", "g0001"));
    joins.placed(tenant, activityId, late("c", "g0002"));
    expect(joins.lateAssignmentsInto(read)).toEqual(joins.into(read).lateAssignments);
    expect(joins.lateAssignmentsInto(read)).toEqual([late("c", "g0003"), late("b", "g0001")]);
    // Placements only: the participants list is the read's when it holds everyone joined here.
    const withB = record([person("a"), person("b")], read.lateAssignments);
    expect(joins.into(withB).participants).toBe(withB.participants);
  });

  it("answers a late joiner from the record read with them on top: their group and mates as a whole read shows them", () => {
    const joins = new RecentJoins(() => 0);
    const members = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const read = {
      ...record(
        [
          ...members.map(person),
          { ...person("f"), displayName: "Facilitator's own row", principalName: "f@x" },
        ],
        [late("i", "g0002")],
      ),
      groupings: [
        {
          round: 0,
          at: "t",
          appliedRule: "random" as const,
          degraded: false,
          groups: [
            { id: "g0001", members: ["a", "b", "c", "d"] },
            { id: "g0002", members: ["e", "f", "g", "h"] },
          ],
        },
      ],
    };
    joins.joined(tenant, activityId, { ...person("j"), principalName: "j@x" });
    joins.placed(tenant, activityId, late("j", "g0001"));
    joins.joined(tenant, activityId, person("k"));
    joins.placed(tenant, activityId, late("k", "late-k"));
    const folded = joins.into(read);
    const groups = groupsOf(folded, 0);
    // Every person's group is the one a search through the groups finds (late joiners included).
    for (const id of [...members, "i", "j", "k", "nobody"])
      expect(groupOfPerson(groups, id)).toBe(groups.find((g) => g.members.includes(id)));
    expect(groupOfPerson(groups, "j")?.members).toEqual(["a", "b", "c", "d", "j"]);
    expect(groupOfPerson(groups, "k")).toEqual({ id: "late-k", members: ["k"] });
    // Names: the read's and the joiners' on top (with their principal name), the facilitator's own.
    const state = { status: "running", phaseIndex: 1 } as Parameters<typeof activityViewFor>[1];
    const paired = {
      ...folded,
      activity: { ...folded.activity, phases: ["think", "pair", "share"].map((id) => ({ id, minutes: 2 })) },
    };
    const view = activityViewFor(paired, state, "a");
    expect(view.me.group?.partners).toEqual([
      { id: "b", displayName: "Person b" },
      { id: "c", displayName: "Person c" },
      { id: "d", displayName: "Person d" },
      { id: "j", displayName: "Person j", principalName: "j@x" },
    ]);
    expect(activityViewFor(paired, state, "e").me.group?.partners).toContainEqual({
      id: "f",
      displayName: "F",
      principalName: "f@x",
    });
  });
});
