import { describe, expect, it } from "vitest";
import { definitionProblems } from "../../../src/domain/activities/activityFormat.js";
import {
  ACTIVITY_FORMAT_IDS,
  formatOf,
  planPhases,
  registerKindsOf,
} from "../../../src/domain/activities/activityFormats.js";
import { SESSION_FORMATS } from "../../../src/domain/formats/formatIds.js";
import { FORMATS } from "../../../src/domain/formats/formatRegistry.js";
import { FORMAT_DEFAULTS } from "../../../src/domain/sessions/sessionFormats.js";

describe("one format registry for the calendar and the engine", () => {
  it("has one definition per session format, under its own id", () => {
    for (const id of SESSION_FORMATS) expect(FORMATS[id].id).toBe(id);
    expect(Object.keys(FORMATS).sort()).toEqual([...SESSION_FORMATS].sort());
  });

  it("gives the calendar plans whose minutes add up to the session's length", () => {
    for (const id of SESSION_FORMATS) {
      const { phases, durationMinutes } = FORMAT_DEFAULTS[id];
      expect(
        phases.reduce((sum, p) => sum + p.minutes, 0),
        id,
      ).toBe(durationMinutes);
    }
  });

  it("runs in meetings exactly the formats whose definition has an activity", () => {
    const running = SESSION_FORMATS.filter((id) => FORMAT_DEFAULTS[id].runsInMeeting);
    expect(running).toEqual(ACTIVITY_FORMAT_IDS);
    expect(ACTIVITY_FORMAT_IDS).toContain("think-pair-share");
  });

  it("gives every engine format phases with defaults inside their bounds and known submissions", () => {
    for (const id of ACTIVITY_FORMAT_IDS) {
      const format = formatOf(id);
      expect(format.id).toBe(id);
      expect(new Set(format.phases.map((p) => p.id)).size, id).toBe(format.phases.length);
      expect(planPhases(format).map((p) => p.id)).toEqual(format.phases.map((p) => p.id));
    }
  });
});

describe("register kinds", () => {
  it("names the kinds a format keeps across sessions, and none for formats that keep none", () => {
    for (const id of ACTIVITY_FORMAT_IDS) {
      const kept = Object.entries(formatOf(id).submissions).filter(([, d]) => d.register);
      expect(registerKindsOf(id), id).toEqual(kept.map(([kind]) => kind));
    }
    expect(registerKindsOf("mastermind").length).toBeGreaterThan(0);
    expect(registerKindsOf("think-pair-share")).toEqual([]);
    // Worked out once per format: the same list each time.
    expect(registerKindsOf("mastermind")).toBe(registerKindsOf("mastermind"));
  });
});

describe("a format definition's own checks", () => {
  it("finds nothing wrong with the registered engine formats", () => {
    for (const id of ACTIVITY_FORMAT_IDS) expect(definitionProblems(formatOf(id)), id).toEqual([]);
  });

  it("names what is wrong with a broken definition", () => {
    const tps = formatOf("think-pair-share");
    const broken = {
      ...tps,
      confidential: true,
      phases: [
        ...tps.phases,
        { ...(tps.phases[0] as (typeof tps.phases)[number]), accepts: ["advice"], defaultMinutes: 99 },
      ],
      acceptsAfterEnd: ["pledge"],
    };
    expect(definitionProblems(broken)).toEqual([
      'phase "think" appears twice',
      'phase "think": default minutes outside their bounds',
      'phase "think" accepts "advice", which the format does not declare',
      '"pledge" after the end is not declared',
      '"share" goes to the library, but the format is confidential',
    ]);
  });

  it("keeps writers and answerers to roles the format declares, answered kinds to items", () => {
    const tps = formatOf("think-pair-share");
    const broken = {
      ...tps,
      submissions: {
        ...tps.submissions,
        notes: { scope: "person", visibility: "everyone", noun: "note", maxLength: 9, writers: ["teacher"] },
        ask: { scope: "person", visibility: "everyone", noun: "q", maxLength: 9, answeredBy: "expert" },
        loose: { scope: "item", visibility: "everyone", noun: "l", maxLength: 9, routeUnanswered: true },
      },
    } as const;
    expect(definitionProblems(broken)).toEqual([
      '"notes" is written by the teacher, a role the format does not declare',
      '"ask" is answered item by item, so its scope is "item"',
      '"ask" is answered by the expert, a role the format does not declare',
      '"loose" routes unanswered items, so someone answers it ("answeredBy")',
    ]);
    expect(definitionProblems({ ...broken, roles: [...tps.roles, "teacher", "expert"] })).toEqual([
      '"ask" is answered item by item, so its scope is "item"',
      '"loose" routes unanswered items, so someone answers it ("answeredBy")',
    ]);
  });
});
