import { describe, expect, it, vi } from "vitest";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import type { Caller } from "../../src/domain/identity.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { org } from "../support/orgFixture.js";
import { freshTableStore } from "../support/testServer.js";

const tenant = org.tenantId.toLowerCase();
const caller = (n: number): Caller => {
  const u = org.users[n];
  if (!u) throw new Error(`no user ${n}`);
  return { tenantId: tenant, userId: u.id, displayName: u.displayName };
};

describe("taking part in an open community's activity", () => {
  it("reads the community once for everyone who takes part at the same moment", async () => {
    const repository = new TablesCommunityRepository(await freshTableStore());
    const communities = new CommunityService(repository);
    const { id } = await communities.create(caller(0), {
      name: "Release engineering",
      purpose: "Ship calmly.",
    });
    const reads = vi.spyOn(repository, "get");
    // What each person's own write sees when it begins: how many community reads were made so far.
    const readsBefore: number[] = [];
    const people = Array.from({ length: 20 }, (_, i) => caller(30 + i));
    const answers = await Promise.all(
      people.map((p) =>
        communities.participate(p, id, async () => {
          readsBefore.push(reads.mock.calls.length);
        }),
      ),
    );
    expect(answers.every((a) => a.joinedCommunity)).toBe(true);
    expect(readsBefore).toEqual(people.map(() => 1));
    reads.mockRestore();
  });
});
