import { describe, expect, it } from "vitest";
import type { Submission } from "../../../src/domain/activities/activity.js";
import { canRead } from "../../../src/domain/activities/activityViews.js";

const ana = { id: "ana", displayName: "Ana" };
const own = (scope: Submission["scope"], ownerId: string): Submission => ({
  kind: "advice",
  scope,
  ownerId,
  text: "x",
  createdBy: ana,
  editedBy: ana,
  at: "2026-12-04T10:00:00.000Z",
  requestId: "r",
  etag: "e",
});
const reader = (
  userId: string,
  extra: { facilitator?: boolean; groups?: string[]; mates?: string[] } = {},
) => ({
  userId,
  isFacilitator: extra.facilitator === true,
  groupIds: new Set(extra.groups ?? []),
  groupMates: new Set(extra.mates ?? []),
});

describe("who reads a submission", () => {
  it("keeps a writer's own private to them (and a group's text to its group)", () => {
    expect(canRead("writer", own("person", "ana"), reader("ana"))).toBe(true);
    expect(
      canRead("writer", own("person", "ana"), reader("ben", { facilitator: true, mates: ["ana"] })),
    ).toBe(false);
    expect(canRead("writer", own("group", "g1"), reader("ben", { groups: ["g1"] }))).toBe(true);
    expect(canRead("writer", own("group", "g1"), reader("cy", { groups: ["g2"], facilitator: true }))).toBe(
      false,
    );
  });

  it("shares a group-visible one with the writer's group only", () => {
    expect(canRead("group", own("item", "ana"), reader("ben", { mates: ["ana", "ben"] }))).toBe(true);
    expect(canRead("group", own("item", "ana"), reader("cy", { mates: ["cy", "dee"] }))).toBe(false);
    expect(canRead("group", own("item", "ana"), reader("fay", { facilitator: true }))).toBe(false);
  });

  it("shows a facilitator-visible one to the facilitator and its writer, an everyone one to all", () => {
    expect(canRead("facilitator", own("person", "ana"), reader("fay", { facilitator: true }))).toBe(true);
    expect(canRead("facilitator", own("person", "ana"), reader("ben", { mates: ["ana"] }))).toBe(false);
    expect(canRead("everyone", own("item", "ana"), reader("zed"))).toBe(true);
  });
});
