import { describe, expect, it } from "vitest";
import type { ActivityView } from "../../../src/tab/api/activities.js";
import { submissionKey, submissionsByKind } from "../../../src/tab/pages/MeetingPanel/submissionsByKind.js";

type Kind = ActivityView["kinds"][number];
type Submission = ActivityView["submissions"][number];

const kind = (name: string, visibility: Kind["visibility"]): Kind => ({
  kind: name,
  scope: "item",
  visibility,
  noun: name,
  plural: `${name}s`,
  maxLength: 500,
});
const item = (kindName: string, itemId: string, mine = false): Submission => ({
  kind: kindName,
  ownerId: "u-ana",
  itemId,
  text: `${kindName} ${itemId}`,
  by: { id: "u-ana", displayName: "Ana" },
  at: "2026-12-05T10:00:00.000Z",
  mine,
});

describe("what the panel and the stage list by kind (submissionsByKind)", () => {
  const view = {
    kinds: [kind("theme", "everyone"), kind("question", "group"), kind("pledge", "everyone")],
    submissions: [
      item("pledge", "p1"),
      item("theme", "t1", true),
      item("theme", "t2"),
      item("question", "q1"),
    ],
  };

  it("gives the kinds picked, in the format's order, each with its submissions, and leaves out empty kinds", () => {
    const everyone = submissionsByKind(view, (k) => k.visibility === "everyone");
    expect(everyone.map((k) => [k.kind.kind, k.items.map((s) => s.itemId)])).toEqual([
      ["theme", ["t1", "t2"]],
      ["pledge", ["p1"]],
    ]);
  });

  it("keeps only the submissions asked for, and drops a kind left with none", () => {
    const others = submissionsByKind(
      view,
      (k) => k.kind !== "pledge",
      (s) => !s.mine,
    );
    expect(others.map((k) => [k.kind.kind, k.items.map((s) => s.itemId)])).toEqual([
      ["theme", ["t2"]],
      ["question", ["q1"]],
    ]);
    expect(
      submissionsByKind(
        view,
        (k) => k.kind === "theme",
        (s) => s.itemId === "none",
      ),
    ).toEqual([]);
  });
});

describe("a submission's key (submissionKey)", () => {
  it("tells apart one owner's items, and stands for a person's one text without an item id", () => {
    expect(submissionKey({ ownerId: "u-ana", itemId: "t1" })).not.toBe(
      submissionKey({ ownerId: "u-ana", itemId: "t2" }),
    );
    expect(submissionKey({ ownerId: "u-ana" })).toBe("u-ana-");
  });
});
