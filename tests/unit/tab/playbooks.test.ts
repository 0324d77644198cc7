import { describe, expect, it } from "vitest";
import { type Playbook, progressOf, withStepDone } from "../../../src/tab/api/playbooks.js";
import { editPlaybookPath, playbookPath, resolveRoute } from "../../../src/tab/routes.js";

const playbook: Playbook = {
  communityId: "c",
  id: "p",
  title: "Starter reads",
  description: "",
  items: [
    { entryId: "a", title: "A" },
    { entryId: "b", title: "B" },
    { entryId: "c", title: "C" },
  ],
  starter: true,
  createdBy: { id: "u", displayName: "U" },
  updatedAt: "2026-11-21T00:00:00Z",
  etag: "e",
  done: ["a"],
  canEdit: false,
};

describe("playbook routes", () => {
  it("routes the list, the compile form, a playbook and its editor; ids round-trip", () => {
    expect(resolveRoute("/tab/playbooks")).toEqual({ route: "playbooks" });
    expect(resolveRoute("/tab/playbooks/new")).toEqual({ route: "newPlaybook" });
    expect(resolveRoute(playbookPath("a b/c"))).toEqual({ route: "playbook", playbookId: "a b/c" });
    expect(resolveRoute(editPlaybookPath("x"))).toEqual({ route: "editPlaybook", playbookId: "x" });
    expect(resolveRoute("/tab/playbooks/x/other")).toEqual({ route: "notFound" });
  });
});

describe("a member's ticks", () => {
  it("ticks and unticks one step without touching the others", () => {
    expect(withStepDone(playbook, "c", true).done).toEqual(["a", "c"]);
    expect(withStepDone(playbook, "a", true).done).toEqual(["a"]);
    expect(withStepDone(playbook, "a", false).done).toEqual([]);
    expect(playbook.done).toEqual(["a"]);
  });

  it("counts progress over the playbook's steps only", () => {
    expect(progressOf(playbook)).toEqual({ done: 1, total: 3 });
    expect(progressOf({ ...playbook, done: ["a", "gone"] })).toEqual({ done: 1, total: 3 });
  });
});
