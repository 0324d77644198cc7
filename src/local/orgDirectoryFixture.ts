import { readFile } from "node:fs/promises";
import path from "node:path";

/** A person of the synthetic organisation, in Microsoft Graph's user shape. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName?: string;
  surname?: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  preferredLanguage: string | null;
  managerId: string | null;
}

/** The synthetic organisation (fixtures/org-directory.json) that local mode signs people in from. */
export interface OrgDirectoryFixture {
  tenantId: string;
  domain: string;
  users: DirectoryUser[];
}

export async function loadOrgDirectoryFixture(fixturesDir: string): Promise<OrgDirectoryFixture> {
  const text = await readFile(path.join(fixturesDir, "org-directory.json"), "utf8");
  const data = JSON.parse(text) as OrgDirectoryFixture;
  return { tenantId: data.tenantId.toLowerCase(), domain: data.domain, users: data.users };
}
