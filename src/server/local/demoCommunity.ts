import type { CommunityService } from "../../domain/communities/communityService.js";
import { ConflictError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
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
 * Seeds the demo community so a newcomer sees a living app. Idempotent: an existing demo
 * community is left as it is (people may have joined or left it meanwhile).
 */
export async function seedDemoCommunity(
  communities: CommunityService,
  directory: OrgDirectoryFixture,
): Promise<void> {
  const [steward, ...members] = demoPeople(directory);
  if (!steward) return;
  const asPerson = (u: { id: string; displayName: string }): Caller => ({
    tenantId: directory.tenantId,
    userId: u.id,
    displayName: u.displayName,
  });
  try {
    await communities.create(
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
  for (const member of members) await communities.join(asPerson(member), DEMO_COMMUNITY_ID);
}
