import type { OrgPerson, PeopleDirectory } from "../domain/people/peopleDirectory.js";
import type { OrgDirectoryFixture } from "./orgDirectoryFixture.js";

/**
 * The synthetic organisation as a directory, for local mode until Microsoft Graph is wired in
 * (the org-context work replaces this with Graph behind the same port). Other tenants see nobody.
 */
export class FixtureDirectory implements PeopleDirectory {
  private readonly people: OrgPerson[];

  constructor(private readonly fixture: OrgDirectoryFixture) {
    this.people = fixture.users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      mail: u.mail,
      ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
      ...(u.department ? { department: u.department } : {}),
      ...(u.officeLocation ? { officeLocation: u.officeLocation } : {}),
      ...(u.managerId ? { managerId: u.managerId } : {}),
    }));
  }

  async search(tenantId: string, query: string, limit: number) {
    if (tenantId !== this.fixture.tenantId) return { people: [], degraded: false };
    const q = query.trim().toLowerCase();
    const people = this.people
      .filter((p) => !q || p.displayName.toLowerCase().includes(q) || p.mail?.toLowerCase().startsWith(q))
      .slice(0, limit);
    return { people, degraded: false };
  }

  async getMany(tenantId: string, ids: string[]) {
    const wanted = new Set(ids);
    const people = new Map<string, OrgPerson>();
    if (tenantId === this.fixture.tenantId)
      for (const p of this.people) if (wanted.has(p.id)) people.set(p.id, p);
    return { people, degraded: false };
  }
}
