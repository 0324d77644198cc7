import { describe, expect, it } from "vitest";
import { HELD_SUBMISSIONS_HEADER } from "../../../src/contract/activities.js";
import type { ApiClient, ApiRequestOptions } from "../../../src/tab/api/ApiClient.js";
import type {
  ActivitySnapshot,
  ActivityState,
  ActivityView,
  SubmissionView,
} from "../../../src/tab/api/activities.js";
import { getActivity, joinActivity, withSaved } from "../../../src/tab/api/activities.js";

const ana = { id: "ana", displayName: "Ana" };
const question = (itemId: string): SubmissionView => ({
  kind: "ama-question",
  ownerId: ana.id,
  itemId,
  text: `Question ${itemId}`,
  by: ana,
  at: "2026-12-07T10:00:00.000Z",
  mine: false,
});

function snapshot(over: Partial<ActivityView>, extra: Partial<ActivitySnapshot> = {}): ActivitySnapshot {
  return {
    activity: {
      id: "a1",
      me: { joined: false },
      participantCount: 3,
      submissions: [],
      ...over,
    } as ActivityView,
    version: 'W/"v1"',
    serverNow: new Date().toISOString(),
    ...extra,
  };
}

/** An API client that answers each request with the next answer and keeps what it was sent. */
function clientAnswering(...answers: ActivitySnapshot[]) {
  const sent: { method: string; path: string; headers: Record<string, string> }[] = [];
  const api: ApiClient = {
    async request<T>(method: string, path: string, _body?: unknown, options: ApiRequestOptions = {}) {
      sent.push({ method, path, headers: (options.headers ?? {}) as Record<string, string> });
      const answer = answers.shift();
      if (!answer) throw new Error("no answer left");
      return answer as T;
    },
  } as ApiClient;
  return { api, sent };
}

describe("the submissions a side panel holds", () => {
  const held = snapshot({ submissions: [question("q1"), question("q2")] }, { submissionsVersion: 'W/"s1"' });
  const panel: ActivityState = { snapshot: held, clockOffsetMs: 0 };

  it("go with Join, and come back in place when the answer leaves them out", async () => {
    const { api, sent } = clientAnswering(
      snapshot(
        { me: { joined: true }, participantCount: 4, submissions: [] },
        { version: 'W/"v2"', submissionsVersion: 'W/"s1"', submissionsHeld: true },
      ),
    );
    const joined = await joinActivity(api, "a1", panel);
    expect(sent).toEqual([
      { method: "POST", path: "/api/activities/a1/join", headers: { [HELD_SUBMISSIONS_HEADER]: 'W/"s1"' } },
    ]);
    expect(joined.snapshot.activity?.submissions).toEqual(held.activity?.submissions);
    expect(joined.snapshot.activity?.me.joined).toBe(true);
    expect(joined.snapshot.activity?.participantCount).toBe(4);
    expect(joined.snapshot.version).toBe('W/"v2"');
    expect(joined.snapshot).not.toHaveProperty("submissionsHeld");
  });

  it("go with a poll beside its version; an answer with all of them is taken as it is", async () => {
    const fresh = [question("q1"), question("q2"), question("q3")];
    const { api, sent } = clientAnswering(snapshot({ submissions: fresh }, { submissionsVersion: 'W/"s2"' }));
    const polled = await getActivity(api, "a1", panel);
    expect(sent[0]?.headers).toEqual({ "If-None-Match": 'W/"v1"', [HELD_SUBMISSIONS_HEADER]: 'W/"s1"' });
    expect(polled.snapshot.activity?.submissions).toEqual(fresh);
    expect(polled.snapshot.submissionsVersion).toBe('W/"s2"');
  });

  it("are not named by a panel that holds none, and never taken from another activity", async () => {
    const { api, sent } = clientAnswering(snapshot({ submissions: [question("q1")] }));
    expect((await joinActivity(api, "a1")).snapshot.activity?.submissions).toHaveLength(1);
    expect(sent[0]?.headers).toEqual({});
    const other = clientAnswering(snapshot({ id: "a2" }, { submissionsHeld: true }));
    await expect(getActivity(other.api, "a2", panel)).rejects.toThrow(/does not hold/);
  });

  it("are no longer the server's once I saved one of mine: the next poll asks for all of them", () => {
    const saved = withSaved(panel, { ...question("q9"), mine: true });
    expect(saved.snapshot.activity?.submissions).toHaveLength(3);
    expect(saved.snapshot.submissionsVersion).toBeUndefined();
    // A reflection is not in the list: the version of the list still holds.
    const reflected = withSaved(panel, { ...question("r"), kind: "reflection", mine: true, etag: "e" });
    expect(reflected.snapshot.submissionsVersion).toBe('W/"s1"');
  });
});
