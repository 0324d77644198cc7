import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { actionsOf, type Card, MeetingChat, valuesOf } from "../support/meetingChat.js";
import { eventually } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import { installInDemoTeam } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/**
 * A Knowledge Café run entirely from the meeting chat, over the Bot Framework protocol, with 12
 * people: the command, the set-up dialog built from the café's definition, Join, three rounds of
 * new tables (each table with its group chat), a table's shared notes (a concurrent edit comes
 * back with both texts), themes and pledges in the harvest, the close. What it leaves: one
 * harvest entry in the library and the pledges as commitments.
 */
const MEETING_CHAT = "19:meeting_Y2FmZUJvdFRlc3RLbm93bGVkZ2U@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1kyRm1aVUp2ZEZSbGMzUkxibTkzYkdWa1oyVUB0aHJlYWQudjIjMA==";
const QUESTION = "What would make onboarding stick in the first month?";

type Person = { id: string; displayName: string; mail?: string };

describe("Knowledge Café from the meeting chat, over the Bot Framework protocol: 12 people", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const facilitator = demoPeople(org)[0] as Person;
  const people = org.users.filter((u) => u.department && u.id !== facilitator.id).slice(0, 12) as Person[];
  const byName = new Map(people.map((p) => [`<at>${p.displayName}</at>`, p]));
  let activityId = "";
  const chat = new MeetingChat(() => server.baseUrl, connector, MEETING_CHAT, MEETING_ID, "cafe");
  const execute = chat.execute.bind(chat);
  const fetchDialog = chat.fetchDialog.bind(chat);
  const submitDialog = chat.submitDialog.bind(chat);
  const headed = (text: string) => () => chat.headed(text);
  const next = (phaseIndex: number) =>
    execute("tps.control", { activityId, kind: "next", phaseIndex }, facilitator, `cafe-next-${phaseIndex}`);

  /** The tables of a round as its group list in the chat shows them (mentions, one line per table). */
  async function tablesOf(round: number): Promise<Person[][]> {
    const list = await eventually(
      () => headed(`Groups · Café round ${round}`)()[0],
      `round ${round}'s tables`,
    );
    expect(list.msteams.entities).toHaveLength(12);
    return String(list.body.at(-1).text)
      .split("\n\n")
      .map((line) => line.split(" & ").map((m) => byName.get(m) as Person));
  }

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

  it("sets a café up from the chat command with its own phases, and posts the question's card", async () => {
    await chat.say(`knowledge café ${QUESTION}`, facilitator);
    const invitation = await eventually(() => headed("Knowledge Café")()[0], "the set-up invitation");
    const setUp = actionsOf(invitation)[0];
    expect(setUp.data).toMatchObject({ verb: "tps.setup", format: "knowledge-cafe", prompt: QUESTION });

    const fetched = await fetchDialog("tps.setup", setUp.data, facilitator);
    const form = fetched.body.task.value.card.content;
    const values = valuesOf(form);
    // The café's phases with their default minutes, from its definition (round 3 optional).
    expect(values).toMatchObject({
      format: "knowledge-cafe",
      prompt: QUESTION,
      intro: 3,
      "round-1": 12,
      "round-2": 12,
      "round-3": 12,
      harvest: 15,
      communityId: server.demoCommunityId,
    });
    const start = actionsOf(form).find((a: Card) => a.title === "Start");
    expect(start.data).toEqual({ verb: "tps.create", shownFormat: "knowledge-cafe" });

    // "Show its phases" redraws the form for the format chosen (Adaptive Cards cannot do it live).
    const shown = await submitDialog(
      "activity.setupFormat",
      { ...values, format: "think-pair-share" },
      facilitator,
    );
    expect(valuesOf(shown.body.task.value.card.content)).toMatchObject({
      format: "think-pair-share",
      prompt: QUESTION,
      think: 2,
      close: 3,
    });
    // Another format chosen but its phases not shown yet: the form comes back with them, nothing starts.
    const switched = await submitDialog(
      "tps.create",
      { ...values, ...start.data, format: "think-pair-share" },
      facilitator,
      "cafe-switch",
    );
    expect(switched.body.task.type).toBe("continue");
    expect(valuesOf(switched.body.task.value.card.content)).toMatchObject({ think: 2, pair: 5, share: 5 });
    expect(JSON.stringify(switched.body)).toContain("Check the phases of Think-pair-share");
    // Minutes outside a phase's bounds are refused in the phase's words, and nothing starts.
    const tooLong = await submitDialog(
      "tps.create",
      { ...values, ...start.data, "round-1": 90 },
      facilitator,
    );
    expect(JSON.stringify(tooLong.body.task.value.card.content)).toContain(
      "Café round 1 lasts between 5 and 20 whole minutes",
    );

    const created = await submitDialog("tps.create", { ...values, ...start.data }, facilitator, "cafe-setup");
    expect(JSON.stringify(created.body)).toContain("Facilitator controls");
    const intro = await eventually(() => headed("Knowledge Café · The question")()[0], "the question's card");
    expect(JSON.stringify(intro)).toContain(QUESTION);
    // Nothing to write yet: Join is the one action, the controls in the "…" menu.
    expect(actionsOf(intro).map((a: Card) => a.title)).toEqual(["Join", "Facilitator controls"]);
    activityId = actionsOf(intro)[0].data.activityId;
    expect(activityId).toMatch(/^[0-9a-f]{32}$/);
    expect(headed("Think-pair-share · Think")()).toHaveLength(0);
  });

  it("seats everyone at new tables each round, each table with its group chat and its shared notes", async () => {
    for (const p of people) {
      const joined = await execute("tps.join", { activityId }, p);
      expect(JSON.stringify(joined.body.value)).toContain("You have joined");
    }
    // Themes are for the harvest: the café says when.
    const early = await fetchDialog("activity.write", { activityId, kind: "theme" }, people[0] as Person);
    expect(early.body.task.value).toBe("Themes are written in the Harvest phase.");

    const seatings: Person[][][] = [];
    for (const round of [1, 2, 3]) {
      expect((await next(round - 1)).status).toBe(200);
      const card = await eventually(
        () => headed(`Knowledge Café · Café round ${round}`)()[0],
        `round ${round}`,
      );
      // The round's own action first (the table's notes), then one's table; controls in the "…" menu.
      expect(actionsOf(card).map((a: Card) => a.title)).toEqual([
        "Table notes",
        "My group",
        "Facilitator controls",
      ]);
      const tables = await tablesOf(round);
      expect(tables.map((t) => t.length)).toEqual([4, 4, 4]);
      seatings.push(tables);

      // Each person sees their table, and one click opens a group chat with the other three.
      const someone = tables[0]?.[0] as Person;
      const own = await execute("tps.refresh", { activityId }, someone);
      const mine = own.body.value;
      const others = (tables[0] ?? []).filter((p) => p.id !== someone.id);
      expect(JSON.stringify(mine)).toContain(
        `Your group: **${others.map((p) => p.displayName).join(" and ")}**`,
      );
      const chat = actionsOf(mine).find((a: Card) => a.type === "Action.OpenUrl");
      expect(chat.title).toBe("Group chat");
      const url = new URL(chat.url);
      expect(`${url.origin}${url.pathname}`).toBe("https://teams.microsoft.com/l/chat/0/0");
      expect(url.searchParams.get("users")?.split(",")).toHaveLength(3);
      expect(url.searchParams.get("topicName")).toBe(`Knowledge Café · Café round ${round}`);
      expect(actionsOf(mine)[0].title).toBe("Table notes");
      const table = await fetchDialog("tps.partner", { activityId }, someone);
      expect(table.body.task.value.title).toBe("My group");

      // Each table notes its ideas in one shared text.
      for (const [t, members] of tables.entries()) {
        const writer = members[0] as Person;
        const dialog = await fetchDialog("activity.write", { activityId, kind: "table-notes" }, writer);
        expect(dialog.body.task.value.title).toBe("Our table notes");
        const save = actionsOf(dialog.body.task.value.card.content)[0];
        const saved = await submitDialog(
          "activity.saveWriting",
          { ...save.data, text: `Round ${round}, table ${t + 1}: a buddy in week one` },
          writer,
        );
        expect(saved.body.task.value).toMatch(/^Saved: your group's table notes/);
      }
    }
    // New tables every round, as few people meeting twice as 12 at tables of 4 allow (3 pairs).
    const met = new Map<string, number>();
    for (const tables of seatings)
      for (const t of tables)
        for (const a of t)
          for (const b of t)
            if (a.id < b.id) met.set(`${a.id}|${b.id}`, (met.get(`${a.id}|${b.id}`) ?? 0) + 1);
    expect([...met.values()].filter((n) => n > 1)).toHaveLength(3);

    // Two at one table edit its notes at once: the second gets both texts, nothing is lost.
    const [a, b] = (seatings[2] ?? [])[1] as [Person, Person];
    const opened = await fetchDialog("activity.write", { activityId, kind: "table-notes" }, a);
    const etag = actionsOf(opened.body.task.value.card.content)[0].data.etag;
    expect(etag).toBeTruthy();
    const first = await submitDialog(
      "activity.saveWriting",
      {
        activityId,
        kind: "table-notes",
        etag,
        text: "Round 3, table 2: buddies, and a map of who knows what",
      },
      a,
    );
    expect(first.body.task.value).toMatch(/^Saved/);
    const clash = await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "table-notes", etag, text: "Name one owner for onboarding" },
      b,
    );
    expect(clash.body.task.type).toBe("continue");
    const both = clash.body.task.value.card.content;
    expect(JSON.stringify(both)).toContain("a map of who knows what");
    expect(JSON.stringify(both)).toContain("Name one owner for onboarding");
    const merged = await submitDialog(
      "activity.saveWriting",
      { ...actionsOf(both)[0].data, text: valuesOf(both).text },
      b,
    );
    expect(merged.body.task.value).toMatch(/^Saved/);
  });

  it("harvests themes and pledges, and the close leaves one harvest entry and the pledges as commitments", async () => {
    expect((await next(3)).status).toBe(200);
    const harvest = await eventually(() => headed("Knowledge Café · Harvest")()[0], "the harvest card");
    expect(actionsOf(harvest).map((a: Card) => a.title)).toEqual([
      "Add theme",
      "Pledge",
      "Facilitator controls",
    ]);
    expect(actionsOf(harvest).filter((a: Card) => a.style === "positive")).toHaveLength(1);

    const noteTaker = people[0] as Person;
    const themes = ["A buddy in week one", "A small win in week two", "Write the unwritten rules down"];
    for (const [i, theme] of themes.entries()) {
      const res = await submitDialog(
        "activity.saveWriting",
        { activityId, kind: "theme", text: theme },
        noteTaker,
        `theme-${i}`,
      );
      expect(res.body.task.value).toMatch(/^Added: your theme/);
    }
    // Teams retries an invoke: the theme is kept once.
    await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "theme", text: themes[0] },
      noteTaker,
      "theme-0",
    );
    const listed = await fetchDialog("activity.write", { activityId, kind: "theme" }, people[5] as Person);
    expect(JSON.stringify(listed.body.task.value.card.content).split(themes[0] ?? "?")).toHaveLength(2);
    // An empty theme is refused in the dialog, with the box kept.
    const empty = await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "theme", text: " " },
      noteTaker,
    );
    expect(JSON.stringify(empty.body.task.value.card.content)).toContain("Write your theme first.");
    // A kind the café does not take is refused kindly.
    const odd = await fetchDialog("activity.write", { activityId, kind: "goal" }, noteTaker);
    expect(odd.body.task.value).toBe("Knowledge Café takes no such submission.");

    const pledgers = people.slice(0, 4);
    for (const p of pledgers) {
      const dialog = await fetchDialog("activity.write", { activityId, kind: "pledge" }, p);
      expect(dialog.body.task.value.title).toBe("My pledge");
      const res = await submitDialog(
        "activity.saveWriting",
        { activityId, kind: "pledge", text: `I will pair with a newcomer (${p.displayName})` },
        p,
      );
      expect(res.body.task.value).toMatch(
        /^Your pledge is saved\..*followed up at the community's next session/,
      );
    }
    // A pledge written again is edited, in place.
    const again = await fetchDialog("activity.write", { activityId, kind: "pledge" }, pledgers[0] as Person);
    expect(JSON.stringify(again.body.task.value.card.content)).toContain("I will pair with a newcomer");

    const ended = await submitDialog(
      "tps.controlDialog",
      { activityId, kind: "end" },
      facilitator,
      "cafe-end",
    );
    expect(ended.body.task.value).toMatch(/has ended/);
    const summary = await eventually(() => headed("Knowledge Café summary")()[0], "the summary");
    expect(summary.body.find((e: Card) => e.type === "FactSet").facts).toEqual([
      { title: "Took part", value: "12" },
      { title: "Groups", value: "3" },
      { title: "Table notes", value: "9" },
      { title: "Themes", value: "3" },
      { title: "Pledges", value: "4" },
    ]);

    // The meeting chat's summary invites the pledges still missing: one written after the end counts.
    const invite = actionsOf(summary)[0];
    expect(invite).toMatchObject({
      title: "Pledge",
      data: { verb: "activity.write", kind: "pledge", activityId },
    });
    const late = people[6] as Person;
    const afterEnd = await fetchDialog(invite.data.verb, invite.data, late);
    expect(afterEnd.body.task.value.title).toBe("My pledge");
    const pledged = await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "pledge", text: `I will pair with a newcomer (${late.displayName})` },
      late,
    );
    expect(pledged.body.task.value).toMatch(/^Your pledge is saved/);
    pledgers.push(late);

    // One harvest entry in the library: every theme and the tables' notes, linked to the meeting.
    const member = demoPeople(org)[1] as Person;
    const entry = await eventually(async () => {
      const res = await api(
        member.id,
        `/communities/${server.demoCommunityId}/entries/knowledge-cafe-${activityId}-harvest`,
      );
      return res.status === 200 ? res.body : undefined;
    }, "the harvest entry");
    const harvestEntry = entry;
    for (const theme of themes) expect(harvestEntry.body.split(theme)).toHaveLength(2);
    expect(harvestEntry.body).toContain("a map of who knows what");
    expect(harvestEntry.body).toContain("Name one owner for onboarding");
    expect(harvestEntry.source).toMatchObject({ kind: "meeting", meetingId: MEETING_ID, activityId });
    // The pledges are commitments, followed through in each pledger's My learning.
    for (const p of pledgers) {
      const mine = await api(p.id, "/me/commitments");
      expect(mine.status).toBe(200);
      expect(JSON.stringify(mine.body)).toContain(`I will pair with a newcomer (${p.displayName})`);
    }
  });
});
