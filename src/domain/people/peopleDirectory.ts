/** A person with the organisational context PeerCircle uses (Microsoft Graph's user fields). */
export interface OrgPerson {
  id: string;
  displayName: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  officeLocation?: string;
  /** BCP 47 language tag, e.g. `de-DE` (cards and reminders in the person's language). */
  preferredLanguage?: string;
  managerId?: string;
}

/**
 * The organisation's directory, as far as PeerCircle needs it: finding people (to name stewards,
 * assign roles) and their context (pairing across departments). Microsoft Graph in production; the
 * synthetic organisation locally. `degraded` says when the answer is partial.
 */
export interface PeopleDirectory {
  search(tenantId: string, query: string, limit: number): Promise<{ people: OrgPerson[]; degraded: boolean }>;
  getMany(tenantId: string, ids: string[]): Promise<{ people: Map<string, OrgPerson>; degraded: boolean }>;
}

/** No directory configured yet (production before Graph is wired): nobody is found, and it says so. */
export class NoDirectory implements PeopleDirectory {
  async search() {
    return { people: [], degraded: true };
  }
  async getMany() {
    return { people: new Map<string, OrgPerson>(), degraded: true };
  }
}
