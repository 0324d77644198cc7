import { describe, expect, it } from "vitest";
import type { ActivityState, ActivityView, SubmissionView } from "../../../src/tab/api/activities.js";
import { isSavedChange, withSaved } from "../../../src/tab/api/activities.js";

const ana = { id: "ana", displayName: "Ana" };
const ben = { id: "ben", displayName: "Ben" };

function state(view: Partial<ActivityView>): ActivityState {
  return {
    snapshot: {
      activity: { me: { joined: true }, submissions: [], ...view } as ActivityView,
      version: "v1",
      serverNow: "2026-12-05T10:00:00.000Z",
      partnerChatUrl: "https://teams.microsoft.com/l/chat/0/0?users=ben@contoso.com",
    },
    clockOffsetMs: 12,
  };
}

const theme = (over: Partial<SubmissionView>): SubmissionView => ({
  kind: "theme",
  ownerId: ana.id,
  itemId: "i1",
  text: "Pairing across teams",
  by: ana,
  at: "2026-12-05T10:00:01.000Z",
  mine: true,
  etag: "e1",
  ...over,
});

describe("a saved submission put in place in the side panel's activity", () => {
  it("adds a new item and keeps everything else, the version included (the next poll answers in full)", () => {
    const before = state({ submissions: [theme({ ownerId: ben.id, itemId: "b1", by: ben, mine: false })] });
    const saved = theme({ votes: 0, myVote: false });
    const after = withSaved(before, saved);
    expect(after.snapshot.activity?.submissions).toEqual([before.snapshot.activity?.submissions[0], saved]);
    expect(after.snapshot.version).toBe("v1");
    expect(after.snapshot.partnerChatUrl).toBe(before.snapshot.partnerChatUrl);
    expect(after.clockOffsetMs).toBe(12);
    expect(before.snapshot.activity?.submissions).toHaveLength(1);
  });

  it("replaces my own text in place, keeping the votes and promotion others gave it", () => {
    const before = state({ submissions: [theme({ votes: 3, myVote: false, promoted: true })] });
    const after = withSaved(before, theme({ text: "Pairing across teams, weekly", etag: "e2", votes: 0 }));
    expect(after.snapshot.activity?.submissions).toEqual([
      theme({ text: "Pairing across teams, weekly", etag: "e2", votes: 3, myVote: false, promoted: true }),
    ]);
  });

  it("puts think-pair-share's reflection, share and commitment in their own fields", () => {
    let s = state({});
    const mine = { ownerId: ana.id, by: ana, at: "2026-12-05T10:02:00.000Z", mine: true };
    s = withSaved(s, { ...mine, kind: "reflection", text: "Release trains", etag: "r1" });
    s = withSaved(s, { ...mine, kind: "share", ownerId: "g0001", text: "Smaller batches", etag: "s1" });
    s = withSaved(s, { ...mine, kind: "commitment", text: "Ship weekly", etag: "c1" });
    expect(s.snapshot.activity?.me).toMatchObject({
      reflection: { text: "Release trains", etag: "r1" },
      share: { groupId: "g0001", text: "Smaller batches", etag: "s1", editedBy: ana, createdBy: ana },
      commitment: { text: "Ship weekly" },
    });
    expect(s.snapshot.activity?.submissions).toEqual([]);
  });

  it("tells a saved submission from a whole answer", () => {
    expect(isSavedChange({ saved: theme({}) })).toBe(true);
    expect(isSavedChange(state({}))).toBe(false);
  });
});
