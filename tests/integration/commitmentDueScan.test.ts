import { TeamsAdapter } from "@microsoft/teams-ai";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CommitmentCheckIns } from "../../src/bot/meetings/commitmentCheckIns.js";
import { ProactiveSender } from "../../src/bot/meetings/proactiveSender.js";
import { CommitmentService } from "../../src/domain/commitments/commitmentService.js";
import type { MeetingPlaceLookups } from "../../src/domain/commitments/meetingPlace.js";
import { createLogger } from "../../src/observability/logger.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommitmentRepository } from "../../src/storage/tablesCommitmentRepository.js";
import { TablesMeetingRepository } from "../../src/storage/tablesMeetingRepository.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { BOT_ID } from "../support/teamsActivities.js";
import { uniqueTablePrefix } from "../support/testServer.js";

const tenant = "tenant-due-scan";
const noPlaces: MeetingPlaceLookups = {
  communitiesOf: async () => [],
  sessionsOf: async () => [],
  activitiesOf: async () => [],
};

describe("due-day check-ins: two instances scanning at the same moment send each card once", () => {
  const connector = new ConnectorRecorder();
  let instances: { checkIns: CommitmentCheckIns; commitments: CommitmentService }[] = [];
  let references: TablesMeetingRepository;
  const logger = createLogger({ silent: true });

  beforeAll(async () => {
    await connector.start();
    const tablePrefix = uniqueTablePrefix();
    const connectionString = inject("tablesConnectionString");
    references = new TablesMeetingRepository(await TableStore.connect({ connectionString, tablePrefix }));
    instances = await Promise.all(
      ["one", "two"].map(async (instanceId) => {
        const store = await TableStore.connect({ connectionString, tablePrefix });
        await store.ensureTables();
        const commitments = new CommitmentService(new TablesCommitmentRepository(store));
        // No app id: local mode's unauthenticated adapter (no token is fetched for the connector).
        const sender = new ProactiveSender(
          new TeamsAdapter({}),
          "",
          new TablesMeetingRepository(store),
          logger,
        );
        const checkIns = new CommitmentCheckIns({
          commitments,
          places: noPlaces,
          sender,
          allowedTenants: new Set([tenant]),
          logger,
          instanceId,
        });
        return { checkIns, commitments };
      }),
    );
  });
  afterAll(async () => {
    await connector.stop();
  });

  it("sends one personal card per due commitment, skips people it cannot reach, forgets closed ones", async () => {
    const [one, two] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const due = "2031-05-06";
    const people = Array.from({ length: 6 }, (_, i) => ({ id: `user-${i}`, displayName: `Person ${i}` }));
    for (const [i, p] of people.entries()) {
      await one.commitments.recordFromActivity({
        tenantId: tenant,
        owner: p,
        communityId: "community-1",
        source: { activityId: "act-1", format: "think-pair-share", conversationId: "19:meeting_x@thread.v2" },
        text: `Commitment of ${p.displayName}`,
        partners: [],
        due,
        at: "2031-05-01T10:00:00.000Z",
      });
      // Everyone but the last has the app installed personally: the bot can reach them.
      if (i < people.length - 1)
        await references.save(
          tenant,
          { userId: p.id },
          JSON.stringify({
            serviceUrl: connector.serviceUrl,
            channelId: "msteams",
            conversation: { id: `a:${p.id}`, conversationType: "personal", tenantId: tenant },
            bot: { id: BOT_ID, name: "PeerCircle" },
          }),
        );
    }
    // Person 0 is done before the day: no card for them.
    const [first] = await one.commitments.mine({
      tenantId: tenant,
      userId: "user-0",
      displayName: "Person 0",
    });
    if (!first) throw new Error("missing");
    await one.commitments.update(
      { tenantId: tenant, userId: "user-0", displayName: "Person 0" },
      first.id,
      { status: "done" },
      first.etag,
    );

    const morning = new Date(`${due}T07:00:00Z`);
    const dayBefore = new Date(`${due}T07:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    expect(await Promise.all([one.checkIns.runOnce(dayBefore), two.checkIns.runOnce(dayBefore)])).toEqual([
      0, 0,
    ]);
    const sent = await Promise.all([one.checkIns.runOnce(morning), two.checkIns.runOnce(morning)]);
    const again = await Promise.all([two.checkIns.runOnce(morning), one.checkIns.runOnce(morning)]);
    expect(sent[0] + sent[1]).toBe(4);
    expect(again).toEqual([0, 0]);
    const byConversation = connector.activities.map((a) => a.conversationId).sort();
    expect(byConversation).toEqual(["a:user-1", "a:user-2", "a:user-3", "a:user-4"]);
  });
});
