import { describe, expect, it } from "vitest";
import { DAY_MS, type InsightsFacts } from "../../../src/domain/insights/insightsFacts.js";
import { computeInsights } from "../../../src/domain/insights/insightsReport.js";
import { picturedPeople } from "../../../src/domain/insights/picturedPeople.js";

const now = new Date("2026-06-01T00:00:00Z");
const at = new Date(now.getTime() - 3 * DAY_MS).toISOString();

/** A hub everyone learned from, a pair beside it, and someone without ties. */
function community(): InsightsFacts {
  const ids = ["hub", "a", "b", "c", "d", "loner"];
  return {
    members: ids.map((id) => ({ id, displayName: id.toUpperCase(), joinedAt: "2025-01-01T00:00:00Z" })),
    facts: [
      ...["a", "b", "c"].map((from) => ({ kind: "paired" as const, from, to: "hub", at })),
      { kind: "answered", from: "d", to: "c", at },
    ],
    entries: [],
    commitments: [],
  };
}

// The job lays the picture out with the metrics, so the page draws it at once (issue 17's page bar).
describe("the network picture's layout, stored with the report", () => {
  it("places the most connected people, deterministically, and ties them by index", () => {
    const first = computeInsights("c1", community(), { windowDays: 30, now, personLevel: true });
    const again = computeInsights("c1", community(), { windowDays: 30, now, personLevel: true });
    const picture = first.picture;
    if (!picture) throw new Error("no picture");
    expect(picture.ids[0]).toBe("hub");
    // Everyone the report names, the isolated member too (the picture shows them apart).
    expect(new Set(picture.ids)).toEqual(new Set(["hub", "a", "b", "c", "d", "loner"]));
    expect(picture.positions).toHaveLength(2 * picture.ids.length);
    expect(picture.positions.every(Number.isFinite)).toBe(true);
    // Spread out, not all on one spot.
    expect(new Set(picture.positions).size).toBeGreaterThan(picture.ids.length);
    expect(again.picture).toEqual(picture);
  });

  it("keeps the picture to the most connected when there are more people than it shows", () => {
    const people = ["x", "y", "z"].map((id, i) => ({ id, learnersFrom: i, learnedFrom: 0 }));
    const { people: shown, pairs } = picturedPeople(
      people,
      [
        { from: "z", to: "y" },
        { from: "x", to: "z" },
      ],
      2,
    );
    expect(shown.map((p) => p.id)).toEqual(["z", "y"]);
    expect(pairs).toEqual([[0, 1]]);
  });

  it("has no picture when person-level insights are off", () => {
    const report = computeInsights("c1", community(), { windowDays: 30, now, personLevel: false });
    expect(report.picture).toBeUndefined();
  });
});
