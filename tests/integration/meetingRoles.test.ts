import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STEERING_FORBIDDEN } from "../../src/domain/activities/activityService.js";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import {
  FIXTURE_TENANT_ID,
  installInDemoTeam,
  invokeActivity,
  postActivity,
  postInvoke,
  teamsUser,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/** A Teams meeting chat and its meeting id (channelData.meeting.id). */
const MEETING_CHAT = "19:meeting_cm9sZXMtYW5kLXByZXNlbmNl@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2NtOXNaWE10WVc1a0xYQnlaWE5sYm1ObEB0aHJlYWQudjIjMA==";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Card = any;

function cardOf(activity: RecordedActivity | undefined): Card {
  return activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

async function eventually<T>(
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Meeting roles and presence over the Bot Framework protocol, two server instances sharing one
 * set of tables: the meeting's organiser and presenters steer an activity (Get meeting
 * participant, answered by the Bot Connector stand-in), attendees are told kindly and change
 * nothing, and someone joining the meeting after the groups were formed is placed once.
 */
describe("meeting roles and presence: who steers, who is placed", () => {
  const connector = new ConnectorRecorder();
  let first: TestServer;
  let second: TestServer;
  const [facilitator, presenter, attendee, unknown, ...others] = demoPeople(org) as Person[];
  const early = others.slice(0, 4);
  const latecomer = org.users.find(
    (u) => u.department && !demoPeople(org).some((p) => p.id === u.id),
  ) as Person;
  let activityId = "";
  let sequence = 0;

  const invoke = (server: TestServer, name: string, value: unknown, as: Person) => {
    const activity = invokeActivity(name, value, {
      serviceUrl: connector.serviceUrl,
      conversationType: "groupChat",
      conversationId: MEETING_CHAT,
      from: teamsUser(as),
      activityId: `roles-${sequence++}`,
    });
    (activity.channelData as Record<string, unknown>).meeting = { id: MEETING_ID };
    return postInvoke(server.baseUrl, activity);
  };
  const execute = (server: TestServer, verb: string, data: Record<string, unknown>, as: Person) =>
    invoke(
      server,
      "adaptiveCard/action",
      { action: { type: "Action.Execute", verb, data: { verb, ...data } } },
      as,
    );
  const fetchDialog = (server: TestServer, verb: string, data: Record<string, unknown>, as: Person) =>
    invoke(server, "task/fetch", { data: { msteams: { type: "task/fetch" }, verb, ...data } }, as);

  async function api(server: TestServer, who: Person, method: string, route: string, body?: unknown) {
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, who.id)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  }
  const phaseIndex = async () =>
    (await api(first, facilitator as Person, "GET", `/activities/${activityId}`)).body.activity.state
      .phaseIndex as number;

  /** Teams' participant join event for the meeting chat (Microsoft's documented payload). */
  const participantJoined = (people: Person[]) => {
    const activity = invokeActivity("", undefined, {
      serviceUrl: connector.serviceUrl,
      conversationType: "groupChat",
      conversationId: MEETING_CHAT,
      from: teamsUser(facilitator as Person),
    }) as Record<string, unknown>;
    return {
      ...activity,
      type: "event",
      name: "application/vnd.microsoft.meetingParticipantJoin",
      channelData: { tenant: { id: FIXTURE_TENANT_ID }, meeting: { id: MEETING_ID } },
      value: {
        members: people.map((p) => ({
          user: { ...teamsUser(p), tenantId: FIXTURE_TENANT_ID, role: "user" },
          meeting: { inMeeting: true, role: "Attendee" },
        })),
      },
    };
  };

  beforeAll(async () => {
    await connector.start();
    first = await startTestServer({ demo: true });
    second = await startTestServer({ demo: true, env: { TABLE_PREFIX: first.config.storage.tablePrefix } });
    await installInDemoTeam(first.baseUrl, connector, DEMO_TEAM);
    connector.setMeetingRole(MEETING_ID, presenter as Person, "Presenter");
    connector.setMeetingRole(MEETING_ID, attendee as Person, "Attendee");
    for (const p of early) connector.setMeetingRole(MEETING_ID, p, "Attendee");
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await connector.stop();
  });

  it("sets up in the meeting chat; the facilitator is not asked about", async () => {
    const created = await invoke(
      first,
      "task/submit",
      {
        data: {
          verb: "tps.create",
          prompt: "Who steers this meeting?",
          think: 2,
          pair: 5,
          share: 5,
          pairingRule: "random",
          communityId: first.demoCommunityId,
        },
      },
      facilitator as Person,
    );
    expect(created.status).toBe(200);
    const controls = created.body.task.value.card.content;
    activityId = controls.actions[0].data.activityId;
    expect(activityId).toMatch(/^[0-9a-f]{32}$/);
    for (const p of early) expect((await execute(second, "tps.join", { activityId }, p)).status).toBe(200);
    expect(connector.participantLookups.filter((l) => l.participantId === facilitator?.id)).toEqual([]);
  });

  it("answers an attendee kindly and changes nothing, asking Teams once for a burst of clicks", async () => {
    const refused = await execute(
      first,
      "tps.control",
      { activityId, kind: "next", phaseIndex: 0 },
      attendee as Person,
    );
    expect(refused.status).toBe(200);
    expect(refused.body.type).toBe("application/vnd.microsoft.activity.message");
    expect(refused.body.value).toBe(STEERING_FORBIDDEN);
    const again = await execute(first, "tps.control", { activityId, kind: "pause" }, attendee as Person);
    expect(again.body.value).toBe(STEERING_FORBIDDEN);
    const dialog = await fetchDialog(first, "tps.controls", { activityId }, attendee as Person);
    expect(dialog.body.task.type).toBe("message");
    expect(dialog.body.task.value).toContain(STEERING_FORBIDDEN);
    expect(dialog.body.task.value).not.toMatch(/only the facilitator/i);
    expect(await phaseIndex()).toBe(0);
    // The documented request: the meeting, the person's Entra id, the tenant; one per instance.
    const asked = connector.participantLookups.filter((l) => l.participantId === attendee?.id);
    expect(asked).toEqual([
      { meetingId: MEETING_ID, participantId: attendee?.id, tenantId: FIXTURE_TENANT_ID },
    ]);
  });

  it("lets a presenter open the controls and move the phase on", async () => {
    const dialog = await fetchDialog(second, "tps.controls", { activityId }, presenter as Person);
    expect(dialog.body.task.type).toBe("continue");
    const kinds = dialog.body.task.value.card.content.actions.map((a: Card) => a.data.kind);
    expect(kinds).toContain("next");
    const moved = await execute(
      second,
      "tps.control",
      { activityId, kind: "next", phaseIndex: 0 },
      presenter as Person,
    );
    expect(moved.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(JSON.stringify(moved.body.value)).toContain("Think-pair-share · Pair");
    expect(await phaseIndex()).toBe(1);
  });

  it("falls back to the facilitator alone when Teams refuses the lookup (permission not granted)", async () => {
    connector.participantStatus = 403;
    try {
      const refused = await execute(first, "tps.control", { activityId, kind: "pause" }, unknown as Person);
      expect(refused.body.value).toBe(STEERING_FORBIDDEN);
      expect(connector.participantLookups.some((l) => l.participantId === unknown?.id)).toBe(true);
      expect(
        (await api(first, facilitator as Person, "GET", `/activities/${activityId}`)).body.activity.state
          .status,
      ).toBe("running");
    } finally {
      connector.participantStatus = undefined;
    }
  });

  it("steers from the side panel's API by role: presenter yes, attendee 403 with the kind message", async () => {
    const presenterMay = await api(first, presenter as Person, "GET", `/activities/${activityId}/steering`);
    expect(presenterMay).toEqual({ status: 200, body: { maySteer: true } });
    const attendeeMay = await api(first, attendee as Person, "GET", `/activities/${activityId}/steering`);
    expect(attendeeMay).toEqual({ status: 200, body: { maySteer: false } });

    const refused = await api(first, attendee as Person, "POST", `/activities/${activityId}/controls`, {
      kind: "extend",
      phaseIndex: 1,
      minutes: 2,
      requestId: "panel-attendee",
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain(STEERING_FORBIDDEN);
    const extended = await api(first, presenter as Person, "POST", `/activities/${activityId}/controls`, {
      kind: "extend",
      phaseIndex: 1,
      minutes: 2,
      requestId: "panel-presenter",
    });
    expect(extended.status).toBe(200);
    expect(extended.body.activity.phases[1].minutes).toBeGreaterThanOrEqual(5);
    expect(extended.body.activity.state.phaseIndex).toBe(1);
    // Highlights are steering too: the attendee is refused for who they are, the presenter only
    // for the phase (insights are highlighted in the share phase).
    // A presenter's view counts the groups; their panel's group list asks for them.
    expect(extended.body.activity.groups).toBeUndefined();
    const listed = await api(first, presenter as Person, "GET", `/activities/${activityId}/groups`);
    expect(listed.body.groups).toHaveLength(extended.body.activity.groupCount);
    const groupId = listed.body.groups[0].id;
    const attendeeHighlight = await api(
      first,
      attendee as Person,
      "PUT",
      `/activities/${activityId}/highlights/${groupId}`,
    );
    expect(attendeeHighlight.status).toBe(403);
    expect(JSON.stringify(attendeeHighlight.body)).toContain(STEERING_FORBIDDEN);
    const presenterHighlight = await api(
      first,
      presenter as Person,
      "PUT",
      `/activities/${activityId}/highlights/${groupId}`,
    );
    expect(presenterHighlight.status).toBe(400);
    expect(JSON.stringify(presenterHighlight.body)).toContain("share phase");
  });

  it("places someone who joins the meeting after pairing once, though both instances hear of it", async () => {
    const before = await api(first, facilitator as Person, "GET", `/activities/${activityId}`);
    expect(before.body.activity.groups.length).toBeGreaterThan(0);
    // The pair list is in the chat (posted after the phase moved on).
    await eventually(
      () => connector.activities.some((a) => String(cardOf(a)?.body?.[0]?.text ?? "").startsWith("Pairs")),
      "the pair list",
    );

    const event = participantJoined([latecomer]);
    const answers = await Promise.all([
      postActivity(first.baseUrl, event),
      postActivity(second.baseUrl, event),
    ]);
    for (const answer of answers) expect(answer.status).toBeLessThan(300);

    const after = await api(second, facilitator as Person, "GET", `/activities/${activityId}`);
    const placements = after.body.activity.groups.flatMap((g: { members: Person[] }) =>
      g.members.filter((m) => m.id === latecomer.id),
    );
    expect(placements).toHaveLength(1);
    expect(after.body.activity.participantCount).toBe(before.body.activity.participantCount + 1);
    // The pair list in the chat shows where they are (updated in place, as for a late joiner).
    await eventually(
      () =>
        connector.updates.find((u) => JSON.stringify(u.body).includes(`<at>${latecomer.displayName}</at>`)),
      "the updated pair list",
    );
    // Their own view: a partner, not "waiting".
    const own = await execute(first, "tps.refresh", { activityId }, latecomer);
    expect(JSON.stringify(own.body.value)).toMatch(/Your (partner|group)/);

    // The facilitator rejoining the meeting (a dropped connection) is not put into a group.
    await postActivity(first.baseUrl, participantJoined([facilitator as Person]));
    const withFacilitator = await api(first, facilitator as Person, "GET", `/activities/${activityId}`);
    expect(
      withFacilitator.body.activity.groups.some((g: { members: Person[] }) =>
        g.members.some((m) => m.id === facilitator?.id),
      ),
    ).toBe(false);
    expect(withFacilitator.body.activity.me.joined).toBe(false);

    // Heard again (Teams retries): still one placement.
    await postActivity(second.baseUrl, event);
    const again = await api(first, facilitator as Person, "GET", `/activities/${activityId}`);
    expect(
      again.body.activity.groups.flatMap((g: { members: Person[] }) =>
        g.members.filter((m) => m.id === latecomer.id),
      ),
    ).toHaveLength(1);
  });
});
