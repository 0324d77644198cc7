import { readFileSync } from "node:fs";
import path from "node:path";
import { demoPeople } from "../../src/local/demoCommunity.js";
import type { OrgDirectoryFixture } from "../../src/local/orgDirectoryFixture.js";
import { root } from "./servers.js";

/** The synthetic organisation and the demo community's people, as the server seeds them. */
export const org = JSON.parse(
  readFileSync(path.join(root, "fixtures", "org-directory.json"), "utf8"),
) as OrgDirectoryFixture;
export const demo = demoPeople(org);

/** The Teams message payloads of the fixture file. */
export const messages = (
  JSON.parse(readFileSync(path.join(root, "fixtures", "teams-messages.json"), "utf8")) as {
    messages: { name: string; messagePayload: Record<string, unknown> }[];
  }
).messages;

/** A tab token for a person from a local-mode server. */
export async function tokenFor(baseUrl: string, userId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/local/api/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  return ((await res.json()) as { token: string }).token;
}
