import { describe, expect, it } from "vitest";
import { crossDepartmentReach } from "../../../src/domain/insights/crossDepartmentReach.js";
import { timeToFirstContribution } from "../../../src/domain/insights/firstContribution.js";
import {
  DAY_MS,
  type EntryFact,
  type LearningFact,
  type MemberFact,
} from "../../../src/domain/insights/insightsFacts.js";
import { computeInsights } from "../../../src/domain/insights/insightsReport.js";
import { edgeMembers } from "../../../src/domain/insights/memberReach.js";
import {
  beforeAfter,
  participationByWeek,
  weekStart,
} from "../../../src/domain/insights/participationByWeek.js";
import { risingThemes } from "../../../src/domain/insights/risingThemes.js";
import { topicConcentration } from "../../../src/domain/insights/topicConcentration.js";

const T0 = Date.parse("2026-06-01T00:00:00Z");
const day = (d: number) => new Date(T0 + d * DAY_MS).toISOString();
const member = (id: string, joinedDay = -400, department?: string): MemberFact => ({
  id,
  displayName: id.toUpperCase(),
  joinedAt: day(joinedDay),
  ...(department ? { department } : {}),
});
const entry = (
  id: string,
  authorId: string,
  tags: string[],
  d: number,
  extra: Partial<EntryFact> = {},
): EntryFact => ({
  id,
  authorId,
  savedById: authorId,
  tags,
  text: "",
  createdAt: day(d),
  helpfulCount: 0,
  ...extra,
});
const fact = (kind: LearningFact["kind"], from: string, to: string, d: number): LearningFact => ({
  kind,
  from,
  to,
  at: day(d),
});

describe("single points of failure per topic", () => {
  it("weighs entries by saves by others and helpful votes, and flags one person holding ≥ 50 %", () => {
    const topics = topicConcentration([
      entry("e1", "alice", ["k8s"], 1, { helpfulCount: 2 }),
      entry("e2", "alice", ["k8s"], 2),
      entry("e3", "bob", ["k8s", "sql"], 3, { savedById: "carol" }),
      entry("e4", "dan", ["sql"], 4),
      entry("e5", "erin", ["sql"], 5),
    ]);
    const k8s = topics.find((t) => t.tag === "k8s");
    // alice: (1 + 2 votes) + 1 = 4; bob: 1 + saved by carol = 2; of 6.
    expect(k8s).toMatchObject({ holderId: "alice", weight: 6, entries: 3, flagged: true });
    expect(k8s?.share).toBeCloseTo(4 / 6, 12);
    const sql = topics.find((t) => t.tag === "sql");
    expect(sql).toMatchObject({ holderId: "bob", weight: 4, flagged: true });
    expect(sql?.share).toBe(0.5);
  });

  it("does not flag a share under half, nor a topic too young to say (one entry)", () => {
    const topics = topicConcentration([
      entry("e1", "a", ["go"], 1),
      entry("e2", "b", ["go"], 2),
      entry("e3", "c", ["go"], 3),
      entry("e4", "a", ["rust"], 4),
    ]);
    expect(topics.find((t) => t.tag === "go")?.flagged).toBe(false);
    expect(topics.find((t) => t.tag === "rust")).toMatchObject({ share: 1, flagged: false });
    // One entry, however endorsed, is always all its author's: not yet a single point of failure.
    const endorsed = topicConcentration([entry("e5", "a", ["spark"], 5, { helpfulCount: 9 })]);
    expect(endorsed[0]).toMatchObject({ share: 1, weight: 10, flagged: false });
  });
});

describe("newcomers' time to first contribution", () => {
  it("counts days from joining to the first entry written or saved or answer given, with the median", () => {
    const window = { from: T0, to: T0 + 90 * DAY_MS };
    const result = timeToFirstContribution(
      [member("old", -200), member("n1", 0), member("n2", 10), member("n3", 20), member("n4", 5)],
      [entry("e1", "n1", [], 3), entry("e2", "x", [], 40, { savedById: "n2" }), entry("e0", "n4", [], -30)],
      [fact("answered", "x", "n3", 100)],
      window,
    );
    expect(result.newcomers).toBe(4);
    expect(result.contributed).toBe(3);
    expect(result.daysById.get("n1")).toBe(3);
    expect(result.daysById.get("n2")).toBe(30);
    expect(result.daysById.get("n4")).toBe(0); // saved before they joined
    expect(result.medianDays).toBe(3);
    expect(result.distribution).toEqual({ within7: 2, within30: 1, within90: 0, later: 0, notYet: 1 });
  });
});

describe("isolated and peripheral members", () => {
  it("tells newcomers from drifting members and the quiet rest; two partners or more is not the edge", () => {
    const window = { from: T0, to: T0 + 30 * DAY_MS };
    const previous = { from: T0 - 30 * DAY_MS, to: T0 };
    const edge = edgeMembers(
      [member("new", 5), member("drift"), member("quiet"), member("hub"), member("x"), member("y")],
      [
        fact("paired", "drift", "x", -10),
        fact("paired", "drift", "y", -9),
        fact("helpful", "drift", "hub", 3),
        fact("saved", "x", "hub", 4),
        fact("saved", "y", "hub", 4),
        fact("attended", "quiet", "quiet", 4),
      ],
      window,
      previous,
    );
    expect(edge).toEqual([
      { id: "new", position: "isolated", reason: "newcomer", partners: 0, partnersBefore: 0 },
      { id: "drift", position: "peripheral", reason: "drifting", partners: 1, partnersBefore: 2 },
      { id: "quiet", position: "isolated", reason: "quiet", partners: 0, partnersBefore: 0 },
      // One partner now as before: on the edge, but not drifting away.
      { id: "x", position: "peripheral", reason: "quiet", partners: 1, partnersBefore: 1 },
      { id: "y", position: "peripheral", reason: "quiet", partners: 1, partnersBefore: 1 },
    ]);
  });
});

describe("cross-department reach", () => {
  const members = [
    ...["e1", "e2", "e3", "e4", "e5", "e6"].map((id) => member(id, -400, "Engineering")),
    ...["s1", "s2", "s3", "s4", "s5"].map((id) => member(id, -400, "Sales")),
    member("l1", -400, "Legal"),
    member("l2", -400, "Legal"),
    member("nobody"),
  ];
  const window = { from: T0, to: T0 + 30 * DAY_MS };

  it("counts each pair once, shows departments of at least 5 members and only counts the smaller ones", () => {
    const reach = crossDepartmentReach(
      members,
      [
        fact("paired", "e1", "e2", 1),
        fact("paired", "e2", "e1", 1),
        fact("saved", "e3", "s1", 2),
        fact("helpful", "s2", "l1", 3),
        fact("helpful", "s3", "s4", 3),
        fact("helpful", "s3", "nobody", 3),
        fact("helpful", "e4", "e5", 99),
      ],
      window,
    );
    expect(reach.ties).toBe(4);
    expect(reach.share).toBe(0.5);
    expect(reach.smallDepartments).toBe(1);
    expect(reach.departments).toEqual([
      { department: "Engineering", people: 6, ties: 2, crossShare: 0.5 },
      { department: "Sales", people: 5, ties: 3, crossShare: 2 / 3 },
    ]);
    expect(JSON.stringify(reach)).not.toContain("Legal");
  });

  it("shows no share when fewer than 5 people stand behind it", () => {
    const reach = crossDepartmentReach(
      members,
      [fact("paired", "e1", "s1", 1), fact("paired", "e2", "s1", 1)],
      window,
    );
    expect(reach.ties).toBe(2);
    expect(reach.share).toBeNull();
  });
});

describe("participation per week and before / after", () => {
  it("weeks start on Monday (UTC)", () => {
    expect(new Date(weekStart(Date.parse("2026-12-02T15:00:00Z"))).toISOString()).toBe(
      "2026-11-30T00:00:00.000Z",
    );
    expect(new Date(weekStart(Date.parse("2026-11-30T00:00:00Z"))).toISOString()).toBe(
      "2026-11-30T00:00:00.000Z",
    );
  });

  it("counts active people, entries, attendance and ties per week, and compares the weeks around a date", () => {
    // T0 (2026-06-01) is a Monday.
    const range = { from: T0, to: T0 + 28 * DAY_MS };
    const weekly = participationByWeek(
      [
        fact("attended", "a", "a", 1),
        fact("paired", "a", "b", 8),
        fact("paired", "b", "a", 8),
        fact("attended", "c", "c", 15),
      ],
      [entry("e1", "d", [], 16), entry("e2", "d", [], 22, { savedById: "e" })],
      range,
    );
    expect(weekly).toEqual([
      { week: "2026-06-01", activeMembers: 1, contributions: 0, sessionsAttended: 1, ties: 0 },
      { week: "2026-06-08", activeMembers: 2, contributions: 0, sessionsAttended: 0, ties: 2 },
      { week: "2026-06-15", activeMembers: 2, contributions: 1, sessionsAttended: 1, ties: 0 },
      { week: "2026-06-22", activeMembers: 2, contributions: 1, sessionsAttended: 0, ties: 0 },
    ]);
    const around = beforeAfter(weekly, "2026-06-17", 2);
    expect(around.pivot).toBe("2026-06-15");
    expect(around.before).toEqual({
      weeks: 2,
      activeMembers: 1.5,
      contributions: 0,
      sessionsAttended: 1,
      ties: 2,
    });
    expect(around.after).toEqual({
      weeks: 2,
      activeMembers: 2,
      contributions: 2,
      sessionsAttended: 1,
      ties: 0,
    });
  });
});

describe("rising themes", () => {
  it("finds tags and words more frequent in recent entries than in the baseline, once per entry", () => {
    const recent = { from: T0, to: T0 + 30 * DAY_MS };
    const baseline = { from: T0 - 90 * DAY_MS, to: T0 };
    const themes = risingThemes(
      [
        entry("b1", "a", ["sql"], -80, { text: "Index tuning for joins" }),
        entry("b2", "a", ["sql"], -60, { text: "Query plans explained" }),
        entry("b3", "a", ["sql"], -40, { text: "Vacuum settings" }),
        entry("b4", "a", ["kubernetes"], -20, { text: "Pod limits" }),
        entry("r1", "a", ["terraform"], 2, { text: "Terraform drift detection drift" }),
        entry("r2", "a", ["terraform"], 9, { text: "Drift in staging" }),
        entry("r3", "a", ["sql"], 12, { text: "Index bloat" }),
        entry("r4", "a", ["terraform"], 20, { text: "Module versions" }),
      ],
      recent,
      baseline,
    );
    expect(themes[0]).toMatchObject({ theme: "terraform", kind: "tag", recent: 3, baseline: 0 });
    expect(themes.find((t) => t.theme === "drift")).toMatchObject({ kind: "term", recent: 2 });
    // One entry is not a trend; a theme as common before is not rising.
    expect(themes.find((t) => t.theme === "bloat")).toBeUndefined();
    expect(themes.find((t) => t.theme === "sql")).toBeUndefined();
    expect(themes.filter((t) => t.theme === "terraform")).toHaveLength(1);
  });
});

describe("the report", () => {
  const now = new Date(T0 + 30 * DAY_MS);
  const input = {
    members: [member("alice"), member("bob"), member("carol"), member("dan"), member("newbie", 25)],
    facts: [
      fact("saved", "bob", "alice", 3),
      fact("paired", "alice", "carol", 4),
      fact("paired", "carol", "alice", 4),
      fact("helpful", "dan", "carol", 5),
    ],
    entries: [
      entry("e1", "alice", ["k8s"], 3, { helpfulCount: 3 }),
      entry("e2", "alice", ["k8s"], 4),
      entry("e3", "bob", ["k8s"], 5),
    ],
    commitments: [
      { ownerId: "bob", status: "done" as const, createdAt: day(6) },
      { ownerId: "dan", status: "dropped" as const, createdAt: day(7) },
    ],
  };

  it("names brokers, cut points, the edge and what a steward could do, with the reason's figures", () => {
    const report = computeInsights("c1", input, { windowDays: 30, now, personLevel: true });
    expect(report.brokers).toEqual(["alice", "carol"]);
    expect(report.cutPoints.sort()).toEqual(["alice", "carol"]);
    expect(report.edge).toEqual(["newbie", "bob", "dan"]);
    expect(report.summary).toMatchObject({ members: 5, ties: 4, contributions: 3, followThroughRate: 0.5 });
    expect(report.suggestions[0]).toEqual({ kind: "co-host", personId: "alice", tag: "k8s", share: 5 / 6 }); // alice (1 + 3 votes) + 1 of 6
    expect(report.suggestions).toContainEqual({ kind: "welcome", personId: "newbie" });
    expect(report.ties).toContainEqual({ from: "bob", to: "alice", weight: 1 });
    expect(report.people.find((p) => p.id === "alice")).toMatchObject({
      learnersFrom: 2,
      learnedFrom: 1,
      cutsNetwork: true,
    });
  });

  it("with person-level insights off keeps aggregates and names nobody", () => {
    const report = computeInsights("c1", input, { windowDays: 30, now, personLevel: false });
    expect(report.personLevel).toBe(false);
    expect(report.summary.ties).toBe(4);
    const text = JSON.stringify(report);
    for (const id of ["alice", "bob", "carol", "dan", "newbie", "ALICE"]) expect(text).not.toContain(id);
  });
});

describe("active members", () => {
  it("counts only the community's members, not authors of saved messages from outside", () => {
    const report = computeInsights(
      "c1",
      {
        members: [member("a"), member("b")],
        facts: [fact("saved", "a", "outsider", 2), fact("paired", "b", "a", 3)],
        entries: [entry("e1", "outsider", ["x"], 2, { savedById: "a" })],
        commitments: [],
      },
      { windowDays: 30, now: new Date(T0 + 30 * DAY_MS), personLevel: true },
    );
    expect(report.summary.activeMembers).toBe(2);
    expect(report.weekly.reduce((most, w) => Math.max(most, w.activeMembers), 0)).toBe(2);
  });
});
