import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { eventually, MeetingInstances, type Person } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";

/**
 * An AMA with the on-call expert on the activity engine, through the side panel's API on two
 * instances with 10 people: questions asked ahead of the scheduled session (once per request)
 * start the activity, more come during it, votes put the most wanted first, only the expert (the
 * session's on-call expert on the rota) answers; the close — by either instance, or both — saves
 * each answered question once as an answered Q&A entry crediting the expert, and each open one
 * once as an open question of the community.
 */
const MEETING_CHAT = "19:meeting_QW1hVGVzdA@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1FXMWhWR1Z6ZEFAdGhyZWFkLnYyIzA=";

type Item = {
  kind: string;
  ownerId: string;
  itemId: string;
  text: string;
  by: Person;
  votes: number;
  answer?: { text: string; by: Person };
};

describe("AMA with the on-call expert on the activity engine", () => {
  const [steward, ...members] = demoPeople(org) as unknown as [Person, ...Person[]];
  const people = members.slice(0, 10);
  const [expert, ...askers] = people as [Person, ...Person[]];
  let meeting: MeetingInstances;

  const api = (...args: Parameters<MeetingInstances["api"]>) => meeting.api(...args);

  beforeAll(async () => {
    meeting = await MeetingInstances.start(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  });
  afterAll(async () => {
    await meeting?.close();
  });

  it("starts with the questions asked ahead and leaves answered Q&A entries crediting the expert", async () => {
    const communityId = meeting.communityId;
    const session = await api(0, steward, "POST", `/communities/${communityId}/sessions`, {
      title: "AMA: our data platform",
      format: "ama",
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(session.status).toBe(201);
    const sessionId: string = session.body.id;
    expect(
      (
        await api(
          1,
          steward,
          "PUT",
          `/communities/${communityId}/sessions/${sessionId}/roles/on-call-expert`,
          {
            person: { id: expert.id, displayName: expert.displayName },
          },
        )
      ).status,
    ).toBe(200);

    // Asked ahead (a retried request adds nothing; a question of one word is refused kindly).
    const ahead = `/communities/${communityId}/sessions/${sessionId}/questions-ahead`;
    const early = ["How do we backfill a table safely?", "Who owns the nightly jobs?"];
    for (const [i, text] of early.entries())
      for (const instance of [0, 1])
        expect(
          (await api(instance, askers[i] as Person, "POST", ahead, { text, requestId: `ahead-${i}` })).status,
        ).toBe(201);
    const tooShort = await api(0, askers[2] as Person, "POST", ahead, { text: "?" });
    expect(tooShort.status).toBe(400);
    expect((await api(1, askers[3] as Person, "GET", ahead)).body.items).toHaveLength(2);

    const created = await api(0, steward, "POST", "/activities", {
      format: "ama",
      communityId,
      conversationId: MEETING_CHAT,
      meetingId: MEETING_ID,
      sessionId,
      prompt: "Ask our data platform's on-call expert",
      requestId: "ama-setup-1",
    });
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    expect(created.body.activity.roleHolders).toEqual({
      expert: { id: expert.id, displayName: expert.displayName },
    });
    const items = async (i: number, who: Person) =>
      ((await api(i, who, "GET", `/activities/${id}`)).body.activity.submissions as Item[]).filter(
        (s) => s.kind === "ama-question",
      );
    expect((await items(1, expert)).map((s) => [s.text, s.by.id])).toEqual(
      early.map((text, i) => [text, (askers[i] as Person).id]),
    );

    let step = 0;
    const control = (kind: string, phaseIndex?: number) =>
      api(step++, steward, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `ama-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    for (const [i, p] of people.entries())
      expect((await api(i, p, "POST", `/activities/${id}/join`)).status).toBe(200);
    expect((await control("start")).status).toBe(200);
    const live = ["Can I query production from a notebook?", "What breaks most often?"];
    for (const [i, text] of live.entries())
      expect(
        (
          await api(i, askers[i + 4] as Person, "POST", `/activities/${id}/submissions/ama-question`, {
            text,
            requestId: `l${i}`,
          })
        ).status,
      ).toBe(200);
    const listed = await items(0, steward);
    const byText = (text: string) => listed.find((s) => s.text === text) as Item;
    // Everyone wants the second live question answered; half also the second asked ahead.
    for (const [i, voter] of people.entries())
      for (const text of i < 5 ? [live[1], early[1], live[1]] : [live[1]]) {
        const item = byText(text as string);
        if (item.ownerId === voter.id) continue;
        expect(
          (
            await api(
              i,
              voter,
              "PUT",
              `/activities/${id}/submissions/ama-question/${item.ownerId}/${item.itemId}/vote`,
            )
          ).status,
        ).toBe(200);
      }
    const route = (item: Item) =>
      `/activities/${id}/submissions/ama-question/${item.ownerId}/${item.itemId}/answer`;
    const refused = await api(1, askers[0] as Person, "PUT", route(byText(live[1] as string)), {
      text: "Everything.",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(`Only the expert, ${expert.displayName}, answers the questions.`);
    const answers = [
      [live[1] as string, "The nightly compaction, when a schema changes under it."],
      [early[1] as string, "The platform team; the rota names who is on call."],
    ] as const;
    for (const [i, [question, text]] of answers.entries())
      expect(
        (await api(i, expert, "PUT", route(byText(question)), { text, requestId: `a${i}` })).status,
      ).toBe(200);
    expect((await items(1, askers[8] as Person)).map((s) => [s.text, s.answer?.by.id])).toEqual([
      [live[1], expert.id],
      [early[1], expert.id],
      [early[0], undefined],
      [live[0], undefined],
    ]);
    expect((await control("end")).status).toBe(200);

    const entryIdOf = (item: Item) => `ama-${id}-ama-question-${item.itemId}`;
    for (const [question, text] of answers) {
      const item = byText(question);
      const entry = await eventually(async () => {
        const res = await api(
          0,
          askers[5] as Person,
          "GET",
          `/communities/${communityId}/entries/${entryIdOf(item)}`,
        );
        return res.status === 200 && res.body.answered ? res.body : undefined;
      }, `the answered entry of "${question}"`);
      expect(entry).toMatchObject({
        type: "qa",
        title: question,
        author: { id: item.ownerId },
        source: { sessionId },
      });
      const rows = await api(
        1,
        askers[5] as Person,
        "GET",
        `/communities/${communityId}/entries/${entryIdOf(item)}/answers`,
      );
      expect(rows.body.items.map((a: { body: string; author: Person }) => [a.body, a.author.id])).toEqual([
        [text, expert.id],
      ]);
    }
    // The open ones: open questions of the community, asked by their askers, once.
    for (const question of [early[0], live[0]] as string[]) {
      const item = byText(question);
      const entry = await eventually(async () => {
        const res = await api(1, steward, "GET", `/communities/${communityId}/entries/${entryIdOf(item)}`);
        return res.status === 200 ? res.body : undefined;
      }, `the open question "${question}"`);
      expect(entry).toMatchObject({ type: "qa", title: question, author: { id: item.ownerId } });
      expect(entry.answered).not.toBe(true);
      // Handed on to the ask-the-community routing (once, whichever instance closed the AMA).
      const route = await eventually(async () => {
        const res = await api(
          0,
          steward,
          "GET",
          `/communities/${communityId}/entries/${entryIdOf(item)}/route`,
        );
        return res.status === 200 && res.body?.route?.state ? res.body.route : undefined;
      }, `the route of "${question}"`);
      expect(["waiting", "exhausted"]).toContain(route.state);
    }
  });
});
