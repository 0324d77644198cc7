import { describe, expect, it } from "vitest";
import { activityPhase, defineFormat, phase } from "../../../src/domain/formats/formatDefinition.js";
import { FORMATS } from "../../../src/domain/formats/formatRegistry.js";
import { answeredQuestionKind, commitmentKind } from "../../../src/domain/formats/submissionKinds.js";

describe("a format's definition says only what is particular to it", () => {
  it("takes the session's length from its plan, so the two cannot disagree", () => {
    const format = defineFormat("open", "Open", {
      calendar: { roles: ["facilitator"], phases: [phase("a", "A", 7), phase("b", "B", 8)] },
    });
    expect(format.calendar.durationMinutes).toBe(15);
    expect(format).not.toHaveProperty("activity");
    expect(FORMATS.mastermind.calendar.durationMinutes).toBe(60);
  });

  it("gives the activity the format's id and name, nothing after the end and no confidentiality unless said", () => {
    const calendar = { roles: [], phases: [phase("a", "A", 5)] };
    const spec = { roles: ["facilitator", "participant"] as const, phases: [], submissions: {} };
    const open = defineFormat("ama", "Ask", { calendar, activity: spec });
    expect(open.activity).toMatchObject({ id: "ama", name: "Ask", acceptsAfterEnd: [], confidential: false });
    const closed = defineFormat("ama", "Ask", {
      calendar,
      activity: { ...spec, acceptsAfterEnd: ["x"], confidential: true },
    });
    expect(closed.activity).toMatchObject({ acceptsAfterEnd: ["x"], confidential: true });
  });

  it("writes a phase's minutes as one range, and a phase accepts nothing unless said", () => {
    expect(
      activityPhase("welcome", "Welcome", { instruction: "Join.", minutes: { min: 1, default: 2, max: 10 } }),
    ).toEqual({
      id: "welcome",
      title: "Welcome",
      instruction: "Join.",
      accepts: [],
      defaultMinutes: 2,
      minMinutes: 1,
      maxMinutes: 10,
    });
  });

  it("shares the kinds several formats take", () => {
    expect(FORMATS["knowledge-cafe"].activity.submissions.pledge).toEqual({
      scope: "person",
      visibility: "everyone",
      noun: "pledge",
      maxLength: 500,
      myLearning: true,
      commitment: true,
    });
    expect(commitmentKind("commitment", "everyone", 1000).maxLength).toBe(1000);
    expect(FORMATS["micro-teach"].activity.submissions["teach-question"]).toEqual(
      answeredQuestionKind("teacher"),
    );
    expect(FORMATS.ama.activity.submissions["ama-question"]).toMatchObject({
      answeredBy: "expert",
      votable: true,
      routeUnanswered: true,
      askedAhead: true,
    });
  });
});
