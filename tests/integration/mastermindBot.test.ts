import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { actionsOf, type Card, MeetingChat, valuesOf } from "../support/meetingChat.js";
import { eventually } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import { installInDemoTeam } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/**
 * A mastermind circle run from the meeting chat over the Bot Framework protocol, with 12 people:
 * the command, the set-up dialog from the definition, Join, two circles of 6 with a hot seat each;
 * the challenge button on the hot seat's card alone (anyone else is refused kindly); questions and
 * advice through dialogs; commitments; the close. Nothing the circle wrote is ever in a card the
 * meeting chat gets, and nothing reaches the library.
 */
const MEETING_CHAT = "19:meeting_bWFzdGVybWluZEJvdFRlc3Q@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2JXRnpkR1Z5YldsdVpFSnZkRlJsYzNRQHRocmVhZC52MiMw";
const SECRET = "cobaltsecret";

type Person = { id: string; displayName: string };

describe("Mastermind circle from the meeting chat, over the Bot Framework protocol: 12 people", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const facilitator = demoPeople(org)[0] as Person;
  const people = org.users.filter((u) => u.department && u.id !== facilitator.id).slice(0, 12) as Person[];
  const chat = new MeetingChat(() => server.baseUrl, connector, MEETING_CHAT, MEETING_ID, "mm");
  const execute = chat.execute.bind(chat);
  const fetchDialog = chat.fetchDialog.bind(chat);
  const submitDialog = chat.submitDialog.bind(chat);
  const cardsInMeeting = () => chat.cards();
  const headed = (text: string) => chat.headed(text);

  async function api(userId: string, route: string) {
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      headers: { authorization: `Bearer ${await tokenFor(server.baseUrl, userId)}` },
    });
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    await installInDemoTeam(server.baseUrl, connector, DEMO_TEAM);
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  it("runs two circles with their hot seats from the chat, and keeps what they wrote inside them", async () => {
    await chat.say("mastermind December circle", facilitator);
    const invitation = await eventually(() => headed("Mastermind circle")[0], "the set-up invitation");
    const setUp = actionsOf(invitation)[0];
    expect(setUp.data).toMatchObject({ format: "mastermind" });
    const form = (await fetchDialog(setUp.data.verb, setUp.data, facilitator)).body.task.value.card.content;
    expect(valuesOf(form)).toMatchObject({ format: "mastermind", "check-in": 10, advice: 20 });
    const start = actionsOf(form).find((a: Card) => a.title === "Start");
    await submitDialog(start.data.verb, { ...valuesOf(form), ...start.data }, facilitator, "mm-setup");
    const first = await eventually(() => headed("Mastermind circle · Welcome")[0], "the welcome card");
    const activityId = actionsOf(first)[0].data.activityId as string;
    // Everyone joins before the circles are formed.
    for (const p of people) {
      const joined = await execute("tps.join", { activityId }, p);
      expect(JSON.stringify(joined.body.value)).toContain("You have joined");
    }
    // The check-in seats the circles, with everyone who joined in the welcome.
    const checkIn = await execute(
      "tps.control",
      { activityId, kind: "next", phaseIndex: 0 },
      facilitator,
      "mm-start",
    );
    expect(checkIn.status).toBe(200);

    // Two circles of 6, each with its hot seat (read through the tab's API, which the cards share).
    const view = (await api(facilitator.id, `/activities/${activityId}`)).body.activity;
    const circles = await eventually(async () => {
      const { groups } = (await api(people[0]?.id as string, `/activities/${activityId}/groups`)).body;
      return groups?.length ? (groups as { members: Person[]; hotSeat: Person }[]) : undefined;
    }, "the circles");
    expect(view.format).toBe("mastermind");
    expect(circles.map((c) => c.members.length)).toEqual([6, 6]);
    const seat = people.find((p) => p.id === circles[0]?.hotSeat.id) as Person;
    const member = people.find(
      (p) => circles[0]?.members.some((m) => m.id === p.id) && p.id !== seat.id,
    ) as Person;

    // Check-in: a goal through the dialog.
    const goal = await fetchDialog("activity.write", { activityId, kind: "goal" }, member);
    const saveGoal = actionsOf(goal.body.task.value.card.content)[0];
    const savedGoal = await submitDialog(
      "activity.saveWriting",
      { ...saveGoal.data, text: `${SECRET} goal: ship the pilot` },
      member,
    );
    expect(savedGoal.body.task.value).toMatch(/saved/i);

    // The hot seat: the challenge button on the hot seat's own card, nobody else's.
    expect(
      (await execute("tps.control", { activityId, kind: "next", phaseIndex: 1 }, facilitator, "mm-next-1"))
        .status,
    ).toBe(200);
    const seatCard = (await execute("tps.refresh", { activityId }, seat)).body.value;
    const memberCard = (await execute("tps.refresh", { activityId }, member)).body.value;
    expect(actionsOf(seatCard).some((a: Card) => a.data?.kind === "challenge")).toBe(true);
    expect(actionsOf(memberCard).some((a: Card) => a.data?.kind === "challenge")).toBe(false);
    expect(JSON.stringify(memberCard)).toContain(seat.displayName);
    const refused = await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "challenge", text: "not mine" },
      member,
    );
    expect(JSON.stringify(refused.body)).toContain("Only the person on the hot seat writes the challenge.");
    const challenge = await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "challenge", text: `${SECRET} challenge: two teams, one roadmap` },
      seat,
    );
    expect(challenge.body.task.value).toMatch(/saved/i);

    // Questions and advice: items through the dialog, each kept once (Teams retries an invoke).
    expect(
      (await execute("tps.control", { activityId, kind: "next", phaseIndex: 2 }, facilitator, "mm-next-2"))
        .status,
    ).toBe(200);
    for (const _ of [1, 2])
      await submitDialog(
        "activity.saveWriting",
        { activityId, kind: "question", text: `${SECRET} question: who owns it today?` },
        member,
        "mm-question",
      );
    const asked = (await api(seat.id, `/activities/${activityId}`)).body.activity.submissions as {
      kind: string;
    }[];
    expect(asked.filter((s) => s.kind === "question")).toHaveLength(1);
    // Someone in the other circle does not read it.
    const other = people.find((p) => circles[1]?.members.some((m) => m.id === p.id)) as Person;
    const theirs = (await api(other.id, `/activities/${activityId}`)).body.activity.submissions as {
      text: string;
    }[];
    expect(JSON.stringify(theirs)).not.toContain(SECRET);

    // Commitments, then the end and the close.
    for (const phaseIndex of [3, 4])
      await execute(
        "tps.control",
        { activityId, kind: "next", phaseIndex },
        facilitator,
        `mm-next-${phaseIndex}`,
      );
    const commit = await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "commitment", text: `${SECRET} commitment: draft the shared roadmap` },
      member,
    );
    expect(JSON.stringify(commit.body)).toMatch(/commitment/i);
    await submitDialog("tps.controlDialog", { activityId, kind: "end" }, facilitator, "mm-end");
    const summary = await eventually(() => headed("Mastermind circle summary")[0], "the summary");
    expect(summary.body.find((e: Card) => e.type === "FactSet").facts).toEqual(
      expect.arrayContaining([{ title: "Took part", value: "12" }]),
    );

    // Nothing the circle wrote is in any card of the meeting chat, and nothing is in the library.
    for (const card of cardsInMeeting()) expect(JSON.stringify(card)).not.toContain(SECRET);
    const found = await api(member.id, `/communities/${server.demoCommunityId}/entries?q=${SECRET}`);
    expect(found.body.items).toEqual([]);
    const mine = await api(member.id, "/me/commitments");
    expect(JSON.stringify(mine.body)).toContain(`${SECRET} commitment: draft the shared roadmap`);
  });
});
