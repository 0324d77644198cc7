import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { eventually, MeetingInstances, type Person } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";

/**
 * A peer review through the side panel's API on two instances, with 10 people (an author and 9
 * reviewers from several departments): the steward's rubric, the author's draft (theirs alone),
 * reviewers in groups that mix departments with the author in none, feedback per criterion written
 * on both instances at once (none lost or duplicated, a retried request kept once), the author's
 * changes built from the feedback (a commitment), promotions, and the close: the rubric with the
 * promoted feedback as examples, without names, proposed as a playbook that a steward publishes.
 */
const MEETING_CHAT = "19:meeting_cGVlclJldmlld1Rlc3Q@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2NHVmxjbEpsZG1sbGQxUmxjM1JAdGhyZWFkLnYyIzA=";

type Feedback = {
  kind: string;
  ownerId: string;
  itemId: string;
  text: string;
  criteria: { criterion: string; text: string }[];
};

describe("Peer review on the activity engine", () => {
  const [steward] = demoPeople(org) as unknown as [Person];
  const people = org.users
    .filter((u) => u.department && u.id !== steward.id)
    .slice(0, 10)
    .map((u) => ({ id: u.id, displayName: u.displayName }));
  const departmentOf = new Map(org.users.map((u) => [u.id, u.department ?? ""]));
  const rubric = ["Is the argument clear?", "Are the numbers sourced?", "What is missing?"];
  const instances = MeetingInstances.forSuite(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  const api = (...args: Parameters<MeetingInstances["api"]>) => instances().api(...args);

  it("reviews a draft across departments, per criterion, into changes and a rubric playbook", async () => {
    const communityId = instances().communityId;
    const [author, ...reviewers] = people as [Person, ...Person[]];
    expect(new Set(reviewers.map((r) => departmentOf.get(r.id))).size).toBeGreaterThanOrEqual(3);

    // The community's rubric: a steward keeps it; a member may not; a stale version is refused.
    const route = `/communities/${communityId}/rubric`;
    expect((await api(0, steward, "GET", route)).body).toEqual({ criteria: [], canEdit: true });
    expect((await api(1, reviewers[0] as Person, "PUT", route, { criteria: rubric })).status).toBe(403);
    const kept = await api(0, steward, "PUT", route, { criteria: ["Clear?"] });
    expect(kept.status).toBe(200);
    expect((await api(1, steward, "PUT", route, { criteria: rubric })).status).toBe(412);
    const changed = await api(1, steward, "PUT", route, { criteria: rubric }, kept.etag ?? "");
    expect(changed.body).toMatchObject({ criteria: rubric, canEdit: true });
    expect((await api(0, reviewers[1] as Person, "GET", route)).body).toMatchObject({
      criteria: rubric,
      canEdit: false,
    });
    expect((await api(0, steward, "PUT", route, { criteria: [] }, changed.etag ?? "")).status).toBe(400);

    // Set-up without a rubric of its own takes the community's; the author is chosen.
    const setUp = {
      format: "peer-review",
      communityId,
      conversationId: MEETING_CHAT,
      meetingId: MEETING_ID,
      prompt: "Our Q1 pricing proposal",
      roles: { author },
    };
    const wrongRubric = await api(0, steward, "POST", "/activities", { ...setUp, rubric: ["Same", "same"] });
    expect(wrongRubric.status).toBe(400);
    expect(wrongRubric.body.error.message).toBe("Name each criterion once.");
    const created = await api(0, steward, "POST", "/activities", { ...setUp, requestId: "review-setup-1" });
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    expect(created.body.activity.rubric).toEqual(rubric);
    expect(created.body.activity.roleHolders.author.id).toBe(author.id);
    const control = instances().controls(steward, id, "review");
    for (const [i, p] of people.entries())
      expect((await api(i, p, "POST", `/activities/${id}/join`)).status).toBe(200);
    await control("start");

    // The draft is the author's alone.
    const notAuthor = await api(1, reviewers[0] as Person, "PUT", `/activities/${id}/submissions/draft`, {
      text: "my draft",
    });
    expect(notAuthor.status).toBe(403);
    expect(notAuthor.body.error.message).toBe("Only the author writes the draft.");
    const draft = "https://contoso.sharepoint.com/pricing-q1.docx: per-query pricing from April";
    expect((await api(0, author, "PUT", `/activities/${id}/submissions/draft`, { text: draft })).status).toBe(
      200,
    );

    // Review: groups of 3 mixing departments; the author is in none, however often they look.
    await control("next", 0);
    const views = await Promise.all(people.map((p, i) => api(i, p, "GET", `/activities/${id}`)));
    const groups = (await api(1, people[1] as Person, "GET", `/activities/${id}/groups`)).body.groups as {
      members: { id: string }[];
    }[];
    expect(views.every((v) => v.body.activity.groupCount === groups.length)).toBe(true);
    expect(groups.flatMap((g) => g.members.map((m) => m.id)).sort()).toEqual(
      reviewers.map((r) => r.id).sort(),
    );
    expect(views[0]?.body.activity.me.group).toBeUndefined();
    for (const group of groups) {
      const departments = group.members.map((m) => departmentOf.get(m.id));
      expect(new Set(departments).size).toBe(departments.length);
    }

    // Feedback per criterion from every reviewer on both instances at once, each sent twice.
    const feedbackOf = (p: Person) => [
      `Lead with the ask (${p.displayName})`,
      "",
      `A summary, says ${p.displayName}`,
    ];
    const sent = await Promise.all(
      reviewers.flatMap((p, i) =>
        [0, 1].map((copy) =>
          api(i + copy, p, "POST", `/activities/${id}/submissions/review-feedback`, {
            criteria: feedbackOf(p),
            requestId: `fb-${p.id}`,
          }),
        ),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => 200));
    const wrongCount = await api(
      0,
      reviewers[0] as Person,
      "POST",
      `/activities/${id}/submissions/review-feedback`,
      {
        criteria: ["only one"],
      },
    );
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.body.error.message).toBe("Write one text for each of the rubric's 3 criteria.");
    // The author does not review their own draft.
    const ownDraft = await api(0, author, "POST", `/activities/${id}/submissions/review-feedback`, {
      criteria: feedbackOf(author),
    });
    expect(ownDraft.status).toBe(403);
    expect(ownDraft.body.error.message).toBe("The author does not write the feedback.");
    const listed = async (i: number, who: Person) =>
      ((await api(i, who, "GET", `/activities/${id}`)).body.activity.submissions as Feedback[]).filter(
        (s) => s.kind === "review-feedback",
      );
    const feedback = await listed(1, author);
    expect(feedback).toHaveLength(reviewers.length);
    expect(new Set(feedback.map((f) => f.ownerId))).toEqual(new Set(reviewers.map((r) => r.id)));
    const first = feedback.find((f) => f.ownerId === reviewers[0]?.id) as Feedback;
    expect(first.criteria).toEqual(
      rubric.map((criterion, i) => ({ criterion, text: feedbackOf(reviewers[0] as Person)[i] })),
    );
    expect(first.text).toBe(
      `Is the argument clear?: Lead with the ask (${reviewers[0]?.displayName})\nWhat is missing?: A summary, says ${reviewers[0]?.displayName}`,
    );

    // The author's changes, built from the feedback: theirs alone; a commitment.
    await control("next", 1);
    const changes = ["Lead with the ask", "Cite the Q3 usage report", ""];
    expect(
      (
        await api(1, reviewers[1] as Person, "PUT", `/activities/${id}/submissions/changes`, {
          criteria: changes,
        })
      ).status,
    ).toBe(403);
    const saved = await api(0, author, "PUT", `/activities/${id}/submissions/changes`, { criteria: changes });
    expect(saved.status).toBe(200);
    expect(saved.body.saved.criteria.map((c: { text: string }) => c.text)).toEqual(changes);

    // The facilitator promotes two pieces of feedback; a reviewer may not.
    const promotion = (f: Feedback) =>
      `/activities/${id}/submissions/review-feedback/${f.ownerId}/${f.itemId}/promotion`;
    const [best, second] = feedback as [Feedback, Feedback];
    expect((await api(0, reviewers[2] as Person, "PUT", promotion(best))).status).toBe(403);
    for (const f of [best, second]) expect((await api(1, steward, "PUT", promotion(f))).status).toBe(200);
    await control("end");

    // The close: the rubric as a proposed playbook, a step per criterion with examples, no names.
    const proposed = await eventually(async () => {
      const res = await api(0, steward, "GET", `/communities/${communityId}/playbooks`);
      return (res.body.items as { id: string; proposed?: unknown }[]).find((p) => p.proposed);
    }, "the proposed playbook");
    const playbook = await api(1, steward, "GET", `/communities/${communityId}/playbooks/${proposed.id}`);
    expect(playbook.body.title).toBe("Peer review: Our Q1 pricing proposal");
    const items = playbook.body.items as { title: string; entryId: string }[];
    expect(items.map((i) => i.title)).toEqual(rubric.map((c, i) => `Criterion ${i + 1}: ${c}`));
    const entries = await Promise.all(
      items.map((i) => api(0, steward, "GET", `/communities/${communityId}/entries/${i.entryId}`)),
    );
    expect(entries[0]?.body.body).toContain("- Lead with the ask (");
    expect(entries[1]?.body.body).toContain("- (no example yet)");
    const words = JSON.stringify(entries.map((e) => [e.body.title, e.body.body, e.body.author]));
    for (const reviewer of reviewers) expect(words).not.toContain(reviewer.id);
    expect(JSON.stringify(entries.map((e) => e.body.author))).not.toContain(author.id);
    const published = await api(
      0,
      steward,
      "POST",
      `/communities/${communityId}/playbooks/${proposed.id}/publish`,
      {},
      playbook.etag ?? "",
    );
    expect(published.status).toBe(200);

    // The author's changes: one commitment, readable, criterion by criterion.
    const commitments = await eventually(async () => {
      const res = await api(1, author, "GET", "/me/commitments");
      const list = res.body.items as { text: string; source: { activityId: string } }[];
      const mine = list.filter((c) => c.source.activityId === id);
      return mine.length > 0 ? mine : undefined;
    }, "the author's commitment");
    expect(commitments.map((c) => c.text)).toEqual([
      "Is the argument clear?: Lead with the ask\nAre the numbers sourced?: Cite the Q3 usage report",
    ]);
  });
});
