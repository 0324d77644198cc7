import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STEERING_FORBIDDEN } from "../../src/domain/activities/activityService.js";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import {
  FIXTURE_TENANT_ID,
  invokeActivity,
  postActivity,
  postInvoke,
  teamsUser,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/** A meeting scheduled in the community's channel: its conversation is a thread of the channel. */
const CHANNEL_MEETING = `${DEMO_TEAM.channelId};messageid=1733300000000`;
const MEETING_ID = "MCMxOTpkZW1vLWRhdGEtZ2VuZXJhbEB0aHJlYWQudGFjdjIjMTczMzMwMDAwMDAwMA==";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Card = any;

const cardOf = (activity: RecordedActivity | undefined): Card =>
  activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;

/**
 * A channel meeting, as the channel-meeting RSC permissions serve it: the start event
 * (`ChannelMeeting.ReadBasic.Group`), and meeting roles and participant events
 * (`ChannelMeetingParticipant.Read.Group`) for steering and placing late joiners.
 */
describe("a community's channel meeting", () => {
  const connector = new ConnectorRecorder();
  let server: TestServer;
  const [facilitator, presenter, attendee, ...others] = demoPeople(org) as Person[];
  const early = others.slice(0, 3);
  const latecomer = org.users.find(
    (u) => u.department && !demoPeople(org).some((p) => p.id === u.id),
  ) as Person;
  let sequence = 0;
  let activityId = "";

  /** The envelope Teams sends from a channel meeting: the team, the channel and the meeting. */
  const inChannelMeeting = (activity: Record<string, unknown>) => ({
    ...activity,
    conversation: {
      id: CHANNEL_MEETING,
      conversationType: "channel",
      isGroup: true,
      tenantId: FIXTURE_TENANT_ID,
    },
    channelData: {
      tenant: { id: FIXTURE_TENANT_ID },
      team: { id: DEMO_TEAM.teamId },
      channel: { id: DEMO_TEAM.channelId },
      meeting: { id: MEETING_ID },
    },
  });
  const invoke = (name: string, value: unknown, as: Person) =>
    postInvoke(
      server.baseUrl,
      inChannelMeeting(
        invokeActivity(name, value, {
          serviceUrl: connector.serviceUrl,
          conversationType: "channel",
          from: teamsUser(as),
          activityId: `channel-${sequence++}`,
        }),
      ),
    );
  const execute = (verb: string, data: Record<string, unknown>, as: Person) =>
    invoke("adaptiveCard/action", { action: { type: "Action.Execute", verb, data: { verb, ...data } } }, as);
  const event = (name: string, value: unknown) =>
    inChannelMeeting({
      ...invokeActivity("", undefined, {
        serviceUrl: connector.serviceUrl,
        from: teamsUser(facilitator as Person),
      }),
      type: "event",
      name,
      value,
    });

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    connector.setMeetingRole(MEETING_ID, presenter as Person, "Presenter");
    connector.setMeetingRole(MEETING_ID, attendee as Person, "Attendee");
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  it("hears the meeting start (ChannelMeeting.ReadBasic.Group) and says how to run an activity", async () => {
    const started = await postActivity(
      server.baseUrl,
      event("application/vnd.microsoft.meetingStart", {
        Id: MEETING_ID,
        Title: "Data community call",
        MeetingType: "Scheduled",
        StartTime: "2026-12-04T10:00:00Z",
      }),
    );
    expect(started.status).toBe(200);
    await connector.waitFor(1);
    expect(connector.activities[0]?.conversationId).toBe(CHANNEL_MEETING);
    expect(cardOf(connector.activities[0]).body[0].text).toBe("Data community call has started");
  });

  it("lets the meeting's presenter steer and refuses an attendee (ChannelMeetingParticipant.Read.Group)", async () => {
    const created = await invoke(
      "task/submit",
      {
        data: {
          verb: "tps.create",
          prompt: "What did the last release teach us?",
          think: 2,
          pair: 5,
          share: 5,
          pairingRule: "random",
          communityId: server.demoCommunityId,
        },
      },
      facilitator as Person,
    );
    activityId = created.body.task.value.card.content.actions[0].data.activityId;
    expect(activityId).toMatch(/^[0-9a-f]{32}$/);
    for (const p of early) expect((await execute("tps.join", { activityId }, p)).status).toBe(200);

    const refused = await execute(
      "tps.control",
      { activityId, kind: "next", phaseIndex: 0 },
      attendee as Person,
    );
    expect(refused.body.value).toBe(STEERING_FORBIDDEN);
    const moved = await execute(
      "tps.control",
      { activityId, kind: "next", phaseIndex: 0 },
      presenter as Person,
    );
    expect(JSON.stringify(moved.body.value)).toContain("Think-pair-share · Pair");
    expect(connector.participantLookups.map((l) => l.meetingId)).toEqual([MEETING_ID, MEETING_ID]);
  });

  it("places someone who joins the channel meeting after pairing", async () => {
    const joined = await postActivity(
      server.baseUrl,
      event("application/vnd.microsoft.meetingParticipantJoin", {
        members: [{ user: teamsUser(latecomer), meeting: { inMeeting: true, role: "Attendee" } }],
      }),
    );
    expect(joined.status).toBe(200);
    const own = await execute("tps.refresh", { activityId }, latecomer);
    expect(JSON.stringify(own.body.value)).toContain("You have joined.");
    expect(JSON.stringify(own.body.value)).toMatch(/Your (partner|group)/);
    // An event Teams never sends (members not a list) is ignored: nobody is added, nothing fails.
    const odd = await postActivity(
      server.baseUrl,
      event("application/vnd.microsoft.meetingParticipantJoin", { members: "everyone" }),
    );
    expect(odd.status).toBe(200);
    const facilitatorView = await execute("tps.refresh", { activityId }, facilitator as Person);
    expect(JSON.stringify(facilitatorView.body.value)).toContain(`${early.length + 1} joined`);
    // Leaving is heard and changes no group.
    const left = await postActivity(
      server.baseUrl,
      event("application/vnd.microsoft.meetingParticipantLeave", {
        members: [{ user: teamsUser(latecomer), meeting: { inMeeting: false, role: "Attendee" } }],
      }),
    );
    expect(left.status).toBe(200);
    const still = await execute("tps.refresh", { activityId }, latecomer);
    expect(JSON.stringify(still.body.value)).toMatch(/Your (partner|group)/);
  });
});
