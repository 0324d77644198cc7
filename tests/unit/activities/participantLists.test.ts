import { describe, expect, it } from "vitest";
import type { Participant } from "../../../src/domain/activities/activity.js";
import {
  extendParticipants,
  extensionOf,
  participantsById,
} from "../../../src/domain/activities/participantLists.js";

const person = (n: number, name = `Person ${n}`): Participant => ({
  userId: `u${n}`,
  displayName: name,
  joinedAt: "2026-12-07T10:00:00.000Z",
});

describe("participant lists made of a read and a few joined here", () => {
  it("remembers how an extended list was made, and knows a plain list was not", () => {
    const base = [person(1), person(2)];
    const added = [person(3)];
    const list = extendParticipants(base, added);
    expect(list.map((p) => p.userId)).toEqual(["u1", "u2", "u3"]);
    expect(extensionOf(list)).toEqual({ base, added });
    expect(extensionOf(base)).toBeUndefined();
  });

  it("indexes a plain list by id, once per list", () => {
    const list = [person(1), person(2)];
    const byId = participantsById(list);
    expect([...byId.keys()]).toEqual(["u1", "u2"]);
    expect(byId.get("u2")?.displayName).toBe("Person 2");
    expect(participantsById(list)).toBe(byId);
  });

  it("indexes an extended list from its read's index, leaving that index as it was", () => {
    const base = Array.from({ length: 300 }, (_, i) => person(i));
    const baseIndex = participantsById(base);
    const list = extendParticipants(base, [person(300), person(301, "Late Joiner")]);
    const byId = participantsById(list);
    expect(byId.size).toBe(302);
    expect(byId.get("u301")?.displayName).toBe("Late Joiner");
    expect(byId.get("u5")).toBe(base[5]);
    // The read's index is shared by every view of that read: the extension never adds to it.
    expect(baseIndex.size).toBe(300);
    expect(baseIndex.has("u301")).toBe(false);
  });

  it("gives an extended list the same index as the plain list it equals", () => {
    const base = [person(1), person(2)];
    const added = [person(3)];
    const extended = participantsById(extendParticipants(base, added));
    const plain = participantsById([...base, ...added]);
    expect([...extended.entries()]).toEqual([...plain.entries()]);
  });
});
