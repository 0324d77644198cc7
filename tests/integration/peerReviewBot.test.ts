import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { actionsOf, type Card, valuesOf } from "../support/meetingChat.js";
import { eventually, MeetingInstances, type Person } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";

/**
 * A peer review run from the meeting chat over the Bot Framework protocol on two instances, with
 * 9 people: the set-up dialog filled in with the community's rubric and naming the author, Join,
 * the author's draft (anyone else refused kindly), feedback per criterion through the kind's
 * dialog (a retried invoke kept once), the author's changes marked from the feedback in their
 * dialog, a promotion, and the close: the summary, the rubric playbook and the author's commitment.
 */
const MEETING_CHAT = "19:meeting_cGVlclJldmlld0JvdA@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2NHVmxjbEpsZG1sbGQwSnZkQUB0aHJlYWQudjIjMA==";

describe("Peer review from the meeting chat, over the Bot Framework protocol: 9 people", () => {
  const instances = MeetingInstances.forSuite(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  // The demo community's steward runs it.
  const facilitator = demoPeople(org)[0] as Person;
  const people = org.users
    .filter((u) => u.department && u.id !== facilitator.id)
    .slice(0, 9)
    .map((u) => ({ id: u.id, displayName: u.displayName }));
  const rubric = ["Is the argument clear?", "What is missing?"];

  it("reviews a draft per criterion and turns the marked feedback into the author's commitment", async () => {
    const meeting = instances();
    const chat = meeting.chat("pr");
    const headed = (text: string) => chat.headed(text);
    const kindButton = async (p: Person, activityId: string, kind: string) =>
      actionsOf((await chat.execute("tps.refresh", { activityId }, p)).body.value).find(
        (a: Card) => a.data?.kind === kind,
      );
    const [author, ...reviewers] = people as [Person, ...Person[]];
    const communityId = meeting.communityId;
    expect(
      (await meeting.api(0, facilitator, "PUT", `/communities/${communityId}/rubric`, { criteria: rubric }))
        .status,
    ).toBe(200);
    await chat.say("peer review Our Q1 pricing proposal", facilitator);
    const invitation = await eventually(() => headed("Peer review")[0], "the set-up invitation");
    const setUp = actionsOf(invitation)[0];
    const form = (await chat.fetchDialog(setUp.data.verb, setUp.data, facilitator)).body.task.value.card
      .content;
    // The community's rubric fills the dialog; the chat's people to pick the author from.
    expect(valuesOf(form)).toMatchObject({ format: "peer-review", rubric: rubric.join("\n"), review: 20 });
    expect(form.body.find((e: Card) => e.id === "holder-author")).toBeDefined();
    const start = actionsOf(form).find((a: Card) => a.title === "Start");
    await chat.submitDialog(
      start.data.verb,
      { ...valuesOf(form), ...start.data, "holder-author": author.id },
      facilitator,
      "pr-setup",
    );
    const first = await eventually(() => headed("Peer review · The draft")[0], "the draft card");
    const activityId = actionsOf(first).find((a: Card) => a.data?.activityId).data.activityId as string;
    for (const p of people) {
      const joined = await chat.execute("tps.join", { activityId }, p);
      expect(JSON.stringify(joined.body.value)).toContain("You have joined");
    }
    const view = (await meeting.api(1, facilitator, "GET", `/activities/${activityId}`)).body.activity;
    expect(view.rubric).toEqual(rubric);
    expect(view.roleHolders.author.id).toBe(author.id);

    // The draft: on the author's card alone, and theirs alone to write.
    await chat.execute("tps.control", { activityId, kind: "start" }, facilitator, "pr-start");
    expect(await kindButton(author, activityId, "draft")).toBeDefined();
    expect(await kindButton(reviewers[0] as Person, activityId, "draft")).toBeUndefined();
    const refused = await chat.submitDialog(
      "activity.saveWriting",
      { activityId, kind: "draft", text: "not mine" },
      reviewers[0] as Person,
    );
    expect(JSON.stringify(refused.body)).toContain("Only the author writes the draft.");
    const shared = await chat.submitDialog(
      "activity.saveWriting",
      { activityId, kind: "draft", text: "https://contoso.sharepoint.com/pricing-q1.docx" },
      author,
    );
    expect(shared.body.task.value).toMatch(/saved/i);

    // Review: the kind's dialog has a box per criterion; a retried invoke adds the feedback once.
    await chat.execute("tps.control", { activityId, kind: "next", phaseIndex: 0 }, facilitator, "pr-n0");
    await eventually(() => headed("Peer review · Review")[0], "the review card");
    const button = await kindButton(reviewers[0] as Person, activityId, "review-feedback");
    const dialog = await chat.fetchDialog(button.data.verb, button.data, reviewers[0] as Person);
    const boxes = dialog.body.task.value.card.content.body.filter((e: Card) => e.type === "Input.Text");
    expect(boxes.map((b: Card) => b.label)).toEqual(rubric);
    for (const [i, reviewer] of reviewers.slice(0, 3).entries())
      for (const _ of [1, 2])
        await chat.submitDialog(
          "activity.saveWriting",
          {
            activityId,
            kind: "review-feedback",
            "criterion-0": i === 0 ? "Lead with the ask" : "",
            "criterion-1": `A summary (${reviewer.displayName})`,
          },
          reviewer,
          `pr-fb-${i}`,
        );
    const empty = await chat.submitDialog(
      "activity.saveWriting",
      { activityId, kind: "review-feedback", "criterion-0": " ", "criterion-1": "" },
      reviewers[3] as Person,
    );
    expect(JSON.stringify(empty.body)).toContain("Write your feedback on at least one criterion.");
    type Item = { kind: string; ownerId: string; itemId: string; criteria: { text: string }[] };
    const feedback = (
      (await meeting.api(0, author, "GET", `/activities/${activityId}`)).body.activity.submissions as Item[]
    ).filter((s) => s.kind === "review-feedback");
    expect(feedback).toHaveLength(3);

    // The author's dialog offers each criterion's feedback to mark "I will change this".
    await chat.execute("tps.control", { activityId, kind: "next", phaseIndex: 1 }, facilitator, "pr-n1");
    const changes = await kindButton(author, activityId, "changes");
    expect(await kindButton(reviewers[0] as Person, activityId, "changes")).toBeUndefined();
    const authorDialog = (await chat.fetchDialog(changes.data.verb, changes.data, author)).body.task.value
      .card.content;
    const marks = authorDialog.body.find((e: Card) => e.id === "adopt-0");
    expect(marks.choices.map((c: Card) => c.title)).toEqual(["Lead with the ask"]);
    await chat.submitDialog(
      "activity.saveWriting",
      { activityId, kind: "changes", "adopt-0": marks.choices[0].value, "criterion-1": "Add a summary" },
      author,
    );
    const mine = (
      await meeting.api(1, author, "GET", `/activities/${activityId}`)
    ).body.activity.submissions.find((s: Item) => s.kind === "changes") as Item;
    expect(mine.criteria.map((c) => c.text)).toEqual(["Lead with the ask", "Add a summary"]);

    // A promotion, then the end from the chat: the summary, the playbook, the commitment.
    const best = feedback[0] as Item;
    expect(
      (
        await meeting.api(
          0,
          facilitator,
          "PUT",
          `/activities/${activityId}/submissions/review-feedback/${best.ownerId}/${best.itemId}/promotion`,
        )
      ).status,
    ).toBe(200);
    await chat.submitDialog("tps.controlDialog", { activityId, kind: "end" }, facilitator, "pr-end");
    const summary = await eventually(() => headed("Peer review summary")[0], "the summary");
    expect(summary.body.find((e: Card) => e.type === "FactSet").facts).toEqual([
      { title: "Took part", value: String(people.length) },
      // 8 reviewers in groups of 3 (3 + 3 + 2): the author is in none.
      { title: "Groups", value: "3" },
      { title: "Drafts", value: "1" },
      { title: "Feedback", value: "3" },
      { title: "Changes I will make", value: "1" },
    ]);
    const proposed = await eventually(async () => {
      const res = await meeting.api(1, facilitator, "GET", `/communities/${communityId}/playbooks`);
      return (res.body.items as { id: string; title: string; proposed?: unknown }[]).find((p) => p.proposed);
    }, "the proposed playbook");
    expect(proposed.title).toBe("Peer review: Our Q1 pricing proposal");
    const commitment = await eventually(async () => {
      const res = await meeting.api(0, author, "GET", "/me/commitments");
      return (res.body.items as { text: string; source: { activityId: string } }[]).find(
        (c) => c.source.activityId === activityId,
      );
    }, "the author's commitment");
    expect(commitment.text).toBe(
      "Is the argument clear?: Lead with the ask\nWhat is missing?: Add a summary",
    );
  });
});
