import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DirectoryUser } from "../../src/local/orgDirectoryFixture.js";
import { org } from "./fixtures.js";
import { root } from "./servers.js";

/**
 * A fixtures folder (for the servers' FIXTURES_DIR) whose synthetic organisation has at least
 * `size` people: the fixture's 600, then people made in their image (the same departments, job
 * titles, offices and managers, in turn), so pairing across departments has org context for all.
 */
export function largeOrgFixtures(size: number): { dir: string; users: DirectoryUser[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "peercircle-bench-org-"));
  const source = path.join(root, "fixtures");
  for (const file of readdirSync(source)) copyFileSync(path.join(source, file), path.join(dir, file));
  const users = [...org.users];
  for (let i = users.length; i < size; i++) {
    const model = org.users[i % org.users.length] as DirectoryUser;
    const n = String(i).padStart(5, "0");
    const mail = `bench.person${n}@${org.domain}`;
    users.push({
      ...model,
      id: `00000000-0000-4000-8000-0000000${n}`,
      displayName: `Bench Person ${n}`,
      givenName: "Bench",
      surname: `Person ${n}`,
      mail,
      userPrincipalName: mail,
    });
  }
  writeFileSync(path.join(dir, "org-directory.json"), JSON.stringify({ ...org, users }));
  return { dir, users };
}
