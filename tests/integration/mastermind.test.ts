import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { eventually, MeetingInstances } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import { messageActivity, postActivity, teamsUser } from "../support/teamsActivities.js";
import type { TestServer } from "../support/testServer.js";

/**
 * A mastermind circle on the activity engine, through the side panel's API on two instances: 12
 * people make two circles of 6, each with a hot seat from the community's queue; goals carry over
 * to the next session; the hot seat alone writes the challenge and the lesson; questions and
 * advice stay in their circle. The confidentiality proof: nothing written in the circle reaches
 * the library, its search, the home, anyone else's My learning or API answer, any card the bot
 * sends, or the learning network — unless the hot seat publishes a lesson, which then carries no
 * name. Then a second session: the queue moved on, a swap is honoured, the goals came back.
 */
const MEETING_CHAT = "19:meeting_bWFzdGVybWluZFRlc3Q@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2JXRnpkR1Z5YldsdVpGUmxjM1FAdGhyZWFkLnYyIzA=";
/** Words only the circle's texts contain: if one shows up anywhere else, something leaked. */
const SECRET = {
  goal: "zephyrgoal",
  challenge: "quartzchallenge",
  question: "obsidianquestion",
  advice: "marbleadvice",
  commitment: "basaltcommitment",
  lesson: "graniteLesson",
};

type Person = { id: string; displayName: string };
type Circle = { id: string; members: Person[]; hotSeat: Person };

describe("Mastermind circle on the activity engine", () => {
  const facilitator = demoPeople(org)[0] as unknown as Person;
  const others = org.users.filter((u) => u.id !== facilitator.id && u.department) as unknown as Person[];
  const people = others.slice(0, 12);
  const outsider = others[12] as Person;
  let meeting: MeetingInstances;

  const api = (...args: Parameters<MeetingInstances["api"]>) => meeting.api(...args);

  const leaks = (payload: unknown, allowed: string[] = []) =>
    Object.values(SECRET).filter(
      (word) => !allowed.includes(word) && JSON.stringify(payload).toLowerCase().includes(word.toLowerCase()),
    );

  beforeAll(async () => {
    meeting = await MeetingInstances.start(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  });
  afterAll(async () => {
    await meeting?.close();
  });

  async function runSession(n: number) {
    const created = await api(0, facilitator, "POST", "/activities", {
      format: "mastermind",
      communityId: meeting.communityId,
      conversationId: MEETING_CHAT,
      meetingId: MEETING_ID,
      prompt: `Circle, session ${n}`,
      requestId: `mastermind-setup-${n}`,
    });
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    let step = 0;
    const control = (kind: string, phaseIndex?: number) =>
      api(step++, facilitator, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `mm-${n}-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    for (const [i, p] of people.entries())
      expect((await api(i, p, "POST", `/activities/${id}/join`)).status).toBe(200);
    expect((await control("start")).status).toBe(200);
    // The welcome, then the check-in: the circles are seated as it begins.
    expect((await control("next", 0)).status).toBe(200);
    const views = await Promise.all(people.map((p, i) => api(i, p, "GET", `/activities/${id}`)));
    // The circles as listed for whoever steers (asked through a participant: anyone taking part may).
    const circles: Circle[] = (await api(0, people[0] as Person, "GET", `/activities/${id}/groups`)).body
      .groups;
    return { id, control, views, circles };
  }

  it("runs two circles of 6 that keep everything inside, and carries the circle into its next session", async () => {
    // Session 1.
    const { id, control, views, circles } = await runSession(1);
    expect(circles.map((c) => c.members.length)).toEqual([6, 6]);
    expect(circles.every((c) => c.members.some((m) => m.id === c.hotSeat.id))).toBe(true);
    // Everyone's view names the hot seats (the stage shows them) without listing the circles.
    expect(views[0]?.body.activity.groups).toBeUndefined();
    expect(views[0]?.body.activity.hotSeats.map((p: Person) => p.id)).toEqual(
      circles.map((c) => c.hotSeat.id),
    );
    const circleOf = (p: Person) => circles.find((c) => c.members.some((m) => m.id === p.id)) as Circle;
    for (const [i, p] of people.entries()) expect(views[i]?.body.activity.me.group.id).toBe(circleOf(p).id);
    const hotSeats = circles.map((c) => people.find((p) => p.id === c.hotSeat.id) as Person);
    const [seatA, seatB] = hotSeats as [Person, Person];
    const memberOf = (circle: Circle) =>
      people.find((p) => circle.members.some((m) => m.id === p.id) && p.id !== circle.hotSeat.id) as Person;

    // Check-in: everyone's goal, kept for next time.
    for (const [i, p] of people.entries())
      expect(
        (
          await api(i, p, "PUT", `/activities/${id}/submissions/goal`, {
            text: `${SECRET.goal} of ${p.displayName}`,
          })
        ).status,
      ).toBe(200);
    // An edit on top of a version replaced meanwhile is refused, and the goal kept for next time
    // stays the accepted one (session 2 below shows everyone's as written above).
    const goalOf = (p: Person) => ({ text: `${SECRET.goal} of ${p.displayName}` });
    const [editor] = people as [Person];
    const written = await api(0, editor, "PUT", `/activities/${id}/submissions/goal`, goalOf(editor));
    const goalRoute = `/activities/${id}/submissions/goal`;
    const edited = await api(1, editor, "PUT", goalRoute, goalOf(editor), written.body.saved.etag);
    expect(edited.status).toBe(200);
    const stale = await api(0, editor, "PUT", goalRoute, { text: "a stale goal" }, written.body.saved.etag);
    expect(stale.status).toBe(412);
    // The hot seat: only its person writes the challenge.
    expect((await control("next", 1)).status).toBe(200);
    const notSeat = memberOf(circles[0] as Circle);
    const refused = await api(1, notSeat, "PUT", `/activities/${id}/submissions/challenge`, { text: "mine" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Only the person on the hot seat writes the challenge.");
    for (const [i, seat] of hotSeats.entries())
      expect(
        (
          await api(i, seat, "PUT", `/activities/${id}/submissions/challenge`, {
            text: `${SECRET.challenge} ${i}`,
          })
        ).status,
      ).toBe(200);
    // Questions, then advice: items, each kept once across the two instances (a retry adds none).
    expect((await control("next", 2)).status).toBe(200);
    for (const [i, p] of people.entries()) {
      const body = { text: `${SECRET.question} from ${p.displayName}`, requestId: `q-${p.id}` };
      expect((await api(i, p, "POST", `/activities/${id}/submissions/question`, body)).status).toBe(200);
      expect((await api(i + 1, p, "POST", `/activities/${id}/submissions/question`, body)).status).toBe(200);
    }
    expect((await control("next", 3)).status).toBe(200);
    for (const [i, p] of people.entries())
      expect(
        (
          await api(i, p, "POST", `/activities/${id}/submissions/advice`, {
            text: `${SECRET.advice} from ${p.displayName}`,
            requestId: `a-${p.id}`,
          })
        ).status,
      ).toBe(200);

    // A member reads their circle's questions and advice, and nothing of the other circle.
    const seen = await api(1, notSeat, "GET", `/activities/${id}`);
    const texts = (seen.body.activity.submissions as { kind: string; text: string }[]).map((s) => s.text);
    const mineCircle = circles[0] as Circle;
    expect(texts.filter((t) => t.startsWith(SECRET.question))).toHaveLength(6);
    expect(texts.filter((t) => t.startsWith(SECRET.advice))).toHaveLength(6);
    for (const other of (circles[1] as Circle).members)
      expect(texts.join("\n")).not.toContain(other.displayName);
    expect(texts).toContain(`${SECRET.challenge} 0`);
    expect(texts).not.toContain(`${SECRET.challenge} 1`);
    const goals = seen.body.activity.register as { person: Person; text: string; earlier: boolean }[];
    expect(goals.map((g) => g.person.id).sort()).toEqual(mineCircle.members.map((m) => m.id).sort());
    // Someone of the organisation who did not take part sees none of it, from either instance.
    for (const i of [0, 1]) {
      const outside = await api(i, outsider, "GET", `/activities/${id}`);
      expect(outside.status).toBe(200);
      expect(outside.body.activity.submissions).toEqual([]);
      expect(outside.body.activity.register).toBeUndefined();
      expect(leaks(outside.body)).toEqual([]);
    }

    // Commitments; the hot seat's lesson (theirs alone to write, private until published).
    expect((await control("next", 4)).status).toBe(200);
    for (const [i, p] of people.entries())
      expect(
        (
          await api(i, p, "PUT", `/activities/${id}/submissions/commitment`, {
            text: `${SECRET.commitment} by ${p.displayName}`,
          })
        ).status,
      ).toBe(200);
    expect(
      (await api(0, notSeat, "PUT", `/activities/${id}/submissions/lesson`, { text: "not mine to write" }))
        .status,
    ).toBe(403);
    const lesson = `${SECRET.lesson}: ask the sceptic to co-own the pilot`;
    expect(
      (await api(1, seatA, "PUT", `/activities/${id}/submissions/lesson`, { text: lesson })).status,
    ).toBe(200);
    expect((await control("end")).status).toBe(200);
    // Each circle's goals, questions and advice were stored once.
    const all = await api(0, seatA, "GET", `/activities/${id}`);
    const circleTexts = (all.body.activity.submissions as { text: string }[]).map((s) => s.text);
    expect(new Set(circleTexts).size).toBe(circleTexts.length);

    // The close (whichever instance polls first) posts its summary; wait for it, then look everywhere.
    await eventually(
      async () =>
        meeting.connector.activities.some(
          (a) =>
            a.conversationId === MEETING_CHAT &&
            JSON.stringify(a.body).includes("Circle, session 1") &&
            JSON.stringify(a.body).includes("Mastermind circle summary"),
        )
          ? true
          : undefined,
      "the summary card",
    );
    const announced = await eventually(async () => {
      const res = await api(0, facilitator, "GET", `/activities/${id}`);
      return res.body.activity.state.status === "ended" ? res : undefined;
    }, "the end");
    expect(announced.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));

    // Nothing in the library or its search, on either instance, for a member or the steward.
    for (const i of [0, 1])
      for (const word of Object.values(SECRET)) {
        const found = await api(
          i,
          facilitator,
          "GET",
          `/communities/${meeting.communityId}/entries?q=${word}`,
        );
        expect(found.status).toBe(200);
        expect(found.body.items, word).toEqual([]);
        const mine = await api(i, notSeat, "GET", `/entries/search?q=${word}`);
        expect(mine.body.items, word).toEqual([]);
      }
    const library = await api(1, facilitator, "GET", `/communities/${meeting.communityId}/entries?q=circle`);
    expect(leaks(library.body)).toEqual([]);
    // Nor on the community's home.
    const home = await api(0, outsider, "GET", `/communities/${meeting.communityId}/home`);
    expect(home.status).toBe(200);
    expect(leaks(home.body)).toEqual([]);
    // My learning: my own commitment and goal are mine; nobody else's ever.
    const myLearning = await api(1, notSeat, "GET", "/me/learning");
    const others = JSON.stringify(myLearning.body);
    for (const p of people.filter((p) => p.id !== notSeat.id))
      expect(others).not.toContain(`${SECRET.commitment} by ${p.displayName}`);
    const commitments = await api(0, notSeat, "GET", "/me/commitments");
    expect(JSON.stringify(commitments.body)).toContain(`${SECRET.commitment} by ${notSeat.displayName}`);
    expect(leaks(commitments.body, [SECRET.commitment])).toEqual([]);
    // The meeting's next start brings no shared check-in card listing the circle's commitments
    // (they are followed up in each owner's personal chat and My learning only).
    const start = {
      ...messageActivity("", {
        serviceUrl: meeting.connector.serviceUrl,
        conversationType: "groupChat",
        conversationId: MEETING_CHAT,
        from: teamsUser(facilitator),
      }),
      type: "event",
      name: "application/vnd.microsoft.meetingStart",
      value: {
        Id: MEETING_ID,
        Title: "Circle",
        MeetingType: "Scheduled",
        StartTime: new Date().toISOString(),
      },
      channelData: { tenant: { id: org.tenantId }, meeting: { id: MEETING_ID } },
      text: undefined,
    };
    expect((await postActivity((meeting.servers[1] as TestServer).baseUrl, start)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500));
    // No card the bot sent carries a word of it (meeting chat, channel, personal chats alike),
    // except a person's own commitment in their own check-in.
    for (const sent of [...meeting.connector.activities, ...meeting.connector.updates])
      expect(leaks(sent.body, [SECRET.commitment]), sent.conversationId).toEqual([]);
    for (const sent of meeting.connector.activities.filter((a) => a.conversationId === MEETING_CHAT))
      expect(leaks(sent.body)).toEqual([]);
    // No learning interactions: the network does not learn who sat with whom.
    const store = await TableStore.connect({
      connectionString: (meeting.servers[0] as TestServer).config.storage.connectionString,
      tablePrefix: (meeting.servers[0] as TestServer).config.storage.tablePrefix,
    });
    const interactions = await new TablesEntryRepository(store).listInteractions(
      org.tenantId.toLowerCase(),
      meeting.communityId,
      "",
    );
    expect(interactions.filter((x) => x.kind === "paired")).toEqual([]);

    // The hot seat publishes the lesson: one entry, no name, no id, found by search.
    const published = await api(0, seatA, "POST", `/activities/${id}/submissions/lesson/publish`);
    expect(published.status).toBe(201);
    const again = await api(1, seatA, "POST", `/activities/${id}/submissions/lesson/publish`);
    expect(again.body.entryId).toBe(published.body.entryId);
    expect((await api(1, seatB, "POST", `/activities/${id}/submissions/lesson/publish`)).status).toBe(400);
    const entry = await api(
      1,
      outsider,
      "GET",
      `/communities/${meeting.communityId}/entries/${published.body.entryId}`,
    );
    expect(entry.status).toBe(200);
    expect(entry.body.body).toContain(lesson);
    expect(entry.body.author.displayName).toBe("A mastermind circle member");
    expect(JSON.stringify(entry.body)).not.toContain(seatA.id);
    expect(JSON.stringify(entry.body)).not.toContain(seatA.displayName);
    const search = await eventually(async () => {
      const res = await api(
        0,
        outsider,
        "GET",
        `/communities/${meeting.communityId}/entries?q=${SECRET.lesson}`,
      );
      return res.body.items.length > 0 ? res.body.items : undefined;
    }, "the lesson in search");
    expect(search).toHaveLength(1);

    // The queue moved on: this session's hot seats go last; anyone can read it.
    const queue = await api(1, outsider, "GET", `/communities/${meeting.communityId}/hot-seat-queue`);
    expect(queue.status).toBe(200);
    const order: { person: Person; times: number }[] = queue.body.queue;
    expect(order).toHaveLength(12);
    expect(
      order
        .slice(-2)
        .map((p) => p.person.id)
        .sort(),
    ).toEqual([seatA.id, seatB.id].sort());
    expect(order.slice(-2).every((p) => p.times === 1)).toBe(true);
    // Swapping: only one's own place (or a steward's swap); the first gives their turn to the third.
    const [first, , third] = order as [{ person: Person }, unknown, { person: Person }];
    const notMine = await api(
      0,
      outsider,
      "POST",
      `/communities/${meeting.communityId}/hot-seat-queue/swaps`,
      {
        a: first.person.id,
        b: third.person.id,
      },
    );
    expect(notMine.status).toBe(403);
    const firstPerson = people.find((p) => p.id === first.person.id) as Person;
    const swapped = await api(
      1,
      firstPerson,
      "POST",
      `/communities/${meeting.communityId}/hot-seat-queue/swaps`,
      {
        a: first.person.id,
        b: third.person.id,
        requestId: "swap-1",
      },
    );
    expect(swapped.status).toBe(201);
    expect(swapped.body.queue[0].person.id).toBe(third.person.id);
    expect(swapped.body.queue[2].person.id).toBe(first.person.id);

    // Session 2: the hot seats follow the queue as people saw it; last session's goals came back.
    const next = await runSession(2);
    const expected = (swapped.body.queue as { person: Person }[])
      .slice(0, 2)
      .map((p) => p.person.id)
      .sort();
    expect(next.circles.map((c) => c.hotSeat.id).sort()).toEqual(expected);
    const back = next.views[0]?.body.activity.register as {
      person: Person;
      text: string;
      earlier: boolean;
      mine: boolean;
    }[];
    expect(back.length).toBe(6);
    // The reader's own goal is marked theirs (the panel offers it as this session's start).
    expect(back.filter((g) => g.mine).map((g) => g.person.id)).toEqual([people[0]?.id]);
    // Each panel knows whether its reader sits on the hot seat, without guessing from partners.
    const seated = next.views.filter((v) => v?.body.activity.me.group.onHotSeat === true).length;
    expect(seated).toBe(2);
    expect(back.every((g) => g.earlier && g.text === `${SECRET.goal} of ${g.person.displayName}`)).toBe(true);
  });
});
