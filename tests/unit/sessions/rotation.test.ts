import { describe, expect, it } from "vitest";
import {
  historyOf,
  type RotationMember,
  type RotationSlot,
  rotateRoles,
} from "../../../src/domain/sessions/rotation.js";
import type { SessionRole } from "../../../src/domain/sessions/sessionFormats.js";

const ALL: SessionRole[] = [
  "facilitator",
  "note-taker",
  "hot-seat",
  "micro-teacher",
  "observer",
  "on-call-expert",
];
const member = (
  id: string,
  willing: SessionRole[] = ALL,
  extra: Partial<RotationMember> = {},
): RotationMember => ({
  id,
  displayName: id.toUpperCase(),
  willing,
  newcomer: false,
  ...extra,
});
const slots = (n: number, roles: SessionRole[], absent: (i: number) => string[] = () => []): RotationSlot[] =>
  Array.from({ length: n }, (_, i) => ({
    occurrenceId: `o${i}`,
    startsAt: new Date(Date.UTC(2027, 0, 1 + 7 * i, 9)).toISOString(),
    roles,
    absent: new Set(absent(i)),
    fixed: [],
  }));

function countsOf(results: ReturnType<typeof rotateRoles>) {
  const counts = new Map<string, Map<SessionRole, number>>();
  for (const r of results)
    for (const a of r.assignments) {
      if (!a.person) continue;
      const byRole = counts.get(a.person.id) ?? new Map();
      byRole.set(a.role, (byRole.get(a.role) ?? 0) + 1);
      counts.set(a.person.id, byRole);
    }
  return counts;
}
const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

describe("role rotation", () => {
  it.each([
    [4, ["facilitator", "note-taker", "observer"]],
    [5, ["facilitator", "hot-seat", "note-taker"]],
    [7, ["micro-teacher", "facilitator", "observer"]],
    [6, ["facilitator", "note-taker", "hot-seat", "observer", "on-call-expert"]],
    [3, ["facilitator", "note-taker"]],
  ] as [number, SessionRole[]][])(
    "is fair over 20 sessions: %i equally willing members, roles %j",
    (n, roles) => {
      const members = Array.from({ length: n }, (_, i) => member(`m${i}`));
      const results = rotateRoles(slots(20, roles), members);
      const counts = countsOf(results);
      for (const role of roles)
        expect(spread(members.map((m) => counts.get(m.id)?.get(role) ?? 0))).toBeLessThanOrEqual(1);
      const totals = members.map((m) => [...(counts.get(m.id)?.values() ?? [])].reduce((a, b) => a + b, 0));
      expect(spread(totals)).toBeLessThanOrEqual(1);
      // Nobody holds two roles in one session.
      for (const r of results) {
        const ids = r.assignments.map((a) => a.person?.id).filter(Boolean);
        expect(new Set(ids).size).toBe(ids.length);
      }
    },
  );

  it("gives roles only to the willing, honours absences and snoozes, and leaves a role open when nobody can", () => {
    const members = [
      member("ann", ["facilitator"]),
      member("bob", ["facilitator", "note-taker"]),
      member("cem", ["note-taker"], { snoozedUntil: "2027-01-20T00:00:00.000Z" }),
    ];
    const results = rotateRoles(
      slots(4, ["facilitator", "note-taker", "hot-seat"], (i) => (i === 1 ? ["ann"] : [])),
      members,
    );
    for (const r of results) expect(r.assignments.find((a) => a.role === "hot-seat")?.person).toBeUndefined();
    expect(results[1]?.assignments.find((a) => a.role === "facilitator")?.person?.id).toBe("bob");
    for (const r of results.slice(0, 3))
      expect(r.assignments.some((a) => a.person?.id === "cem")).toBe(false);
    // After the snooze (from the fourth session on, 22 January) cem takes notes again.
    expect(results[3]?.assignments.find((a) => a.role === "note-taker")?.person?.id).toBe("cem");
  });

  it("offers newcomers observer and note-taker first, and other roles once they have settled in", () => {
    const members = [member("old1"), member("old2"), member("new", ALL, { newcomer: true })];
    const results = rotateRoles(slots(4, ["facilitator", "note-taker", "observer"]), members);
    const newsRoles = results.map((r) => r.assignments.find((a) => a.person?.id === "new")?.role);
    expect(newsRoles[0]).toMatch(/note-taker|observer/);
    expect(newsRoles[1]).toMatch(/note-taker|observer/);
    expect(
      results
        .slice(0, 2)
        .every((r) => r.assignments.find((a) => a.role === "facilitator")?.person?.id !== "new"),
    ).toBe(true);
    expect(newsRoles.slice(2)).toContain("facilitator");
  });

  it("keeps a steward's fixed holders and continues from history", () => {
    const members = [member("a"), member("b"), member("c")];
    const history = historyOf([[{ role: "facilitator", person: { id: "a", displayName: "A" } }]]);
    const [first] = rotateRoles(
      [
        {
          ...(slots(1, ["facilitator", "note-taker"])[0] as RotationSlot),
          fixed: [{ role: "note-taker", person: { id: "c", displayName: "C" } }],
        },
      ],
      members,
      history,
    );
    expect(first?.assignments).toEqual([
      { role: "facilitator", person: { id: "b", displayName: "B" } },
      { role: "note-taker", person: { id: "c", displayName: "C" } },
    ]);
  });
});
