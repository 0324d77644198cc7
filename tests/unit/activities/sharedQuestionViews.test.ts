import { describe, expect, it } from "vitest";
import type { ActivityRecord, Submission } from "../../../src/domain/activities/activity.js";
import { formatOf } from "../../../src/domain/activities/activityFormats.js";
import { activityViewFor } from "../../../src/domain/activities/activityViews.js";
import { phaseAt } from "../../../src/domain/activities/phaseClock.js";
import { activityJsonOf } from "../../../src/server/routes/activityJson.js";

const at = "2026-12-05T10:00:00.000Z";
const person = (id: string) => ({ id, displayName: `Person ${id}` });
const question = (ownerId: string, n: number): Submission => ({
  kind: "ama-question",
  scope: "item",
  ownerId,
  itemId: `q${n}`,
  text: `Question ${n} from ${ownerId}`,
  createdBy: person(ownerId),
  editedBy: person(ownerId),
  at: `2026-12-05T10:0${n}:00.000Z`,
  requestId: `r${n}`,
  etag: `etag-${n}`,
});

/** An AMA asking questions: u1 asked two, u2 one; u3 voted for u2's; an expert answered u1's first. */
function amaAsking(): ActivityRecord {
  const format = formatOf("ama");
  const questions = [question("u1", 1), question("u1", 2), question("u2", 3)];
  return {
    activity: {
      tenantId: "t1",
      id: "a1",
      format: "ama",
      communityId: "c1",
      conversationId: "19:meeting_x@thread.v2",
      facilitator: { id: "f1", displayName: "Facilitator" },
      prompt: "Ask the on-call expert",
      phases: format.phases.map((p) => ({ id: p.id, minutes: p.maxMinutes })),
      pairingRule: "random",
      createdAt: at,
      roleHolders: { expert: person("x1") },
    },
    controls: [{ seq: 1, kind: "start", at, byUserId: "f1", requestId: "r0" }],
    participants: ["u1", "u2", "u3", "u4", "u5"].map((userId) => ({
      userId,
      displayName: `Person ${userId}`,
      joinedAt: at,
    })),
    reflections: [],
    groupings: [],
    lateAssignments: [],
    shares: [],
    highlights: [],
    votes: [{ kind: "ama-question", ownerId: "u2", itemId: "q3", voterId: "u3", at }],
    promotions: [],
    answers: [
      {
        kind: "ama-question",
        ownerId: "u1",
        itemId: "q1",
        text: "Use the runbook.",
        by: person("x1"),
        at,
        requestId: "a1",
      },
    ],
    commitments: [],
    submissions: questions,
  };
}

const viewOf = (record: ActivityRecord, userId: string) =>
  activityViewFor(
    record,
    phaseAt({ phases: record.activity.phases, controls: record.controls }, new Date(at)),
    userId,
  );

describe("the questions every reader of an AMA sees alike", () => {
  it("are made once per record and shared, frozen, by readers who see them alike", () => {
    const record = amaAsking();
    const u4 = viewOf(record, "u4");
    const u5 = viewOf(record, "u5");
    // Most voted first, then oldest first.
    expect(u4.submissions.map((s) => s.itemId)).toEqual(["q3", "q1", "q2"]);
    expect(u4.submissions[1]?.answer?.text).toBe("Use the runbook.");
    u4.submissions.forEach((item, i) => {
      expect(item).toBe(u5.submissions[i]);
      expect(Object.isFrozen(item)).toBe(true);
    });
    // The writer's own (editable, with its ETag) and a voter's differ from everyone else's.
    const u1 = viewOf(record, "u1");
    expect(u1.submissions.map((s) => [s.itemId, s.mine, s.etag])).toEqual([
      ["q3", false, undefined],
      ["q1", true, "etag-1"],
      ["q2", true, "etag-2"],
    ]);
    expect(u1.submissions[0]).toBe(u4.submissions[0]);
    const u3 = viewOf(record, "u3");
    expect(u3.submissions[0]).toMatchObject({ itemId: "q3", votes: 1, myVote: true });
    expect(u4.submissions[0]).toMatchObject({ itemId: "q3", votes: 1, myVote: false });
    // A new read (another vote) makes its own items: nothing of the last read is reused for it.
    const next = amaAsking();
    next.votes = [...next.votes, { kind: "ama-question", ownerId: "u1", itemId: "q2", voterId: "u4", at }];
    next.votes = [...next.votes, { kind: "ama-question", ownerId: "u1", itemId: "q2", voterId: "u5", at }];
    expect(viewOf(next, "u4").submissions.map((s) => [s.itemId, s.votes, s.myVote])).toEqual([
      ["q2", 2, true],
      ["q3", 1, false],
      ["q1", 0, false],
    ]);
  });

  it("answer as the view's JSON, with a version that changes with any item and only then", () => {
    const record = amaAsking();
    const view = viewOf(record, "u4");
    const { json, version, submissionsVersion } = activityJsonOf(view, undefined);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(view)));
    // Twice, or for another reader who sees the same: the same version.
    expect(activityJsonOf(view, undefined)).toEqual({ json, version, submissionsVersion });
    expect(activityJsonOf(viewOf(record, "u5"), undefined).version).toBe(version);
    // The chat link, a vote, an answer's new text, an item of one's own: another version.
    expect(activityJsonOf(view, "https://teams.microsoft.com/l/chat/0/0?users=a").version).not.toBe(version);
    const voted = amaAsking();
    voted.votes = [...voted.votes, { kind: "ama-question", ownerId: "u1", itemId: "q1", voterId: "u5", at }];
    expect(activityJsonOf(viewOf(voted, "u4"), undefined).version).not.toBe(version);
    const answered = amaAsking();
    answered.answers = [
      { ...(answered.answers[0] as ActivityRecord["answers"][number]), text: "Page the owner." },
    ];
    expect(activityJsonOf(viewOf(answered, "u4"), undefined).version).not.toBe(version);
    expect(activityJsonOf(viewOf(record, "u1"), undefined).version).not.toBe(version);
    // No activity in the chat: null, versioned too (it has no submissions to hold).
    expect(activityJsonOf(null, undefined)).toMatchObject({
      json: "null",
      version: expect.stringMatching(/^W\/"/),
    });
  });

  it("leave out the submissions a reader holds, and only those, keeping the version whole", () => {
    const record = amaAsking();
    const view = viewOf(record, "u4");
    const whole = activityJsonOf(view, undefined);
    expect(whole.submissionsVersion).toMatch(/^W\/"/);
    expect(whole.submissionsHeld).toBeUndefined();
    // The reader holds these submissions: the answer leaves them out, and says so.
    const held = activityJsonOf(view, undefined, whole.submissionsVersion);
    expect(held.submissionsHeld).toBe(true);
    expect(JSON.parse(held.json)).toEqual({ ...JSON.parse(whole.json), submissions: [] });
    expect(held.version).toBe(whole.version);
    expect(held.submissionsVersion).toBe(whole.submissionsVersion);
    // A count changed, the submissions did not: a new version, the submissions still left out.
    const joined = { ...view, participantCount: view.participantCount + 1 };
    const afterJoin = activityJsonOf(joined, undefined, whole.submissionsVersion);
    expect(afterJoin.version).not.toBe(whole.version);
    expect(afterJoin.submissionsHeld).toBe(true);
    // A vote changed an item, or another reader sees them otherwise: all of them again.
    const voted = amaAsking();
    voted.votes = [...voted.votes, { kind: "ama-question", ownerId: "u1", itemId: "q1", voterId: "u5", at }];
    const afterVote = activityJsonOf(viewOf(voted, "u4"), undefined, whole.submissionsVersion);
    expect(afterVote.submissionsHeld).toBeUndefined();
    expect(JSON.parse(afterVote.json).submissions).toHaveLength(3);
    expect(
      activityJsonOf(viewOf(record, "u1"), undefined, whole.submissionsVersion).submissionsHeld,
    ).toBeUndefined();
    // The same submissions in another activity (a new one in the same meeting chat): never held.
    const other = activityJsonOf({ ...view, id: "a2" }, undefined, whole.submissionsVersion);
    expect(other.submissionsHeld).toBeUndefined();
    expect(JSON.parse(other.json).submissions).toHaveLength(3);
    // A made-up version: everything.
    expect(activityJsonOf(view, undefined, 'W/"made-up"').submissionsHeld).toBeUndefined();
  });
});
