import { describe, expect, it } from "vitest";
import { computeInsights } from "../../../src/domain/insights/insightsReport.js";
import {
  demoConcentratedTopic,
  demoInteractionHistory,
  demoJoinedDaysAgo,
} from "../../../src/local/demoInsightsHistory.js";

const now = new Date("2026-12-01T12:00:00Z");
const people = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, displayName: `Person ${i}` }));

// `npm start -- --demo` must show a living insights page: brokers, an isolate, a topic held by
// one person, newcomers at different stages.
describe("the demo community's six months of history", () => {
  const facts = demoInteractionHistory("t", "c", people, now);
  const entries = demoConcentratedTopic("t", "c", people, now);
  const report = computeInsights(
    "c",
    {
      members: people.map((p, i) => ({
        ...p,
        joinedAt: new Date(now.getTime() - demoJoinedDaysAgo(i) * 86_400_000).toISOString(),
      })),
      facts: facts.map((f) => ({ kind: f.kind, from: f.from.id, to: f.to.id, at: f.at })),
      entries: entries.map((e) => ({
        id: e.id,
        authorId: e.author.id,
        savedById: e.savedBy.id,
        tags: e.tags,
        text: e.title,
        createdAt: e.createdAt,
        helpfulCount: e.helpfulCount,
      })),
      commitments: [],
    },
    { windowDays: 90, now, personLevel: true },
  );

  it("spans six months, keyed so seeding again adds nothing", () => {
    const days = facts.map((f) => (now.getTime() - Date.parse(f.at)) / 86_400_000);
    expect(Math.max(...days)).toBeGreaterThan(170);
    expect(new Set(facts.map((f) => f.key)).size).toBe(facts.length);
  });

  it("has brokers between its two groups, a topic held by one person, a newcomer and a drifting member", () => {
    expect(report.brokers.slice(0, 3)).toEqual(expect.arrayContaining(["p5"]));
    expect(report.topics.find((t) => t.tag === "data-contracts")).toMatchObject({
      holderId: "p3",
      flagged: true,
    });
    const edge = new Map(report.people.filter((p) => p.edge).map((p) => [p.id, p.edge]));
    expect(edge.get("p10")).toEqual({ position: "isolated", reason: "newcomer" });
    expect(edge.get("p11")).toEqual({ position: "isolated", reason: "drifting" });
    expect(report.firstContribution.newcomers).toBe(2);
    expect(report.suggestions.map((s) => s.kind)).toEqual(
      expect.arrayContaining(["co-host", "welcome", "reconnect"]),
    );
  });
});
