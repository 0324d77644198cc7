import type { OrgPerson } from "../../../src/domain/people/peopleDirectory.js";
import type { DirectoryUser } from "../../../src/local/orgDirectoryFixture.js";

/**
 * The fixture organisation repeated until it has `count` people: each copy keeps departments, job
 * titles and its own management chain (a copy's people report to that copy's managers), so a
 * 1,000-person meeting has the fixture's shape. Used by the pairing tests and the `pairing` bench.
 */
export function extendOrg(users: readonly DirectoryUser[], count: number): OrgPerson[] {
  const people: OrgPerson[] = [];
  for (let copy = 0; people.length < count; copy++) {
    const suffix = copy === 0 ? "" : `-c${copy}`;
    for (const u of users) {
      if (people.length >= count) break;
      people.push({
        id: `${u.id}${suffix}`,
        displayName: u.displayName,
        ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
        ...(u.department ? { department: u.department } : {}),
        ...(u.managerId ? { managerId: `${u.managerId}${suffix}` } : {}),
      });
    }
  }
  return people;
}

export const profilesOf = (people: readonly OrgPerson[]) => new Map(people.map((p) => [p.id, p]));
