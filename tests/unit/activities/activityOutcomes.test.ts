import { describe, expect, it } from "vitest";
import { cafeSummary } from "../../../scripts/lib/cardGallery.js";
import { summaryCard } from "../../../src/bot/cards/activitySummaryCard.js";
import type { ActivityRecord, Submission } from "../../../src/domain/activities/activity.js";
import type { SubmissionDefinition } from "../../../src/domain/activities/activityFormat.js";
import { formatOf } from "../../../src/domain/activities/activityFormats.js";
import { activityOutcomesOf } from "../../../src/domain/activities/activityOutcomes.js";

const ana = { id: "ana", displayName: "Ana" };
const ben = { id: "ben", displayName: "Ben" };
const sub = (
  kind: string,
  scope: Submission["scope"],
  ownerId: string,
  text: string,
  itemId?: string,
): Submission => ({
  kind,
  scope,
  ownerId,
  ...(itemId ? { itemId } : {}),
  text,
  createdBy: ana,
  editedBy: ana,
  at: `2026-12-04T10:0${text.length % 10}:00.000Z`,
  requestId: "r",
  etag: "e",
});

function record(
  format: "think-pair-share" | "knowledge-cafe" | "case-round" | "micro-teach" | "ama",
  submissions: Submission[],
  promotions: ActivityRecord["promotions"] = [],
  extra: Partial<ActivityRecord> = {},
): ActivityRecord {
  return {
    activity: {
      tenantId: "t",
      id: "act1",
      format,
      communityId: "c",
      conversationId: "19:x",
      facilitator: { id: "fay", displayName: "Fay" },
      prompt: "What would make onboarding stick?",
      phases: [],
      pairingRule: "random",
      createdAt: "2026-12-04T10:00:00.000Z",
    },
    controls: [],
    participants: [
      { userId: "ana", displayName: "Ana", joinedAt: "x" },
      { userId: "ben", displayName: "Ben", joinedAt: "x" },
    ],
    reflections: [],
    groupings: [
      {
        round: 0,
        groups: [{ id: "g0001", members: ["ana", "ben"] }],
        appliedRule: "random",
        degraded: false,
        at: "x",
      },
    ],
    lateAssignments: [],
    shares: [],
    highlights: [],
    commitments: [],
    submissions,
    votes: [],
    promotions,
    answers: [],
    ...extra,
  };
}

describe("what a closed activity leaves behind", () => {
  it("keeps think-pair-share's entry and conversation ids, one entry per shared insight", () => {
    const out = activityOutcomesOf(
      record("think-pair-share", [
        sub("share", "group", "g0001", "Write it down"),
        sub("reflection", "person", "ana", "private"),
      ]),
      formatOf("think-pair-share"),
    );
    expect(out.entries.map((e) => e.id)).toEqual(["tps-act1-g0001"]);
    expect(out.entries[0]?.body).toContain("Shared by Ana & Ben in a think-pair-share");
    expect(JSON.stringify(out)).not.toContain("private");
    expect(out.conversations).toEqual([{ id: "tps-act1-g0001", members: [ana, ben] }]);
    // Everyone who took part attended (a learning fact of network insights).
    expect(out.attendees).toEqual([ana, ben]);
  });

  it("harvests a café's themes and table notes into one entry", () => {
    const out = activityOutcomesOf(
      record("knowledge-cafe", [
        sub("theme", "item", "ana", "A buddy in week one", "i1"),
        sub("table-notes", "group", "g0001", "Small wins"),
        sub("pledge", "person", "ben", "I will pair"),
      ]),
      formatOf("knowledge-cafe"),
    );
    expect(out.entries.map((e) => e.id)).toEqual(["knowledge-cafe-act1-harvest"]);
    expect(out.entries[0]?.body).toContain("- A buddy in week one *(Ana)*");
    expect(out.entries[0]?.body).toContain("- Small wins *(Ana, Ben)*");
    expect(out.entries[0]?.body).not.toContain("I will pair");
  });

  it("leaves nothing from a confidential format: no entry, not even who met whom", () => {
    const confidential = { ...formatOf("think-pair-share"), confidential: true };
    const out = activityOutcomesOf(
      record("think-pair-share", [sub("share", "group", "g0001", "Secret")]),
      confidential,
    );
    expect(out.entries).toEqual([]);
    expect(out.conversations).toEqual([]);
    expect(out.attendees).toEqual([]);
  });
});

describe("what a closed activity with a teacher or an expert leaves behind", () => {
  const fay = { id: "fay", displayName: "Fay" };
  const answer = (itemId: string, text: string) => ({
    kind: "ama-question",
    ownerId: "ana",
    itemId,
    text,
    by: fay,
    at: "2026-12-04T10:30:00.000Z",
    requestId: "r",
  });

  it("makes answered questions answered Q&A entries and routes the open ones, most voted first", () => {
    const base = record("ama", [
      sub("ama-question", "item", "ana", "Who owns the nightly jobs?", "q1"),
      sub("ama-question", "item", "ana", "Can I query production?", "q2"),
      sub("ama-question", "item", "ben", "What breaks most?", "q3"),
    ]);
    const out = activityOutcomesOf(
      {
        ...base,
        activity: { ...base.activity, format: "ama", roleHolders: { expert: fay } },
        answers: [answer("q1", "The platform team."), answer("q2", "Through the replica.")],
        votes: [{ kind: "ama-question", ownerId: "ana", itemId: "q2", voterId: "ben", at: "x" }],
      },
      formatOf("ama"),
    );
    expect(out.questions?.map((q) => [q.id, q.title, q.asker.id, q.answer?.by.id])).toEqual([
      ["ama-act1-ama-question-q2", "Can I query production?", "ana", "fay"],
      ["ama-act1-ama-question-q1", "Who owns the nightly jobs?", "ana", "fay"],
    ]);
    expect(out.unanswered?.map((q) => [q.id, q.answer])).toEqual([["ama-act1-ama-question-q3", undefined]]);
    // An expert teaches nobody: no taught facts from an AMA.
    expect(out.teaching).toBeUndefined();
  });

  it("records that everyone else learned from the teacher, and keeps a micro-teach's open questions in it", () => {
    const base = record("micro-teach", [sub("teach-question", "item", "ben", "Negative lookahead?", "q1")]);
    const out = activityOutcomesOf(
      { ...base, activity: { ...base.activity, format: "micro-teach", roleHolders: { teacher: ana } } },
      formatOf("micro-teach"),
    );
    expect(out.teaching).toEqual({ id: "micro-teach-act1-taught", teacher: ana, learners: [ben] });
    expect(out.questions).toBeUndefined();
    expect(out.unanswered).toBeUndefined();
  });
});

describe("a summary card names what the format takes", () => {
  it("counts a café's own kinds, without reflections, key insights or a Commit button", () => {
    const card = summaryCard(cafeSummary, { communityName: "Data Community", inviteCommitments: true });
    const text = JSON.stringify(card);
    expect(text).toContain("Knowledge Café summary");
    expect(text).toContain('"title":"Themes","value":"4"');
    expect(text).toContain('"title":"Pledges","value":"7"');
    expect(text).not.toContain("Reflected");
    expect(text).not.toContain("Insights shared");
    expect(text).toContain("What the activity harvested is saved");
    expect(text).toContain("**Groups**");
    expect(card.actions ?? []).toEqual([]);
  });

  it("saves a case round's promoted heuristics, each as an entry with a short id, and proposes a playbook of them", () => {
    const owner = "3f2c9a1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
    const out = activityOutcomesOf(
      record(
        "case-round",
        [
          sub(
            "heuristic",
            "item",
            owner,
            "When usage is concentrated, check per-seat pricing first",
            "a1b2c3d4e5f60718",
          ),
          sub("heuristic", "item", owner, "Not promoted", "ffffffffffffffff"),
        ],
        [{ kind: "heuristic", ownerId: owner, itemId: "a1b2c3d4e5f60718", byUserId: "fay", at: "x" }],
      ),
      formatOf("case-round"),
    );
    expect(out.entries.map((e) => e.id)).toEqual(["case-round-act1-heuristic-a1b2c3d4e5f60718"]);
    expect(out.entries[0]?.title).toBe("Heuristic: When usage is concentrated, check per-seat pricing first");
    expect(out.playbook).toMatchObject({
      id: "case-round-act1-playbook",
      title: "Case round: What would make onboarding stick?",
      entryIds: ["case-round-act1-heuristic-a1b2c3d4e5f60718"],
      activityId: "act1",
    });
  });

  it("makes promoted items written per criterion the rubric, a step per criterion with examples and no names", () => {
    const rubric = ["Is the argument clear?", "Are the numbers sourced?"];
    const caseRound = formatOf("case-round");
    // A case round whose heuristics are written per criterion: the rule is the engine's, not the format's.
    const heuristic = caseRound.submissions.heuristic as SubmissionDefinition;
    const perCriterion = {
      ...caseRound,
      submissions: { ...caseRound.submissions, heuristic: { ...heuristic, perCriterion: true } },
    };
    const base = record("case-round", []);
    const out = activityOutcomesOf(
      {
        ...base,
        activity: { ...base.activity, rubric },
        submissions: [
          sub("heuristic", "item", "ana", JSON.stringify(["Lead with the ask", ""]), "i1"),
          sub("heuristic", "item", "ben", JSON.stringify(["Cut section 2", "Cite the Q3 report"]), "i2"),
          sub("heuristic", "item", "ben", JSON.stringify(["Not promoted", ""]), "i3"),
        ],
        promotions: ["i1", "i2"].map((itemId, i) => ({
          kind: "heuristic",
          ownerId: i === 0 ? "ana" : "ben",
          itemId,
          byUserId: "fay",
          at: "x",
        })),
      },
      perCriterion,
    );
    expect(out.entries.map((e) => [e.id, e.title])).toEqual([
      ["case-round-act1-criterion-1", "Criterion 1: Is the argument clear?"],
      ["case-round-act1-criterion-2", "Criterion 2: Are the numbers sourced?"],
    ]);
    expect(out.entries[0]?.body).toContain("- Lead with the ask\n- Cut section 2");
    expect(out.entries[1]?.body).toContain("- Cite the Q3 report");
    expect(out.playbook?.entryIds).toEqual(["case-round-act1-criterion-1", "case-round-act1-criterion-2"]);
    // Anonymised: neither the writers' names nor their ids, and not the unpromoted item.
    const all = JSON.stringify(out.entries);
    for (const leak of ["Ana", "Ben", '"ana"', '"ben"', "Not promoted"]) expect(all).not.toContain(leak);
  });
});
