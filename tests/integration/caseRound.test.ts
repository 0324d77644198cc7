import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { eventually, MeetingInstances } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import type { TestServer } from "../support/testServer.js";

/**
 * A case round on the activity engine, through the side panel's API on two instances, with 8
 * people: the narrator's case, questions, heuristics voted on, the facilitator promoting the best;
 * the close saves each promoted heuristic to the library and proposes a playbook of them that only
 * stewards see until a steward publishes it — then members see it and tick it off. The
 * tacit-to-codified loop, from the meeting to a published playbook.
 */
const MEETING_CHAT = "19:meeting_Y2FzZVJvdW5kVGVzdA@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1kyRnpaVkp2ZFc1a1ZHVnpkQUB0aHJlYWQudjIjMA==";

type Person = { id: string; displayName: string };
type Item = { kind: string; ownerId: string; itemId: string; text: string; votes: number; promoted: boolean };

describe("Case round on the activity engine", () => {
  const [steward, ...members] = demoPeople(org) as unknown as [Person, ...Person[]];
  const people = members.slice(0, 8);
  let meeting: MeetingInstances;

  const api = (...args: Parameters<MeetingInstances["api"]>) => meeting.api(...args);

  beforeAll(async () => {
    meeting = await MeetingInstances.start(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  });
  afterAll(async () => {
    await meeting?.close();
  });

  it("turns a narrated case into heuristics, votes, promotions and a playbook a steward publishes", async () => {
    const communityId = (meeting.servers[0] as TestServer).demoCommunityId;
    const [narrator, ...others] = people as [Person, ...Person[]];
    const created = await api(0, steward, "POST", "/activities", {
      format: "case-round",
      communityId,
      conversationId: MEETING_CHAT,
      meetingId: MEETING_ID,
      prompt: "How we priced the analytics add-on",
      roles: { narrator: { id: narrator.id, displayName: narrator.displayName } },
      requestId: "case-setup-1",
    });
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    expect(created.body.activity.roleHolders.narrator.id).toBe(narrator.id);
    let step = 0;
    const control = (kind: string, phaseIndex?: number) =>
      api(step++, steward, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `case-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    for (const [i, p] of people.entries())
      expect((await api(i, p, "POST", `/activities/${id}/join`)).status).toBe(200);
    expect((await control("start")).status).toBe(200);
    // The case is the narrator's to tell: anyone else is refused kindly.
    const notNarrator = await api(1, others[0] as Person, "PUT", `/activities/${id}/submissions/case`, {
      text: "My version of it",
    });
    expect(notNarrator.status).toBe(403);
    expect(notNarrator.body.error.message).toBe("Only the narrator writes the case.");
    const caseText =
      "We priced per seat, then saw usage spread over few seats; we moved to per-query pricing.";
    expect(
      (await api(0, narrator, "PUT", `/activities/${id}/submissions/case`, { text: caseText })).status,
    ).toBe(200);

    expect((await control("next", 0)).status).toBe(200);
    for (const [i, p] of others.slice(0, 3).entries())
      expect(
        (
          await api(i, p, "POST", `/activities/${id}/submissions/case-question`, {
            text: `Question ${i}: what did the data show?`,
            requestId: `q-${i}`,
          })
        ).status,
      ).toBe(200);

    expect((await control("next", 1)).status).toBe(200);
    const heuristics = [
      "When usage is concentrated, we check per-seat pricing first",
      "When a customer asks for a discount, we check their usage curve first",
      "When we change pricing, we tell sales a week before",
    ];
    for (const [i, text] of heuristics.entries())
      expect(
        (
          await api(i, others[i] as Person, "POST", `/activities/${id}/submissions/heuristic`, {
            text,
            requestId: `h-${i}`,
          })
        ).status,
      ).toBe(200);
    const items = async (i: number, who: Person) =>
      ((await api(i, who, "GET", `/activities/${id}`)).body.activity.submissions as Item[]).filter(
        (s) => s.kind === "heuristic",
      );
    const route = (item: Item, mark: string) =>
      `/activities/${id}/submissions/heuristic/${item.ownerId}/${item.itemId}/${mark}`;
    // Votes: the first and third heuristics get most.
    const listed = await items(0, narrator);
    const byText = (text: string) => listed.find((s) => s.text === text) as Item;
    for (const [i, voter] of people.entries()) {
      for (const text of [heuristics[0], heuristics[2]]) {
        const item = byText(text as string);
        if (item.ownerId === voter.id) continue;
        expect((await api(i, voter, "PUT", route(item, "vote"))).status).toBe(200);
      }
    }
    expect(
      (await items(1, narrator))
        .map((s) => s.text)
        .slice(0, 2)
        .sort(),
    ).toEqual([heuristics[0], heuristics[2]].sort());

    // Promotion: those who steer only; the facilitator promotes the two most voted.
    expect((await control("next", 2)).status).toBe(200);
    const refused = await api(0, narrator, "PUT", route(byText(heuristics[0] as string), "promotion"));
    expect(refused.status).toBe(403);
    for (const text of [heuristics[0], heuristics[2]])
      expect((await api(1, steward, "PUT", route(byText(text as string), "promotion"))).status).toBe(200);
    // Promoted twice (a retry) and taken back and again: still promoted once.
    expect((await api(0, steward, "PUT", route(byText(heuristics[2] as string), "promotion"))).status).toBe(
      200,
    );
    const promoted = (await items(0, steward)).filter((s) => s.promoted).map((s) => s.text);
    expect(promoted.sort()).toEqual([heuristics[0], heuristics[2]].sort());
    expect((await control("end")).status).toBe(200);

    // The close: each promoted heuristic in the library, and a proposed playbook of them.
    const proposed = await eventually(async () => {
      const res = await api(0, steward, "GET", `/communities/${communityId}/playbooks`);
      return (res.body.items as { id: string; proposed?: unknown }[]).find((p) => p.proposed);
    }, "the proposed playbook");
    const playbook = await api(1, steward, "GET", `/communities/${communityId}/playbooks/${proposed.id}`);
    expect(playbook.body.title).toBe("Case round: How we priced the analytics add-on");
    expect((playbook.body.items as { title: string }[]).map((i) => i.title)).toEqual([
      `Heuristic: ${heuristics[0]}`,
      `Heuristic: ${heuristics[2]}`,
    ]);
    const member = others[5] as Person;
    const entry = await api(
      0,
      member,
      "GET",
      `/communities/${communityId}/entries/${playbook.body.items[0].entryId}`,
    );
    expect(entry.status).toBe(200);
    expect(entry.body.body).toContain("From a case round on: How we priced the analytics add-on");
    // Members do not see it until a steward publishes it.
    const before = await api(1, member, "GET", `/communities/${communityId}/playbooks`);
    expect((before.body.items as { id: string }[]).some((p) => p.id === proposed.id)).toBe(false);
    expect((await api(0, member, "GET", `/communities/${communityId}/playbooks/${proposed.id}`)).status).toBe(
      404,
    );
    expect(
      (
        await api(
          0,
          member,
          "POST",
          `/communities/${communityId}/playbooks/${proposed.id}/publish`,
          {},
          playbook.etag ?? "",
        )
      ).status,
    ).toBe(403);
    const published = await api(
      1,
      steward,
      "POST",
      `/communities/${communityId}/playbooks/${proposed.id}/publish`,
      {},
      playbook.etag ?? "",
    );
    expect(published.status).toBe(200);
    expect(published.body.proposed).toBeUndefined();
    const after = await api(0, member, "GET", `/communities/${communityId}/playbooks/${proposed.id}`);
    expect(after.status).toBe(200);
    const tick = await api(
      1,
      member,
      "PUT",
      `/communities/${communityId}/playbooks/${proposed.id}/done/${after.body.items[0].entryId}`,
    );
    expect(tick.body.done).toEqual([after.body.items[0].entryId]);
    // One proposal, however many closes ran.
    const all = await api(0, steward, "GET", `/communities/${communityId}/playbooks`);
    expect((all.body.items as { id: string }[]).filter((p) => p.id === proposed.id)).toHaveLength(1);
  });
});
