import { createHash } from "node:crypto";
import type { ActivityView, SubmissionView } from "../../domain/activities/activityViews.js";

/**
 * An activity answer's JSON and its version, with each submission's JSON and hash worked out once
 * per item: the domain shares one frozen item between every reader who sees it alike
 * (activityViews.ts), so a phase's hundreds of polls and late joins on a 300-question AMA turn the
 * same questions into JSON, and hash them, once instead of once each.
 */
const itemJson = new WeakMap<SubmissionView, { json: string; hash: string }>();

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

function jsonOfItem(item: SubmissionView): { json: string; hash: string } {
  const kept = itemJson.get(item);
  if (kept) return kept;
  const json = JSON.stringify(item);
  const made = { json, hash: sha256(json) };
  // Only an item nobody can change afterwards is kept (the shared ones are frozen).
  if (Object.isFrozen(item)) itemJson.set(item, made);
  return made;
}

/**
 * The answer's `activity` as JSON, and its version: a hash of that JSON (through its items'
 * hashes) and the partner chat link, so an unchanged view answers a poll with 304.
 * `submissionsVersion` versions the submissions alone (as this reader sees them). A client that
 * holds them (`held`, the one it was sent last) gets the answer without them (`submissionsHeld`):
 * a late joiner's Join, or a poll after a change elsewhere in the view (a count, the phase), on a
 * 300-question AMA is then about 2 KB instead of 90 KB. The version still covers them.
 */
export function activityJsonOf(
  view: ActivityView | null,
  partnerChatUrl: string | undefined,
  held?: string,
): { json: string; version: string; submissionsVersion?: string; submissionsHeld?: true } {
  const link = `\n${partnerChatUrl ?? ""}`;
  if (!view || !Array.isArray(view.submissions)) {
    const json = JSON.stringify(view);
    return { json, version: versionFrom(sha256(`${json}${link}`)) };
  }
  const { submissions, ...rest } = view;
  const restJson = JSON.stringify(rest);
  const items = submissions.map(jsonOfItem);
  const hashes = items.map((i) => i.hash).join(",");
  const version = versionFrom(sha256(`${restJson}\n${hashes}${link}`));
  // Of this activity: a new activity in the same meeting chat never matches what a panel holds.
  const submissionsVersion = versionFrom(sha256(`${view.id}\n${hashes}`));
  if (held === submissionsVersion && items.length > 0)
    return {
      json: `${restJson.slice(0, -1)},"submissions":[]}`,
      version,
      submissionsVersion,
      submissionsHeld: true,
    };
  const json = `${restJson.slice(0, -1)},"submissions":[${items.map((i) => i.json).join(",")}]}`;
  return { json, version, submissionsVersion };
}

function versionFrom(hash: string): string {
  return `W/"${hash.slice(0, 27)}"`;
}
