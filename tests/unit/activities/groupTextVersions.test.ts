import { describe, expect, it } from "vitest";
import type { Submission } from "../../../src/domain/activities/activity.js";
import { GroupTextVersions } from "../../../src/domain/activities/groupTextVersions.js";

const person = { id: "u1", displayName: "Ada" };
const version = (etag: string, text = `text ${etag}`): Submission => ({
  kind: "table-notes",
  scope: "group",
  ownerId: "g1",
  text,
  createdBy: person,
  editedBy: person,
  at: "2026-12-05T10:00:00.000Z",
  requestId: `r-${etag}`,
  etag,
});

describe("a group's text as one instance saw it stored", () => {
  it("calls stale only what is stale for certain: a first save of a known text, an edit on a replaced version", async () => {
    const texts = new GroupTextVersions();
    const ask = (etag?: string) =>
      texts.one("k", async (latest, staleFor) => ({ latest, stale: staleFor(etag) }));
    // Nothing known: every save goes to storage.
    expect(await ask()).toEqual({ latest: undefined, stale: false });
    expect((await ask("e1")).stale).toBe(false);
    texts.seen("k", version("e1"));
    // Known: a first save (no version) is stale; an edit on the newest known version is not.
    expect(await ask()).toEqual({ latest: version("e1"), stale: true });
    expect((await ask("e1")).stale).toBe(false);
    // An unknown version (written on another instance) may be newer: storage decides.
    expect((await ask("e-other")).stale).toBe(false);
    texts.seen("k", version("e2"), "e1");
    expect((await ask("e1")).stale).toBe(true);
    expect((await ask("e2")).stale).toBe(false);
    // A version read after a refused save replaces what was known (it is at least as new).
    texts.seen("k", version("e3"));
    expect((await ask("e2")).stale).toBe(true);
    expect((await ask("e1")).stale).toBe(true);
    // Removed: nothing is stale any more.
    texts.forget("k");
    expect(await ask("e3")).toEqual({ latest: undefined, stale: false });
  });

  it("runs one key's saves one at a time, each seeing what the one before it saw stored", async () => {
    const texts = new GroupTextVersions();
    const order: string[] = [];
    let release: () => void = () => {};
    const first = texts.one("k", async () => {
      order.push("first starts");
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      texts.seen("k", version("e1"));
      order.push("first ends");
    });
    const second = texts.one("k", async (latest) => {
      order.push(`second sees ${latest?.etag}`);
    });
    const other = texts.one("other", async (latest) => {
      order.push(`other key sees ${latest?.etag}`);
    });
    await other;
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "other key sees undefined", "first ends", "second sees e1"]);
  });
});
