import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE_AFTER_END_MS } from "../../src/domain/activities/activityRepository.js";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import {
  installInDemoTeam,
  invokeActivity,
  messageActivity,
  postActivity,
  postInvoke,
  teamsUser,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/** A Teams meeting chat: a group chat whose activities carry the meeting id in channelData. */
const MEETING_CHAT = "19:meeting_Y2FmZTQ0YjEtMmE4OC00NzE2@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1kyRm1aVFEwWWpFdE1tRTRPQzAwTnpFMkB0aHJlYWQudjIjMA==";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Card = any;

function cardOf(activity: RecordedActivity | undefined): Card {
  return activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

/** Every action of a card (top-level and inside ActionSets), flattened. */
function actionsOf(card: Card): Card[] {
  const inBody = (card?.body ?? []).flatMap((e: Card) => (e.type === "ActionSet" ? e.actions : []));
  return [...(card?.actions ?? []), ...inBody];
}

async function eventually<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

describe("think-pair-share over the Bot Framework protocol: 40 people in a meeting chat", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const facilitator = demoPeople(org)[0] as Person;
  // 40 people of the synthetic org with a department: 39 join before pairing, one joins late.
  const people = org.users.filter((u) => u.department && u.id !== facilitator.id).slice(0, 40) as (Person & {
    department: string;
    mail?: string;
  })[];
  const early = people.slice(0, 39);
  const late = people[39] as Person;
  const department = new Map(org.users.map((u) => [u.id, u.department]));
  let activityId = "";
  let sequence = 0;

  const meetingActivity = <
    T extends { channelData: Record<string, unknown>; conversation: Record<string, unknown> },
  >(
    activity: T,
  ) => {
    activity.channelData.meeting = { id: MEETING_ID };
    return activity;
  };
  const invoke = (name: string, value: unknown, as: Person, activityId?: string) =>
    postInvoke(
      server.baseUrl,
      meetingActivity(
        invokeActivity(name, value, {
          serviceUrl: connector.serviceUrl,
          conversationType: "groupChat",
          conversationId: MEETING_CHAT,
          from: teamsUser(as),
          activityId: activityId ?? `invoke-${sequence++}`,
        }),
      ),
    );
  const execute = (
    verb: string,
    data: Record<string, unknown>,
    as: Person,
    id?: string,
    trigger = "manual",
  ) =>
    invoke(
      "adaptiveCard/action",
      { action: { type: "Action.Execute", verb, data: { verb, ...data } }, trigger },
      as,
      id,
    );
  const fetchDialog = (verb: string, data: Record<string, unknown>, as: Person) =>
    invoke("task/fetch", { data: { msteams: { type: "task/fetch" }, verb, ...data } }, as);
  const submitDialog = (verb: string, data: Record<string, unknown>, as: Person, id?: string) =>
    invoke("task/submit", { data: { verb, ...data } }, as, id);

  const sentToMeeting = () => connector.activities.filter((a) => a.conversationId === MEETING_CHAT);
  const cardsInMeeting = () => sentToMeeting().map(cardOf).filter(Boolean);
  const headed = (prefix: string) => () =>
    cardsInMeeting().filter((c) => String(c.body?.[0]?.text ?? "").startsWith(prefix));

  async function api(userId: string, route: string) {
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      headers: { authorization: `Bearer ${await tokenFor(server.baseUrl, userId)}` },
    });
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    // The app installed in the community's team: the bot learns where the channel is.
    await installInDemoTeam(server.baseUrl, connector, DEMO_TEAM);
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  it("sets up from the chat command and a dialog, and posts the think card once (retried set-up too)", async () => {
    const command = meetingActivity(
      messageActivity("tps What slows our team down most?", {
        serviceUrl: connector.serviceUrl,
        conversationType: "groupChat",
        conversationId: MEETING_CHAT,
        from: teamsUser(facilitator),
      }),
    );
    await postActivity(server.baseUrl, command);
    await connector.waitFor(1);
    const invitation = cardOf(connector.activities[0]);
    const setupButton = invitation.actions[0];
    expect(setupButton.data).toMatchObject({ msteams: { type: "task/fetch" }, verb: "tps.setup" });
    expect(setupButton.data.prompt).toBe("What slows our team down most?");

    const fetched = await fetchDialog("tps.setup", { prompt: setupButton.data.prompt }, facilitator);
    expect(fetched.status).toBe(200);
    const form = fetched.body.task.value.card.content;
    expect(form.version).toBe("1.5");
    const values = Object.fromEntries(
      (form.body as Card[])
        .flatMap((e) => (e.type === "ColumnSet" ? e.columns.flatMap((c: Card) => c.items) : [e]))
        .filter((e: Card) => e.id)
        .map((e: Card) => [e.id, e.value]),
    );
    expect(values).toMatchObject({ think: 2, pair: 5, share: 5, pairingRule: "cross-department" });
    expect(values.communityId).toBe(server.demoCommunityId);

    const created = await submitDialog("tps.create", values, facilitator, "setup-1");
    expect(created.status).toBe(200);
    expect(JSON.stringify(created.body)).toContain("Facilitator controls");
    const retried = await submitDialog("tps.create", values, facilitator, "setup-1");
    expect(retried.status).toBe(200);

    const thinkCards = await eventually(() => {
      const found = headed("Think-pair-share · Think")();
      return found.length > 0 ? found : undefined;
    }, "the think card");
    await new Promise((r) => setTimeout(r, 300));
    expect(headed("Think-pair-share · Think")()).toHaveLength(1);
    const think = thinkCards[0];
    expect(JSON.stringify(think)).toContain("What slows our team down most?");
    const join = actionsOf(think).find((a) => a.verb === "tps.join");
    expect(join.type).toBe("Action.Execute");
    expect(join.fallback.type).toBe("Action.Submit");
    expect(
      actionsOf(think).some((a) => a.data?.verb === "tps.reflect" && a.data.msteams.type === "task/fetch"),
    ).toBe(true);
    // The facilitator's copy refreshes into their controls: Teams matches its Teams id (29:…).
    expect(think.refresh.userIds).toEqual([teamsUser(facilitator).id]);
    // At most three buttons, one primary, the controls in the "…" menu.
    expect(actionsOf(think).map((a) => a.title)).toEqual(["Reflect", "Join", "Facilitator controls"]);
    expect(actionsOf(think).find((a) => a.title === "Facilitator controls").mode).toBe("secondary");
    activityId = join.data.activityId;
    expect(activityId).toMatch(/^[0-9a-f]{32}$/);
    expect(Buffer.byteLength(JSON.stringify(think))).toBeLessThan(28_000);
  });

  it("lets everyone join (Action.Execute) and write a private reflection (dialog), idempotently", async () => {
    await inBatches(early.slice(0, 38), 10, async (p) => {
      const res = await execute("tps.join", { activityId }, p);
      expect(res.status).toBe(200);
      expect(res.body.type).toBe("application/vnd.microsoft.card.adaptive");
      expect(JSON.stringify(res.body.value)).toContain("You have joined.");
    });
    // A retried join (same invoke id) changes nothing.
    const first = early[0] as Person;
    await execute("tps.join", { activityId }, first, "join-retry");
    await execute("tps.join", { activityId }, first, "join-retry");

    const dialog = await fetchDialog("tps.reflect", { activityId }, first);
    expect(dialog.body.task.type).toBe("continue");
    expect(JSON.stringify(dialog.body.task.value.card.content)).toContain("Only you will ever see this");
    // The 39th writes a reflection without pressing Join: writing joins them.
    await inBatches(early, 10, async (p) => {
      const res = await submitDialog(
        "tps.saveReflection",
        { activityId, text: `Reflection of ${p.displayName}` },
        p,
      );
      expect(res.body.task).toMatchObject({ type: "message" });
      expect(res.body.task.value).toMatch(/reflection is saved/);
    });
    const empty = await submitDialog("tps.saveReflection", { activityId, text: "  " }, first);
    expect(empty.body.task.type).toBe("continue");
    expect(JSON.stringify(empty.body)).toContain("Write your reflection first.");

    const mine = await fetchDialog("tps.reflect", { activityId }, first);
    expect(JSON.stringify(mine.body)).toContain(`Reflection of ${first.displayName}`);
    // Somebody else's dialog never holds another person's reflection.
    const other = await fetchDialog("tps.reflect", { activityId }, early[1] as Person);
    expect(JSON.stringify(other.body)).not.toContain(`Reflection of ${first.displayName}`);
  });

  it("gives the facilitator controls (refresh), refuses them to others, and a retried next moves once", async () => {
    const refreshed = await execute("tps.refresh", { activityId }, facilitator, undefined, "automatic");
    // The facilitator's own view: the next step in place, everything else in the controls dialog.
    const actions = actionsOf(refreshed.body.value);
    expect(actions.filter((a) => a.verb === "tps.control").map((c) => c.data.kind)).toEqual(["next"]);
    expect(actions.length).toBeLessThanOrEqual(3);
    expect(actions.some((a) => a.data?.verb === "tps.controls" && a.mode === "secondary")).toBe(true);
    expect(JSON.stringify(refreshed.body.value)).toContain("39 joined · 39 reflected");
    const dialogControls = await fetchDialog("tps.controls", { activityId }, facilitator);
    expect(actionsOf(dialogControls.body.task.value.card.content).map((a: Card) => a.data.kind)).toEqual([
      "next",
      "extend",
      "pause",
      "end",
    ]);

    const notAllowed = await execute(
      "tps.control",
      { activityId, kind: "next", phaseIndex: 0 },
      early[2] as Person,
    );
    expect(notAllowed.body.type).toBe("application/vnd.microsoft.activity.message");
    expect(notAllowed.body.value).toMatch(/Only the meeting.s organiser, its presenters or the facilitator/);
    const controlsDialog = await fetchDialog("tps.controls", { activityId }, early[2] as Person);
    expect(controlsDialog.body.task.type).toBe("message");

    for (let i = 0; i < 2; i++) {
      const next = await execute(
        "tps.control",
        { activityId, kind: "next", phaseIndex: 0 },
        facilitator,
        "next-think",
      );
      expect(next.status).toBe(200);
      expect(JSON.stringify(next.body.value)).toContain("Think-pair-share · Pair");
    }
  });

  it("pairs everyone: pair list with mentions, cross-department, one trio for 39, the late joiner placed", async () => {
    const pairCards = await eventually(() => {
      const found = headed("Pairs")();
      return found.length > 0 ? found : undefined;
    }, "the pair list");
    await eventually(() => headed("Think-pair-share · Pair")().length === 1, "the pair card");
    const entities = pairCards.flatMap((c: Card) => c.msteams.entities);
    expect(
      entities.every((e: Card) => e.type === "mention" && e.text === `<at>${e.mentioned.name}</at>`),
    ).toBe(true);
    expect(new Set(entities.map((e: Card) => e.mentioned.id))).toEqual(new Set(early.map((p) => p.id)));
    for (const card of pairCards) {
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
      expect(card.refresh.userIds.length).toBeLessThanOrEqual(60);
    }
    // Groups as the pair list shows them: one line per group, `<at>A</at> & <at>B</at>`.
    const lines: string[] = pairCards.flatMap((c: Card) => String(c.body.at(-1).text).split("\n\n"));
    const nameToId = new Map(early.map((p) => [`<at>${p.displayName}</at>`, p.id]));
    const groups = lines.map((l) => l.split(" & ").map((m) => nameToId.get(m)));
    expect(groups.filter((g) => g.length === 3)).toHaveLength(1);
    expect(groups.filter((g) => g.length === 2)).toHaveLength(18);
    const pairs = groups.filter((g) => g.length === 2);
    const crossDepartment = pairs.filter(
      ([a, b]) => department.get(a ?? "") !== department.get(b ?? ""),
    ).length;
    expect(crossDepartment / pairs.length).toBeGreaterThanOrEqual(0.9);

    // Each person's partner: a dialog with a one-click chat (by mail when the directory has it).
    const someone = early[0] as Person & { mail?: string };
    const partnerDialog = await fetchDialog("tps.partner", { activityId }, someone);
    const partnerCard = partnerDialog.body.task.value.card.content;
    const partnerIds = groups.find((g) => g.includes(someone.id))?.filter((id) => id !== someone.id) ?? [];
    const partner = org.users.find((u) => u.id === partnerIds[0]);
    expect(JSON.stringify(partnerCard)).toContain(partner?.displayName ?? "?");
    const chat = actionsOf(partnerCard).find((a: Card) => a.type === "Action.OpenUrl");
    expect(chat.url).toBe(
      `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(partner?.mail ?? partner?.id ?? "")}`,
    );
    // The per-person refresh of the pair list shows the partner too.
    const own = await execute("tps.refresh", { activityId }, someone, undefined, "automatic");
    expect(JSON.stringify(own.body.value)).toContain(`Your partner: **${partner?.displayName}`);

    // The late joiner opens their partner: they are joined and placed, nobody is left alone.
    const lateDialog = await fetchDialog("tps.partner", { activityId }, late);
    expect(JSON.stringify(lateDialog.body.task.value.card.content)).toMatch(/Your (partner|group)/);
    expect(JSON.stringify(lateDialog.body.task.value.card.content)).not.toContain("waiting for a partner");
    // The pair list in the chat is updated in place (once) to show where the late joiner is.
    const pairListIds = connector.activities
      .filter((a) => String(cardOf(a)?.body?.[0]?.text ?? "").startsWith("Pairs"))
      .map((a) => a.id);
    const update = await eventually(
      () => connector.updates.find((u) => JSON.stringify(u.body).includes(`<at>${late.displayName}</at>`)),
      "the updated pair list",
    );
    expect(pairListIds).toContain(update.messageId);
    await new Promise((r) => setTimeout(r, 500));
    expect(connector.updates.filter((u) => u.messageId === update.messageId)).toHaveLength(1);
  });

  it("takes one key insight per pair; a partner's concurrent edit comes back with both texts", async () => {
    const view = await execute("tps.refresh", { activityId }, facilitator, undefined, "automatic");
    expect(JSON.stringify(view.body.value)).toContain("40 joined");
    // Pairs as the tab API sees them (the facilitator's view of the activity).
    const state = await api(facilitator.id, `/activities/${activityId}`);
    expect(state.status).toBe(200);
    const groups: { id: string; members: Person[] }[] = state.body.activity.groups;
    expect(groups.flatMap((g) => g.members.map((m) => m.id)).sort()).toEqual(people.map((p) => p.id).sort());

    const [contested, ...rest] = groups;
    if (!contested) throw new Error("no groups");
    const [a, b] = contested.members as [Person, Person];
    const opened = await fetchDialog("tps.share", { activityId }, a);
    expect(opened.body.task.type).toBe("continue");
    const saved = await submitDialog(
      "tps.saveShare",
      { activityId, text: "Meetings without agendas" },
      a,
      "share-a",
    );
    expect(saved.body.task.value).toMatch(/insight is saved/);
    // Teams retries the invoke: recognised, not a conflict.
    const retried = await submitDialog(
      "tps.saveShare",
      { activityId, text: "Meetings without agendas" },
      a,
      "share-a",
    );
    expect(retried.body.task.value).toMatch(/insight is saved/);
    // b had the dialog open before a saved (no etag): gets both texts, nothing lost.
    const clash = await submitDialog(
      "tps.saveShare",
      { activityId, text: "Waiting for approvals" },
      b,
      "share-b",
    );
    expect(clash.body.task.type).toBe("continue");
    const clashCard = JSON.stringify(clash.body.task.value.card.content);
    expect(clashCard).toContain("Meetings without agendas");
    expect(clashCard).toContain("Waiting for approvals");
    const save = actionsOf(clash.body.task.value.card.content)[0];
    const merged = await submitDialog(
      "tps.saveShare",
      { ...save.data, text: "Meetings without agendas, and waiting for approvals" },
      b,
      "share-b2",
    );
    expect(merged.body.task.value).toMatch(/insight is saved/);

    await inBatches(rest, 10, async (g) => {
      const writer = g.members[g.members.length - 1] as Person;
      const res = await submitDialog(
        "tps.saveShare",
        { activityId, text: `Insight of ${g.id}: ${writer.displayName}` },
        writer,
      );
      expect(res.body.task.value).toMatch(/insight is saved/);
    });
  });

  it("closes: commitments invited, summary to the meeting chat and the community channel, library entries", async () => {
    await execute("tps.control", { activityId, kind: "next", phaseIndex: 1 }, facilitator, "next-pair");
    await eventually(() => headed("Think-pair-share · Share")().length === 1, "the share card");
    await execute("tps.control", { activityId, kind: "next", phaseIndex: 2 }, facilitator, "next-share");
    // The close phase's card is the one invitation to commit.
    const close = await eventually(() => headed("Think-pair-share · Close")()[0], "the close card");
    expect(actionsOf(close).map((a: Card) => a.title)).toEqual(["Commit", "Facilitator controls"]);

    const committers = people.slice(0, 12);
    await inBatches(committers, 6, async (p) => {
      const res = await submitDialog(
        "tps.saveCommitment",
        { activityId, text: `Try a written agenda (${p.displayName})` },
        p,
      );
      expect(res.body.task.value).toMatch(/commitment is saved/);
    });

    const endedAt = Date.now();
    const ended = await submitDialog("tps.controlDialog", { activityId, kind: "end" }, facilitator, "end-1");
    expect(ended.body.task.value).toMatch(/has ended/);
    const summary = await eventually(() => headed("Think-pair-share summary")()[0], "the summary");
    // Closed a moment after the end, not at once: what the grace still took is in it.
    expect(Date.now() - endedAt).toBeGreaterThanOrEqual(CLOSE_AFTER_END_MS);
    const text = JSON.stringify(summary);
    expect(text).toContain("What slows our team down most?");
    expect(summary.body.find((e: Card) => e.type === "FactSet").facts).toEqual([
      { title: "Took part", value: "40" },
      { title: "Reflected", value: "39" },
      // 39 paired (18 pairs and a trio); the late joiner made one pair a trio: nobody is alone.
      { title: "Groups", value: "19" },
      { title: "Insights shared", value: "19" },
      { title: "Commitments", value: "12" },
    ]);
    expect(text).toContain("Meetings without agendas, and waiting for approvals");
    expect(Buffer.byteLength(text)).toBeLessThan(80_000);
    const toChannel = await eventually(
      () => connector.activities.find((a) => a.conversationId === DEMO_TEAM.channelId),
      "the summary in the community channel",
    );
    expect(JSON.stringify(cardOf(toChannel))).toContain("Think-pair-share summary");
    // Only the meeting chat's copy invites the commitments still missing; both open the library.
    expect(actionsOf(summary).map((a: Card) => a.title)).toEqual(["Commit", "Open the library"]);
    expect(actionsOf(cardOf(toChannel)).map((a: Card) => a.title)).toEqual(["Open the library"]);
    expect(headed("One commitment each")()).toHaveLength(0);
    // Someone who did not take part cannot commit to it afterwards (from a forwarded card, say).
    const outsider = org.users.find(
      (u) => !people.some((p) => p.id === u.id) && u.id !== facilitator.id,
    ) as Person;
    const refused = await submitDialog("tps.saveCommitment", { activityId, text: "Not mine" }, outsider);
    expect(refused.body.task.value).toMatch(/Only people who took part/);

    // Every shared insight is in the library, linked to the meeting, readable by a member.
    const member = demoPeople(org)[1] as Person;
    const state = await api(facilitator.id, `/activities/${activityId}`);
    const groups: { id: string }[] = state.body.activity.groups;
    for (const g of groups) {
      const entry = await api(
        member.id,
        `/communities/${server.demoCommunityId}/entries/tps-${activityId}-${g.id}`,
      );
      expect(entry.status).toBe(200);
      expect(entry.body.source).toMatchObject({ kind: "meeting", meetingId: MEETING_ID, activityId });
      expect(entry.body.tags).toContain("think-pair-share");
    }
    // Commitments in My learning.
    const learning = await api(committers[0]?.id ?? "", "/me/learning");
    expect(JSON.stringify(learning.body.commitments)).toContain("Try a written agenda");
    // Pair conversations recorded as learning interactions: every member of a group with every
    // other, once each way (a trio three times two), and nobody outside their group.
    const store = await TableStore.connect({
      connectionString: server.config.storage.connectionString,
      tablePrefix: server.config.storage.tablePrefix,
    });
    const interactions = (
      await new TablesEntryRepository(store).listInteractions(
        org.tenantId.toLowerCase(),
        server.demoCommunityId,
        "",
      )
    ).filter((i) => i.kind === "paired");
    const pairs = interactions.map((i) => `${i.from.id}>${i.to.id}`);
    const members: { id: string }[][] = state.body.activity.groups.map(
      (g: { members: { id: string }[] }) => g.members,
    );
    const expected = members.flatMap((group) =>
      group.flatMap((from) => group.filter((to) => to.id !== from.id).map((to) => `${from.id}>${to.id}`)),
    );
    expect(expected).toHaveLength(17 * 2 + 2 * 6);
    expect(pairs.sort()).toEqual(expected.sort());
    const home = await api(facilitator.id, `/communities/${server.demoCommunityId}/home`);
    expect(home.status).toBe(200);

    // The end is announced once, even when the facilitator's end is retried.
    await submitDialog("tps.controlDialog", { activityId, kind: "end" }, facilitator, "end-1");
    await new Promise((r) => setTimeout(r, 500));
    expect(headed("Think-pair-share summary")()).toHaveLength(1);
    expect(headed("Think-pair-share · Think")()).toHaveLength(1);
    expect(headed("Think-pair-share · Pair")()).toHaveLength(1);
  });
});
