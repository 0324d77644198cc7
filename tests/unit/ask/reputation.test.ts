import { describe, expect, it } from "vitest";
import { badgesOf, topicsOf } from "../../../src/domain/ask/reputation.js";

const none = {
  acceptedAnswers: 0,
  helpfulVotes: 0,
  savedByOthers: 0,
  microTeaches: 0,
  facilitated: 0,
  daysContributing: 0,
};

describe("reputation's badges and topics", () => {
  it("earns each badge at its stated threshold, with progress towards it", () => {
    expect(badgesOf(none).every((b) => !b.earned && b.progress === 0)).toBe(true);
    const some = badgesOf({
      ...none,
      acceptedAnswers: 3,
      helpfulVotes: 9,
      microTeaches: 1,
      daysContributing: 365,
    });
    expect(some.map((b) => [b.id, b.earned, b.progress])).toEqual([
      ["first-answer", true, 1],
      ["ten-helpful", false, 9],
      ["micro-teacher", true, 1],
      ["year-of-contributions", true, 365],
    ]);
    expect(badgesOf({ ...none, helpfulVotes: 10 })[1]?.earned).toBe(true);
  });

  it("knows a person for a tag with two entries or three helpful votes on it", () => {
    expect(
      topicsOf([
        { tags: ["pipelines", "sql"], helpfulCount: 0 },
        { tags: ["pipelines"], helpfulCount: 1 },
        { tags: ["governance"], helpfulCount: 3 },
        { tags: ["once"], helpfulCount: 2 },
      ]),
    ).toEqual([
      { tag: "governance", entries: 1, helpful: 3 },
      { tag: "pipelines", entries: 2, helpful: 1 },
    ]);
  });
});
