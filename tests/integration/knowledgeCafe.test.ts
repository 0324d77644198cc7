import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HELD_SUBMISSIONS_HEADER } from "../../src/contract/activities.js";
import { unavoidableRepeats } from "../../src/domain/activities/grouping/roundsPlan.js";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { eventually, MeetingInstances } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import type { TestServer } from "../support/testServer.js";

/**
 * A Knowledge Café on the activity engine, through the side panel's API on two instances: 12
 * people at tables of 4 over three rounds meet nobody twice, a late joiner gets a table, tables
 * note their ideas, the harvest's themes and the pledges are kept, and the close leaves one
 * harvest entry in the library and every table of every round as a conversation.
 */
const MEETING_CHAT = "19:meeting_a25vd2xlZGdlQ2FmZVRlc3Q@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2EyNXZkMnhsWkdkbFEyRm1aVlJsYzNRQHRocmVhZC52MiMw";

type Person = { id: string; displayName: string };
type Group = { id: string; members: Person[] };

describe("Knowledge Café on the activity engine", () => {
  // The demo's steward facilitates; 13 more people of the organisation take part (the demo
  // community is open: taking part makes them members).
  const facilitator = demoPeople(org)[0] as unknown as Person;
  const others = org.users.filter((u) => u.id !== facilitator.id && u.department) as unknown as Person[];
  const people = others.slice(0, 12);
  const late = others[12] as Person;
  let meeting: MeetingInstances;

  const api = (...args: Parameters<MeetingInstances["api"]>) => meeting.api(...args);

  beforeAll(async () => {
    meeting = await MeetingInstances.start(2, { chat: MEETING_CHAT, meetingId: MEETING_ID });
  });
  afterAll(async () => {
    await meeting?.close();
  });

  it("runs three rounds of new tables, a harvest and pledges, and leaves one harvest entry", async () => {
    expect(people).toHaveLength(12);
    const created = await api(0, facilitator, "POST", "/activities", {
      format: "knowledge-cafe",
      communityId: (meeting.servers[0] as TestServer).demoCommunityId,
      conversationId: MEETING_CHAT,
      meetingId: MEETING_ID,
      prompt: "What would make onboarding stick in the first month?",
      minutes: { "round-1": 10, "round-2": 10, "round-3": 10 },
      requestId: "cafe-setup-1",
    });
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    expect(created.body.activity.phases.map((p: { id: string }) => p.id)).toEqual([
      "intro",
      "round-1",
      "round-2",
      "round-3",
      "harvest",
    ]);
    let step = 0;
    const control = (kind: string, phaseIndex?: number) =>
      api(step++, facilitator, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `cafe-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
    for (const [i, p] of people.entries())
      expect((await api(i, p, "POST", `/activities/${id}/join`)).status).toBe(200);
    expect((await control("start")).status).toBe(200);
    // Nothing to hand in during the question.
    const early = await api(0, people[0] as Person, "PUT", `/activities/${id}/submissions/table-notes`, {
      text: "too early",
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe(
      "Table notes are written in the Café round 1, Café round 2 or Café round 3 phases.",
    );

    const rounds: Group[][] = [];
    for (const [round, phaseIndex] of [1, 2, 3].entries()) {
      expect((await control("next", phaseIndex - 1)).status).toBe(200);
      // Everyone sees their own table, from either instance.
      const views = await Promise.all(people.map((p, i) => api(i, p, "GET", `/activities/${id}`)));
      // The facilitator's view lists every table; the same list is asked for on the other instance.
      const groups: Group[] = (await api(0, facilitator, "GET", `/activities/${id}`)).body.activity.groups;
      expect(groups.map((g) => g.members.length)).toEqual([4, 4, 4]);
      expect((await api(1, people[0] as Person, "GET", `/activities/${id}/groups`)).body.groups).toEqual(
        groups,
      );
      expect(
        views.every((v) => v.body.activity.groupCount === 3 && v.body.activity.groups === undefined),
      ).toBe(true);
      for (const [i, p] of people.entries()) {
        const table = groups.find((g) => g.members.some((m) => m.id === p.id));
        expect(views[i]?.body.activity.me.group.id).toBe(table?.id);
      }
      // One person per table notes its ideas; the table's notes are one text, kept per round.
      for (const [t, table] of groups.entries()) {
        const writer = table.members[0] as Person;
        const res = await api(t, writer, "PUT", `/activities/${id}/submissions/table-notes`, {
          text: `Round ${round + 1}, table ${t + 1}: buddies and a first small win`,
          requestId: `notes-${round}-${t}`,
        });
        expect(res.status).toBe(200);
      }
      rounds.push(groups);
    }
    // New tables every round, with the fewest repeat meetings the numbers allow: 12 people at 3
    // tables of 4 cannot be re-seated without two former table-mates together (4 people from 3
    // old tables), so 3 pairs meet again — and the same 3 in round 3, never more. Reported.
    const met = new Map<string, number>();
    for (const groups of rounds)
      for (const g of groups)
        for (const a of g.members)
          for (const b of g.members)
            if (a.id < b.id) met.set(`${a.id}|${b.id}`, (met.get(`${a.id}|${b.id}`) ?? 0) + 1);
    const repeated = [...met.values()].filter((n) => n > 1);
    expect(repeated).toHaveLength(
      unavoidableRepeats(rounds.map((r) => r.map((g) => g.members.map((m) => m.id)))),
    );
    expect(repeated).toHaveLength(3);
    const third = await api(0, facilitator, "GET", `/activities/${id}`);
    expect(third.body.activity.repeatMeetings).toBe(3);

    // Someone who arrives in round 3 gets a table (one grows to 5). Their panel loaded the café
    // first, the tables' notes included, and Join names the submissions it holds. Their new
    // table's notes are theirs to edit now, so those are not the panel's any more: all come back.
    const panel = await api(1, late, "GET", `/activities/${id}`);
    const notesOf = (answer: { body: { activity: { submissions: { kind: string; mine: boolean }[] } } }) =>
      answer.body.activity.submissions.filter((s) => s.kind === "table-notes");
    expect(notesOf(panel)).toHaveLength(9);
    expect(notesOf(panel).some((n) => n.mine)).toBe(false);
    const heldBy = (answer: { body: { submissionsVersion: string } }) => ({
      [HELD_SUBMISSIONS_HEADER]: answer.body.submissionsVersion,
    });
    const joined = await api(1, late, "POST", `/activities/${id}/join`, undefined, undefined, heldBy(panel));
    expect(joined.status).toBe(200);
    expect(joined.body.activity.me.group.partners).toHaveLength(4);
    expect(joined.body.submissionsHeld).toBeUndefined();
    expect(notesOf(joined).filter((n) => n.mine)).toHaveLength(1);
    // Their next poll names what Join sent: unchanged, so left out while the rest is whole (a
    // made-up version gets them all).
    const polled = await api(0, late, "GET", `/activities/${id}`, undefined, undefined, heldBy(joined));
    expect(polled.body).toMatchObject({
      submissionsHeld: true,
      submissionsVersion: joined.body.submissionsVersion,
    });
    expect(polled.body.activity.submissions).toEqual([]);
    expect(polled.body.activity.me.group.id).toBe(joined.body.activity.me.group.id);
    const stale = await api(0, late, "GET", `/activities/${id}`, undefined, undefined, {
      [HELD_SUBMISSIONS_HEADER]: 'W/"not-these"',
    });
    expect(stale.body.activity.submissions).toEqual(joined.body.activity.submissions);

    // The harvest: everyone together again; themes are items (one per request), pledges one each.
    expect((await control("next", 3)).status).toBe(200);
    const harvest = await api(0, facilitator, "GET", `/activities/${id}`);
    expect(harvest.body.activity.state.phaseId).toBe("harvest");
    expect(harvest.body.activity.groups).toBeUndefined();
    expect(harvest.body.activity.groupCount).toBeUndefined();
    const themes = ["A buddy in week one", "A small win in week two", "Write the unwritten rules down"];
    for (const [i, theme] of themes.entries()) {
      const body = { text: theme, requestId: `theme-${i}` };
      expect(
        (await api(i, people[0] as Person, "POST", `/activities/${id}/submissions/theme`, body)).status,
      ).toBe(200);
      // A retried request keeps one.
      expect(
        (await api(i + 1, people[0] as Person, "POST", `/activities/${id}/submissions/theme`, body)).status,
      ).toBe(200);
    }
    for (const [i, p] of people.slice(0, 4).entries()) {
      const res = await api(i, p, "PUT", `/activities/${id}/submissions/pledge`, {
        text: `I will pair with a newcomer, ${p.displayName}`,
      });
      expect(res.status).toBe(200);
    }
    // Dot-voting on the themes: once per person and theme whichever instance answers, never one's
    // own, taken back on request; the most voted theme comes first.
    type Item = {
      kind: string;
      ownerId: string;
      itemId: string;
      text: string;
      votes: number;
      myVote: boolean;
    };
    const themesOf = async (i: number, p: Person) =>
      ((await api(i, p, "GET", `/activities/${id}`)).body.activity.submissions as Item[]).filter(
        (s) => s.kind === "theme",
      );
    const last = (await themesOf(0, people[1] as Person)).find((s) => s.text === themes[2]) as Item;
    const voteRoute = `/activities/${id}/submissions/theme/${last.ownerId}/${last.itemId}/vote`;
    for (const [i, voter] of [people[1], people[1], people[2], people[3]].entries())
      expect((await api(i, voter as Person, "PUT", voteRoute)).status).toBe(200);
    const own = await api(0, people[0] as Person, "PUT", voteRoute);
    expect(own.status).toBe(400);
    expect(own.body.error.message).toBe("Vote for others' themes, not your own.");
    expect((await api(1, people[3] as Person, "DELETE", voteRoute)).status).toBe(200);
    const voted = await themesOf(1, people[2] as Person);
    expect(voted[0]).toMatchObject({ text: themes[2], votes: 2, myVote: true });
    expect(voted.slice(1).every((s) => s.votes === 0)).toBe(true);
    expect((await themesOf(0, people[3] as Person))[0]?.myVote).toBe(false);
    const missing = await api(
      0,
      people[1] as Person,
      "PUT",
      `/activities/${id}/submissions/theme/${last.ownerId}/nope/vote`,
    );
    expect(missing.status).toBe(404);

    // What people see of the café: every table's notes and every theme are shared with all.
    const seen = await api(1, people[5] as Person, "GET", `/activities/${id}`);
    const kinds = (seen.body.activity.submissions as { kind: string; text: string }[]).map((s) => s.kind);
    expect(kinds.filter((k) => k === "table-notes")).toHaveLength(9);
    expect(kinds.filter((k) => k === "theme")).toHaveLength(3);
    expect((await control("end")).status).toBe(200);

    // The close (whichever instance polls first): one harvest entry with every theme and table note.
    const entryId = `knowledge-cafe-${id}-harvest`;
    const entry = await eventually(async () => {
      const res = await api(
        0,
        people[1] as Person,
        "GET",
        `/communities/${(meeting.servers[0] as TestServer).demoCommunityId}/entries/${entryId}`,
      );
      return res.status === 200 ? res.body : undefined;
    }, "the harvest entry");
    expect(entry.title).toBe("Knowledge Café: What would make onboarding stick in the first month?");
    for (const theme of themes) expect(entry.body.split(theme)).toHaveLength(2);
    expect(entry.body).toContain("Round 3, table 3: buddies and a first small win");
    expect(entry.source).toMatchObject({ kind: "meeting", meetingId: MEETING_ID, activityId: id });
    expect(entry.tags).toEqual(["knowledge-cafe"]);

    // Every table of every round is a conversation between its people (each pair both ways).
    const store = await TableStore.connect({
      connectionString: (meeting.servers[0] as TestServer).config.storage.connectionString,
      tablePrefix: (meeting.servers[0] as TestServer).config.storage.tablePrefix,
    });
    const interactions = await eventually(async () => {
      const all = (
        await new TablesEntryRepository(store).listInteractions(
          org.tenantId.toLowerCase(),
          (meeting.servers[0] as TestServer).demoCommunityId,
          "",
        )
      ).filter((i) => i.kind === "paired");
      return all.length >= 3 * 3 * 12 + 4 * 2 ? all : undefined;
    }, "the table conversations");
    // 3 rounds × 3 tables × 4 × 3 directions, plus the late joiner with a table of 4 in round 3.
    expect(interactions).toHaveLength(3 * 3 * 12 + 4 * 2);
    // The pledges are commitments, followed through in My learning.
    const mine = await api(0, people[0] as Person, "GET", "/me/commitments");
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).toContain("I will pair with a newcomer");
  });
});
