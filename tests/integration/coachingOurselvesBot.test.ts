import { beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { actionsOf, type Card, MeetingChat, valuesOf } from "../support/meetingChat.js";
import { eventually, meetingInstancesFor } from "../support/meetingInstances.js";
import { LEADING_THROUGH_CHANGE } from "../support/moduleFixtures.js";
import { org } from "../support/orgFixture.js";
import type { TestServer } from "../support/testServer.js";

/**
 * A CoachingOurselves-style module run from the meeting chat over the Bot Framework protocol, with
 * 10 people: the command, the set-up dialog offering the community's modules, Join from the card
 * (the groups form as it starts), the facilitator's Start, each section's card with the section's
 * text, the group's notes and everyone's action through their dialogs (a retried invoke kept
 * once), the end, and the usefulness rating as a 1–5 choice in a dialog, counted in the report.
 */
const MEETING_CHAT = "19:meeting_Y29hY2hpbmdCb3RUZXN0@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1kyOWhZMmhwYm1kQ2IzUlVaWE4w";
const FORMAT = "CoachingOurselves module";

type Person = { id: string; displayName: string };

describe("CoachingOurselves module from the meeting chat, over the Bot Framework protocol: 10 people", () => {
  const facilitator = demoPeople(org)[0] as Person;
  const people = org.users.filter((u) => u.department && u.id !== facilitator.id).slice(0, 10) as Person[];
  // One instance: the demo data, the bot in the demo team and in the meeting's chat.
  const meeting = meetingInstancesFor(1, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  const server = () => meeting().servers[0] as TestServer;
  let chat: MeetingChat;
  beforeAll(() => {
    chat = new MeetingChat(() => server().baseUrl, meeting().connector, MEETING_CHAT, MEETING_ID, "coaching");
  });
  const headed = (text: string) => chat.headed(text);
  /** The tab's API as `who` (the module's page, the activity's view). */
  const tab = (who: Person, method: string, route: string, body?: unknown) =>
    meeting().api(0, who, method, route, body);

  it("sets up from a module, runs its sections in groups and collects actions and ratings, all from the chat", async () => {
    const modules = `/communities/${server().demoCommunityId}/modules`;
    const module = await tab(facilitator, "POST", modules, {
      markdown: LEADING_THROUGH_CHANGE,
      requestId: "bot-m",
    });
    expect(module.status).toBe(201);

    await chat.say("coaching-ourselves Leading through change", facilitator);
    const invitation = await eventually(() => headed(FORMAT)[0], "the set-up invitation");
    const setUp = actionsOf(invitation)[0];
    const form = (await chat.fetchDialog(setUp.data.verb, setUp.data, facilitator)).body.task.value.card
      .content;
    const picker = form.body.find((e: Card) => e.id === "moduleId");
    expect(picker.choices).toEqual([
      { title: "Leading through change · 4 sections, 85 min", value: module.body.id },
    ]);
    // The sections are the phases: no minutes to fill in.
    expect(Object.keys(valuesOf(form))).not.toContain("module-opening");
    const start = actionsOf(form).find((a: Card) => a.title === "Start");
    const controls = await chat.submitDialog(
      start.data.verb,
      { ...valuesOf(form), ...start.data },
      facilitator,
      "coaching-setup",
    );
    expect(JSON.stringify(controls.body)).toContain("people join from its card in the chat");
    const waiting = await eventually(() => headed(FORMAT).find((c) => c !== invitation), "the card to join");
    const join = actionsOf(waiting).find((a: Card) => a.title === "Join");
    const activityId = join.data.activityId as string;
    for (const p of people) {
      const joined = await chat.execute(join.verb, join.data, p);
      expect(JSON.stringify(joined.body.value)).toContain("You have joined");
    }
    await chat.submitDialog(
      "tps.controlDialog",
      { activityId, kind: "start" },
      facilitator,
      "coaching-start",
    );

    // The first section's card carries its text; the groups are 4–6, all 10 placed.
    const read = await eventually(() => headed(`${FORMAT} · Read`)[0], "the first section's card");
    expect(JSON.stringify(read)).toContain("**release process**");
    const view = async (who: Person) => (await tab(who, "GET", `/activities/${activityId}`)).body.activity;
    const groups = (await view(facilitator)).groups as { members: Person[] }[];
    expect(groups.map((g) => g.members.length).sort()).toEqual([5, 5]);

    await chat.submitDialog(
      "tps.controlDialog",
      { activityId, kind: "next", phaseIndex: 0 },
      facilitator,
      "n0",
    );
    await chat.submitDialog(
      "tps.controlDialog",
      { activityId, kind: "next", phaseIndex: 1 },
      facilitator,
      "n1",
    );
    const exchange = await eventually(() => headed(`${FORMAT} · Exchange in groups`)[0], "the exchange card");
    expect(JSON.stringify(exchange)).toContain("Share your stories.");
    const writer = groups[0]?.members[0] as Person;
    const notesButton = actionsOf(
      (await chat.execute("tps.refresh", { activityId }, writer)).body.value,
    ).find((a: Card) => a.data?.kind === "module-notes");
    expect(notesButton).toBeDefined();
    await chat.submitDialog(
      "activity.saveWriting",
      { activityId, kind: "module-notes", text: "Listen first." },
      writer,
    );

    // Actions: everyone through the dialog, each invoke sent twice (Teams retrying), one each.
    await chat.submitDialog(
      "tps.controlDialog",
      { activityId, kind: "next", phaseIndex: 2 },
      facilitator,
      "n2",
    );
    for (const [i, p] of people.entries())
      for (const _ of [1, 2])
        await chat.submitDialog(
          "activity.saveWriting",
          { activityId, kind: "action", text: `Action ${i}: ask my team what worries them` },
          p,
          `coaching-action-${i}`,
        );
    await chat.submitDialog("tps.controlDialog", { activityId, kind: "end" }, facilitator, "coaching-end");
    const summary = await eventually(() => headed(`${FORMAT} summary`)[0], "the summary");
    // The summary counts what was written (ratings come after it and go to the stewards' report)
    // and invites the rating first, as its one primary action, with the action beside it.
    expect(summary.body.find((e: Card) => e.type === "FactSet").facts).toEqual([
      { title: "Took part", value: "10" },
      { title: "Groups", value: "2" },
      { title: "Group notes", value: "1" },
      { title: "Actions", value: "10" },
    ]);
    const invitations = actionsOf(summary).filter((a: Card) => a.data?.kind);
    expect(invitations.map((a: Card) => [a.title, a.data.kind, a.style])).toEqual([
      ["Rate it (1–5)", "usefulness", "positive"],
      ["Action", "action", undefined],
    ]);

    // After the end, each rates the module: a 1–5 choice in the dialog, kept once per person.
    const rating = await chat.fetchDialog(
      "activity.write",
      { activityId, kind: "usefulness" },
      people[0] as Person,
    );
    const choice = rating.body.task.value.card.content.body.find((e: Card) => e.id === "text");
    expect(choice.type).toBe("Input.ChoiceSet");
    expect(choice.choices.map((c: Card) => c.value)).toEqual(["1", "2", "3", "4", "5"]);
    for (const [i, p] of people.entries())
      for (const _ of [1, 2])
        await chat.submitDialog(
          "activity.saveWriting",
          { activityId, kind: "usefulness", text: String((i % 5) + 1) },
          p,
          `coaching-rating-${i}`,
        );
    const report = await tab(facilitator, "GET", `${modules}/${module.body.id}/ratings`);
    expect(report.body).toMatchObject({ count: 10, distribution: [2, 2, 2, 2, 2], average: 3 });
    const actions = (await view(writer)).submissions.filter((s: { kind: string }) => s.kind === "action");
    expect(actions).toHaveLength(groups[0]?.members.length ?? 0);
  });
});
