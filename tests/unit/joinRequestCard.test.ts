import { describe, expect, it } from "vitest";
import { JOIN_REQUEST, joinRequestCard } from "../../src/bot/membership/joinRequestCard.js";

const view = {
  communityId: "c1",
  communityName: "Leaders' circle",
  requester: { id: "u1", displayName: "Ada Lovelace" },
};

describe("the card about a request to join", () => {
  it("asks the stewards with at most three buttons, each naming the request", () => {
    const card = joinRequestCard(view);
    expect(card.version).toBe("1.5");
    expect(card.actions?.length).toBeLessThanOrEqual(3);
    expect(card.actions?.map((a) => [a.verb, a.data])).toEqual([
      [JOIN_REQUEST.approve, { communityId: "c1", userId: "u1" }],
      [JOIN_REQUEST.decline, { communityId: "c1", userId: "u1" }],
    ]);
  });

  it("says who answered, without buttons, once answered", () => {
    const by = { id: "s1", displayName: "Grace Hopper" };
    const approved = joinRequestCard({ ...view, answered: { by, approved: true } });
    expect(approved.actions).toBeUndefined();
    expect(JSON.stringify(approved.body)).toContain(
      "Approved by Grace Hopper: Ada Lovelace is a member now.",
    );
    const declined = joinRequestCard({ ...view, answered: { by, approved: false } });
    expect(JSON.stringify(declined.body)).toContain("Declined by Grace Hopper.");
  });

  it("keeps a name from turning into card markup", () => {
    const card = joinRequestCard({
      ...view,
      requester: { id: "u2", displayName: "**Bold** [link](https://x.test)" },
    });
    expect(JSON.stringify(card.body)).not.toContain("[link](https://x.test)");
  });
});
