import { afterEach, describe, expect, it, vi } from "vitest";
import type { ActivityView, GroupMate } from "../../src/domain/activities/activityViews.js";
import type { Caller } from "../../src/domain/identity.js";
import type { OrgPerson, PeopleDirectory } from "../../src/domain/people/peopleDirectory.js";
import { PartnerChatLinks } from "../../src/server/routes/partnerChatLinks.js";

const tenantId = "t1";
const caller: Caller = { tenantId, userId: "me", displayName: "Me" };

/** A directory that knows everyone's mail (`<id>@contoso.example`) and counts what it is asked. */
function countingDirectory() {
  const asked: string[][] = [];
  const directory: PeopleDirectory = {
    search: async () => ({ people: [], degraded: false }),
    getMany: async (_tenant, ids) => {
      asked.push([...ids]);
      const people = new Map<string, OrgPerson>(
        ids.map((id) => [id, { id, displayName: id, mail: `${id}@contoso.example` }]),
      );
      return { people, degraded: false };
    },
  };
  return { directory, asked };
}

const viewWith = (partners: GroupMate[]) =>
  ({ me: { joined: true, group: { id: "g1", partners } } }) as unknown as ActivityView;
const usersOf = (url: string | undefined) => decodeURIComponent(url?.split("users=")[1] ?? "").split(",");

describe("the one-click chat with a person's group mates", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("takes the principal names mates brought from their tokens, asking the directory nothing", async () => {
    const { directory, asked } = countingDirectory();
    const links = new PartnerChatLinks(directory);
    const view = viewWith([
      { id: "a", displayName: "A", principalName: "a.upn@contoso.example" },
      { id: "b", displayName: "B", principalName: "b.upn@contoso.example" },
    ]);
    expect(usersOf(await links.urlFor(caller, view))).toEqual([
      "a.upn@contoso.example",
      "b.upn@contoso.example",
    ]);
    expect(usersOf(await links.urlFor(caller, view, { wait: false }))).toHaveLength(2);
    expect(asked).toEqual([]);
  });

  it("looks up only the mates without one (who joined through the bot), and keeps what it found", async () => {
    const { directory, asked } = countingDirectory();
    const links = new PartnerChatLinks(directory);
    const view = viewWith([
      { id: "a", displayName: "A", principalName: "a.upn@contoso.example" },
      { id: "b", displayName: "B" },
    ]);
    expect(usersOf(await links.urlFor(caller, view))).toEqual(["a.upn@contoso.example", "b@contoso.example"]);
    expect(await links.urlFor(caller, view)).toContain("b%40contoso.example");
    expect(asked).toEqual([["b"]]);
  });

  it("answers a join without the link while an address is unknown, and looks up everyone who asked meanwhile at once", async () => {
    vi.useFakeTimers();
    const { directory, asked } = countingDirectory();
    const links = new PartnerChatLinks(directory);
    const first = viewWith([{ id: "b", displayName: "B" }]);
    const second = viewWith([
      { id: "c", displayName: "C" },
      { id: "d", displayName: "D", principalName: "d.upn@contoso.example" },
    ]);
    expect(await links.urlFor(caller, first, { wait: false })).toBeUndefined();
    expect(await links.urlFor(caller, second, { wait: false })).toBeUndefined();
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(asked).toEqual([["b", "c"]]);
    expect(usersOf(await links.urlFor(caller, second, { wait: false }))).toEqual([
      "c@contoso.example",
      "d.upn@contoso.example",
    ]);
    expect(asked).toHaveLength(1);
  });
});
