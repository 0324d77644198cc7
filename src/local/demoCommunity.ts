import { readFile } from "node:fs/promises";
import path from "node:path";
import { ConflictError } from "../domain/errors.js";
import { FORMATS as FORMAT_DEFINITIONS } from "../domain/formats/formatRegistry.js";
import type { Caller } from "../domain/identity.js";
import type { LibraryService } from "../domain/library/libraryService.js";
import { messageToDraft } from "../domain/library/messageContent/index.js";
import type { SessionFormat } from "../domain/sessions/sessionFormats.js";
import type { LocalModeServices } from "../server/localMode.js";
import { demoConcentratedTopic, demoInteractionHistory, demoJoinedDaysAgo } from "./demoInsightsHistory.js";
import { demoLibrary } from "./demoLibrary.js";
import type { OrgDirectoryFixture } from "./orgDirectoryFixture.js";

/** The demo community's id: stable, so the local host page can open it by default. */
export const DEMO_COMMUNITY_ID = "demo-data-community";
export const DEMO_TEAM = {
  teamId: "19:demo-data-community@thread.tacv2",
  teamName: "Data Community",
  channelId: "19:demo-data-general@thread.tacv2",
  channelName: "General",
};

const DEMO_MEMBER_COUNT = 12;

/** The people of the demo: a steward first, then members from several departments. */
export function demoPeople(directory: OrgDirectoryFixture) {
  const people = directory.users.filter((u) => u.department && u.jobTitle);
  const byDepartment = new Map<string, typeof people>();
  for (const p of people) {
    const list = byDepartment.get(p.department ?? "") ?? [];
    list.push(p);
    byDepartment.set(p.department ?? "", list);
  }
  // Round-robin over departments, so the demo shows a cross-department community.
  const lists = [...byDepartment.values()];
  const chosen: typeof people = [];
  for (let i = 0; chosen.length < DEMO_MEMBER_COUNT && i < 100; i++) {
    for (const list of lists) {
      const person = list[i];
      if (person && chosen.length < DEMO_MEMBER_COUNT) chosen.push(person);
    }
  }
  return chosen;
}

/**
 * What seeding the demo needs: the services local mode is handed, so the demo goes through the
 * same rules as people.
 */
export type DemoServices = Omit<LocalModeServices, "communityExists">;

const DEMO_SESSIONS = 20;
const FORMATS: SessionFormat[] = [
  "think-pair-share",
  "knowledge-cafe",
  "micro-teach",
  "mastermind",
  "case-round",
  "ama",
];

/**
 * Seeds the demo community so a newcomer sees a living app; with `full`, also its library, calendar
 * and a starter playbook. Idempotent: an existing demo community is left as it is (people may have
 * joined, voted or left meanwhile).
 */
export async function seedDemoCommunity(
  services: DemoServices,
  directory: OrgDirectoryFixture,
  full: boolean,
  fixturesDir: string,
): Promise<void> {
  const people = demoPeople(directory);
  const [steward, ...members] = people;
  if (!steward) return;
  const asPerson = (u: { id: string; displayName: string }): Caller => ({
    tenantId: directory.tenantId,
    userId: u.id,
    displayName: u.displayName,
  });
  // The full demo's people joined over the last months (network insights read the join dates):
  // their memberships are written first, so creating and joining below keep these dates.
  const backdated = full ? services.memberships : undefined;
  if (
    backdated &&
    !(await services.communities.get(asPerson(steward), DEMO_COMMUNITY_ID).catch(() => undefined))
  )
    for (const [index, person] of people.entries())
      await backdated.addMember({
        tenantId: directory.tenantId,
        communityId: DEMO_COMMUNITY_ID,
        userId: person.id,
        displayName: person.displayName,
        joinedAt: new Date(Date.now() - demoJoinedDaysAgo(index) * 86_400_000).toISOString(),
      });
  try {
    await services.communities.create(
      asPerson(steward),
      {
        name: "Data Community",
        purpose:
          "People who build and use data products share what works: pipelines, governance, analytics and the lessons learned along the way.",
        domain: "Data & analytics",
        tags: ["data-governance", "pipelines", "analytics", "dataops"],
        privacy: "open",
        teamId: DEMO_TEAM.teamId,
        channelId: DEMO_TEAM.channelId,
      },
      DEMO_COMMUNITY_ID,
    );
  } catch (error) {
    if (error instanceof ConflictError) return;
    throw error;
  }
  for (const member of members) await services.communities.join(asPerson(member), DEMO_COMMUNITY_ID);
  if (!full) return;
  if (backdated)
    await backdated.setMemberCount(
      directory.tenantId,
      DEMO_COMMUNITY_ID,
      await backdated.countMembers(directory.tenantId, DEMO_COMMUNITY_ID),
    );

  await saveFixtureMessages(services.library, asPerson(steward), fixturesDir);
  const library = demoLibrary(directory.tenantId, DEMO_COMMUNITY_ID, people, new Date());
  await services.entries.importMany(library);
  // Six months of who learned from whom, and a topic held by one person (network insights).
  const refs = people.map((p) => ({ id: p.id, displayName: p.displayName }));
  await services.entries.importMany(
    demoConcentratedTopic(directory.tenantId, DEMO_COMMUNITY_ID, refs, new Date()),
  );
  for (const fact of demoInteractionHistory(directory.tenantId, DEMO_COMMUNITY_ID, refs, new Date()))
    await services.entries.recordInteraction(fact);

  const stewardCaller = asPerson(steward);
  const now = Date.now();
  for (let i = 0; i < DEMO_SESSIONS; i++) {
    const format = FORMATS[i % FORMATS.length] ?? "open";
    // Two sessions a week, from four weeks ago to six weeks ahead, at 10:00 or 15:00 UTC.
    const day = new Date(now + (i - 8) * 3.5 * 86_400_000);
    day.setUTCHours(i % 2 === 0 ? 10 : 15, 0, 0, 0);
    const session = await services.sessions.create(stewardCaller, DEMO_COMMUNITY_ID, {
      title: SESSION_TITLES[i % SESSION_TITLES.length] ?? FORMAT_DEFINITIONS[format].name,
      format,
      startsAt: day.toISOString(),
      timeZone: "Europe/Berlin",
      description: "A regular session of the Data Community. Bring a question or a story from your week.",
      agenda: ["Check-in", "Main activity", "Harvest insights"],
    });
    const facilitator = people[i % people.length];
    if (facilitator) {
      await services.sessions.assignRole(
        stewardCaller,
        DEMO_COMMUNITY_ID,
        session.id,
        "facilitator",
        facilitator,
      );
    }
    for (const [n, member] of members.slice(0, 5 + (i % 5)).entries()) {
      await services.sessions.rsvp(asPerson(member), DEMO_COMMUNITY_ID, session.id, {
        response: n % 4 === 3 ? "maybe" : "going",
      });
    }
  }

  const starters = [...library].sort((a, b) => b.helpfulCount - a.helpfulCount).slice(0, 3);
  await services.playbooks.create(stewardCaller, DEMO_COMMUNITY_ID, {
    title: "New here? Start with these",
    description: "How we onboard, how to get access to data, and where our numbers come from.",
    items: starters.map((e) => ({ entryId: e.id })),
    starter: true,
  });
}

/** Real-looking messages (fixtures/teams-messages.json), saved as insights the way people would. */
async function saveFixtureMessages(
  library: LibraryService,
  saver: Caller,
  fixturesDir: string,
): Promise<void> {
  // Another organisation's fixtures folder (FIXTURES_DIR) may hold only its directory.
  const text = await readFile(path.join(fixturesDir, "teams-messages.json"), "utf8").catch(() => undefined);
  if (text === undefined) return;
  const file = JSON.parse(text) as {
    messages: { name: string; messagePayload: unknown }[];
  };
  for (const message of file.messages) {
    // Only the messages a community would keep, each with tags of its own (so related entries
    // are related); the fixture's hostile and empty messages are for tests.
    const meta = MESSAGE_ENTRIES[message.name];
    if (!meta) continue;
    const drafted = messageToDraft(message.messagePayload);
    if (!drafted.ok) continue;
    const { draft } = drafted;
    await library.saveFromMessage(
      saver,
      DEMO_COMMUNITY_ID,
      {
        messageId: draft.messageId,
        conversationId: DEMO_TEAM.channelId,
        link: draft.link ?? "",
        postedAt: draft.postedAt,
        author: draft.author,
      },
      {
        type: message.name.includes("list") ? "howto" : "insight",
        title: meta.title,
        body: draft.body,
        tags: meta.tags,
      },
    );
  }
}

/**
 * The fixture messages the demo saves as insights, with the title and tags a person would give
 * them (the others are not saved).
 */
const MESSAGE_ENTRIES: Record<string, { title: string; tags: string[] }> = {
  "plain-tip": {
    title: "When a pipeline fails at night, check the upstream schema first",
    tags: ["pipelines", "incidents"],
  },
  "mention-thanks": {
    title: "The join got fast once the table was partitioned by tenant",
    tags: ["performance", "spark"],
  },
  "list-and-link": {
    title: "How we onboard new analysts (from the channel)",
    tags: ["onboarding", "analytics"],
  },
  "code-block": { title: "Table filters with the SDK's odata helper", tags: ["azure", "security"] },
  "emoji-and-bold": { title: "Ship the retro notes the same day", tags: ["retrospectives"] },
  "quote-reply": {
    title: "Rotating the storage key without downtime",
    tags: ["azure", "security", "dataops"],
  },
};

/** What the demo's sessions are about, in the order they are planned. */
const SESSION_TITLES = [
  "Think-pair-share: what makes a dataset trustworthy?",
  "Knowledge café: data contracts in practice",
  "Micro-teach: window functions in ten minutes",
  "Mastermind circle: getting stakeholders to read the docs",
  "Case round: the customer merge incident",
  "Ask me anything: Power BI semantic models",
  "Think-pair-share: one metric, one definition",
  "Knowledge café: retention of raw event data",
  "Micro-teach: reading a Spark query plan",
  "Mastermind circle: moving a team to dbt",
  "Case round: the late-arriving orders",
  "Ask me anything: access requests and privacy",
];
