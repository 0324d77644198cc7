import { describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { actionsOf, type Card, valuesOf } from "../support/meetingChat.js";
import { eventually, MeetingInstances, type Person } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";

/**
 * A case round run from the meeting chat over the Bot Framework protocol on two instances, with 9
 * people: the command, the set-up dialog naming the narrator, Join, the narrator's case (anyone
 * else refused kindly), questions and heuristics through the kinds' dialogs (a retried invoke kept
 * once), votes and the facilitator's promotions, the close with its summary, and the promoted
 * heuristics as a proposed playbook that a steward publishes through the API.
 */
const MEETING_CHAT = "19:meeting_Y2FzZVJvdW5kQm90@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1kyRnpaVkp2ZFc1a1FtOTBAdGhyZWFkLnYyIzA=";

describe("Case round from the meeting chat, over the Bot Framework protocol: 9 people", () => {
  const instances = MeetingInstances.forSuite(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  // The demo community's steward runs it (and publishes the playbook).
  const facilitator = demoPeople(org)[0] as Person;
  const people = org.users.filter((u) => u.department && u.id !== facilitator.id).slice(0, 9) as Person[];

  it("narrates, asks, extracts and promotes heuristics into a playbook a steward publishes", async () => {
    const meeting = instances();
    const chat = meeting.chat("cr");
    const headed = (text: string) => chat.headed(text);
    const [narrator, asker, ...others] = people as [Person, Person, ...Person[]];
    await chat.say("case round How we priced the analytics add-on", facilitator);
    const invitation = await eventually(() => headed("Case round")[0], "the set-up invitation");
    const setUp = actionsOf(invitation)[0];
    expect(setUp.data).toMatchObject({ format: "case-round" });
    const form = (await chat.fetchDialog(setUp.data.verb, setUp.data, facilitator)).body.task.value.card
      .content;
    expect(valuesOf(form)).toMatchObject({ format: "case-round", narrate: 10, ask: 10, extract: 15 });
    // The chat's people to pick the narrator from.
    expect(form.body.find((e: Card) => e.id === "holder-narrator")).toBeDefined();
    const start = actionsOf(form).find((a: Card) => a.title === "Start");
    await chat.submitDialog(
      start.data.verb,
      { ...valuesOf(form), ...start.data, "holder-narrator": narrator.id },
      facilitator,
      "cr-setup",
    );
    const first = await eventually(() => headed("Case round · The case")[0], "the case card");
    const activityId = actionsOf(first).find((a: Card) => a.data?.activityId).data.activityId as string;
    for (const p of people) {
      const joined = await chat.execute("tps.join", { activityId }, p);
      expect(JSON.stringify(joined.body.value)).toContain("You have joined");
    }
    const view = (await meeting.api(0, facilitator, "GET", `/activities/${activityId}`)).body.activity;
    expect(view.roleHolders.narrator).toEqual({ id: narrator.id, displayName: narrator.displayName });

    await chat.execute("tps.control", { activityId, kind: "start" }, facilitator, "cr-start");
    // The case's button is on the narrator's own card alone, and only the narrator writes it.
    const caseButton = async (p: Person) =>
      actionsOf((await chat.execute("tps.refresh", { activityId }, p)).body.value).some(
        (a: Card) => a.data?.kind === "case",
      );
    expect(await caseButton(narrator)).toBe(true);
    expect(await caseButton(asker)).toBe(false);
    const refused = await chat.submitDialog(
      "activity.saveWriting",
      { activityId, kind: "case", text: "my version of it" },
      asker,
    );
    expect(JSON.stringify(refused.body)).toContain("Only the narrator writes the case.");
    const told = await chat.submitDialog(
      "activity.saveWriting",
      {
        activityId,
        kind: "case",
        text: "We priced per seat; usage sat on few seats; we moved to per query.",
      },
      narrator,
    );
    expect(told.body.task.value).toMatch(/saved/i);

    // Questions only, through the kind's dialog.
    await chat.execute("tps.control", { activityId, kind: "next", phaseIndex: 0 }, facilitator, "cr-n0");
    const asking = await eventually(() => headed("Case round · Questions only")[0], "the questions card");
    expect(actionsOf(asking).some((a: Card) => a.data?.kind === "case-question")).toBe(true);
    await chat.submitDialog(
      "activity.saveWriting",
      { activityId, kind: "case-question", text: "What did the usage data show?" },
      asker,
    );

    // Heuristics: a retried invoke kept once; votes through the API.
    await chat.execute("tps.control", { activityId, kind: "next", phaseIndex: 1 }, facilitator, "cr-n1");
    await eventually(() => headed("Case round · Heuristics")[0], "the heuristics card");
    const heuristics = [
      "When usage is concentrated, we check per-seat pricing first",
      "When a customer asks for a discount, we check their usage curve first",
      "When we change pricing, we tell sales a week before",
    ];
    for (const [i, text] of heuristics.entries())
      for (const _ of [1, 2])
        await chat.submitDialog(
          "activity.saveWriting",
          { activityId, kind: "heuristic", text },
          others[i] as Person,
          `cr-h-${i}`,
        );
    type Item = { kind: string; ownerId: string; itemId: string; text: string; promoted: boolean };
    const items = async () =>
      (
        (await meeting.api(1, facilitator, "GET", `/activities/${activityId}`)).body.activity
          .submissions as Item[]
      ).filter((s) => s.kind === "heuristic");
    expect((await items()).map((s) => s.text).sort()).toEqual([...heuristics].sort());
    const route = (item: Item, mark: string) =>
      `/activities/${activityId}/submissions/heuristic/${item.ownerId}/${item.itemId}/${mark}`;
    const byText = async (text: string) => (await items()).find((s) => s.text === text) as Item;
    for (const [i, voter] of [narrator, asker].entries())
      for (const text of [heuristics[0], heuristics[2]] as string[])
        expect((await meeting.api(i, voter, "PUT", route(await byText(text), "vote"))).status).toBe(200);

    // The facilitator promotes the two most voted, then ends it from the chat.
    await chat.execute("tps.control", { activityId, kind: "next", phaseIndex: 2 }, facilitator, "cr-n2");
    for (const text of [heuristics[0], heuristics[2]] as string[])
      expect((await meeting.api(0, facilitator, "PUT", route(await byText(text), "promotion"))).status).toBe(
        200,
      );
    await chat.submitDialog("tps.controlDialog", { activityId, kind: "end" }, facilitator, "cr-end");
    const summary = await eventually(() => headed("Case round summary")[0], "the summary");
    expect(summary.body.find((e: Card) => e.type === "FactSet").facts).toEqual([
      { title: "Took part", value: String(people.length) },
      { title: "Cases", value: "1" },
      { title: "Questions", value: "1" },
      { title: "Heuristics", value: "3" },
    ]);

    // The promoted heuristics: a proposed playbook stewards see, published by one through the API.
    const communityId = meeting.communityId;
    const proposed = await eventually(async () => {
      const res = await meeting.api(1, facilitator, "GET", `/communities/${communityId}/playbooks`);
      return (res.body.items as { id: string; proposed?: unknown }[]).find((p) => p.proposed);
    }, "the proposed playbook");
    const playbook = await meeting.api(
      0,
      facilitator,
      "GET",
      `/communities/${communityId}/playbooks/${proposed.id}`,
    );
    expect((playbook.body.items as { title: string }[]).map((i) => i.title)).toEqual([
      `Heuristic: ${heuristics[0]}`,
      `Heuristic: ${heuristics[2]}`,
    ]);
    expect(
      (await meeting.api(1, asker, "GET", `/communities/${communityId}/playbooks/${proposed.id}`)).status,
    ).toBe(404);
    const published = await meeting.api(
      1,
      facilitator,
      "POST",
      `/communities/${communityId}/playbooks/${proposed.id}/publish`,
      {},
      playbook.etag ?? "",
    );
    expect(published.status).toBe(200);
    expect(published.body.proposed).toBeUndefined();
    const seen = await meeting.api(0, asker, "GET", `/communities/${communityId}/playbooks/${proposed.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toHaveLength(2);
  });
});
