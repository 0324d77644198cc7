import { readFileSync } from "node:fs";
import path from "node:path";
import type { Caller } from "../../src/domain/identity.js";
import type { OrgDirectoryFixture } from "../../src/local/orgDirectoryFixture.js";
import { repoRoot } from "./testServer.js";

/** The synthetic organisation (fixtures/org-directory.json), read once. */
export const org: OrgDirectoryFixture = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures", "org-directory.json"), "utf8"),
) as OrgDirectoryFixture;

/** The n-th person of the organisation (throws rather than returning undefined). */
export function person(n: number) {
  const user = org.users[n];
  if (!user) throw new Error(`no user ${n} in the fixture`);
  return user;
}

/** The fixture's tenant id as the server keys it (lower case). */
export const fixtureTenant = org.tenantId.toLowerCase();

/** The n-th person of the organisation as a signed-in caller of the fixture's tenant. */
export function fixtureCaller(n: number): Caller {
  const user = person(n);
  return { tenantId: fixtureTenant, userId: user.id, displayName: user.displayName };
}
