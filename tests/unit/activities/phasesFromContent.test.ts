import { describe, expect, it } from "vitest";
import type { ActivityFormatDefinition } from "../../../src/domain/activities/activityFormat.js";
import { definitionProblems } from "../../../src/domain/activities/activityFormat.js";
import {
  type ContentSection,
  planFromSections,
  ruleOf,
} from "../../../src/domain/activities/activityFormats.js";
import { submissionSchema } from "../../../src/domain/activities/activitySchemas.js";
import { acceptsAt } from "../../../src/domain/activities/activityViews.js";
import { currentRound, roundsOf } from "../../../src/domain/activities/groupingRounds.js";
import { phaseAt } from "../../../src/domain/activities/phaseClock.js";
import { ValidationError } from "../../../src/domain/errors.js";

/** A format of the engine's own, independent of any registered one: three section rules. */
const fromModule: ActivityFormatDefinition = {
  id: "module-test",
  name: "Module test",
  roles: ["facilitator", "participant"],
  phasesFrom: "module",
  phases: [
    {
      id: "first",
      title: "First section",
      instruction: "Read.",
      defaultMinutes: 15,
      minMinutes: 5,
      maxMinutes: 30,
      accepts: [],
      grouping: { kind: "groups", size: 5, min: 4, max: 6 },
    },
    {
      id: "between",
      title: "A section",
      instruction: "Talk.",
      defaultMinutes: 20,
      minMinutes: 5,
      maxMinutes: 60,
      accepts: ["notes"],
    },
    {
      id: "last",
      title: "Actions",
      instruction: "Commit.",
      defaultMinutes: 10,
      minMinutes: 5,
      maxMinutes: 30,
      accepts: ["action"],
    },
  ],
  submissions: {
    notes: { scope: "group", visibility: "group", noun: "notes", plural: "notes", maxLength: 4000 },
    action: { scope: "person", visibility: "group", noun: "action", maxLength: 500, commitment: true },
    usefulness: {
      scope: "person",
      visibility: "writer",
      noun: "usefulness rating",
      maxLength: 1,
      rating: { min: 1, max: 5 },
    },
  },
  acceptsAfterEnd: ["action", "usefulness"],
  confidential: false,
};

const sections: ContentSection[] = [
  { title: "Read", minutes: 15, body: "The text.", line: 2 },
  { title: "Reflect", minutes: 10, body: "On your own.", line: 5 },
  { title: "Exchange in groups", minutes: 45, body: "Together.", line: 8 },
  { title: "Actions", minutes: 15, body: "One each.", line: 11 },
];

describe("phases from content chosen at set-up (phasesFrom)", () => {
  it("plans one phase per section: the first follows the first rule, the last the last, the rest the middle", () => {
    const plan = planFromSections(fromModule, sections);
    expect(plan.map((p) => [p.id, p.rule, p.title, p.minutes])).toEqual([
      ["section-1", "first", "Read", 15],
      ["section-2", "between", "Reflect", 10],
      ["section-3", "between", "Exchange in groups", 45],
      ["section-4", "last", "Actions", 15],
    ]);
    expect(plan[2]?.body).toBe("Together.");
    expect(ruleOf(fromModule, plan[3])?.accepts).toEqual(["action"]);
    expect(ruleOf(fromModule, plan[3])?.title).toBe("Actions");
  });

  it("refuses a section outside its rule's bounds, naming the section and its line", () => {
    const long = sections.map((s, i) => (i === 2 ? { ...s, minutes: 75 } : s));
    expect(() => planFromSections(fromModule, long)).toThrow(ValidationError);
    expect(() => planFromSections(fromModule, long)).toThrow(
      "Line 8: “Exchange in groups” lasts 75 minutes; a section lasts between 5 and 60 whole minutes.",
    );
  });

  it("needs two sections at least: one to form the groups, one for the actions", () => {
    expect(() => planFromSections(fromModule, sections.slice(0, 1))).toThrow(/at least two timed sections/);
  });

  it("forms the groups at the first section and keeps them to the end", () => {
    const plan = planFromSections(fromModule, sections);
    expect(roundsOf(fromModule, plan)).toEqual([
      { phaseIndex: 0, strategy: { kind: "groups", size: 5, min: 4, max: 6 } },
    ]);
    const start = {
      seq: 1,
      kind: "start" as const,
      at: "2025-03-04T10:00:00.000Z",
      byUserId: "f",
      requestId: "r",
    };
    const inSection = (minutes: number) =>
      phaseAt({ phases: plan, controls: [start] }, new Date(Date.parse(start.at) + minutes * 60_000));
    // 15 + 10 + 45 minutes in: the actions section, still in round 0's groups.
    const actions = inSection(71);
    expect(actions.phaseId).toBe("section-4");
    expect(actions.remainingMs).toBe(14 * 60_000);
    expect(currentRound(fromModule, plan, actions)).toBe(0);
    expect(currentRound(fromModule, plan, inSection(30))).toBe(0);
  });

  it("takes in each section what its rule takes", () => {
    const plan = planFromSections(fromModule, sections);
    expect(plan.map((p) => ruleOf(fromModule, p)?.accepts)).toEqual([[], ["notes"], ["notes"], ["action"]]);
  });

  it("is checked by the definition's own checks: three rules, and a rating kept per person", () => {
    expect(definitionProblems(fromModule)).toEqual([]);
    const broken: ActivityFormatDefinition = {
      ...fromModule,
      phases: fromModule.phases.slice(0, 2),
      submissions: {
        ...fromModule.submissions,
        usefulness: {
          scope: "item",
          visibility: "writer",
          noun: "rating",
          maxLength: 1,
          rating: { min: 5, max: 1 },
        },
      },
    };
    expect(definitionProblems(broken)).toEqual(
      expect.arrayContaining([
        "phases come from a module: declare 3 as the rules of its first, middle and last sections",
        '"usefulness" is a rating, one per person, so its scope is "person"',
        '"usefulness" rates from a whole number up to a larger one',
      ]),
    );
  });
});

describe("a rating kind", () => {
  const schema = submissionSchema(fromModule.submissions.usefulness as never);

  it.each([["4"], [4], [" 1 "], ["5"]])("takes %j", (text) => {
    expect(schema.safeParse({ text }).success).toBe(true);
  });

  it.each([["0"], ["6"], ["3.5"], ["great"], [""]])("refuses %j with a friendly message", (text) => {
    const result = schema.safeParse({ text });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "Give your usefulness rating as a whole number from 1 to 5.",
    );
  });
});

describe("a registered format's phases still follow their own definitions", () => {
  it("reads what think-pair-share's phase takes by its id, as before", () => {
    const plan = [
      { id: "think", minutes: 2 },
      { id: "pair", minutes: 5 },
    ];
    const running = { ...phaseAt({ phases: plan, controls: [] }, new Date()), status: "running" as const };
    expect(
      acceptsAt(
        { activity: { format: "think-pair-share", phases: plan } as never },
        { ...running, phaseIndex: 0, phaseId: "think" },
      ),
    ).toEqual(["reflection"]);
  });
});
