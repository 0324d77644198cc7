import { describe, expect, it } from "vitest";
import { completeFormat } from "../../../src/domain/formats/formatDefinition.js";
import { FORMATS } from "../../../src/domain/formats/formatRegistry.js";
import type { ActivityFile, FormatFile } from "../../../src/domain/formats/formatSchema.js";

const calendar = {
  roles: ["facilitator"],
  phases: [
    { id: "a", title: "A", minutes: 7 },
    { id: "b", title: "B", minutes: 8 },
  ],
} satisfies FormatFile["calendar"];

describe("a format's definition file says only what is particular to it", () => {
  it("takes the session's length from its plan, so the two cannot disagree", () => {
    const format = completeFormat({ id: "open", name: "Open", description: "Talk.", calendar });
    expect(format.calendar.durationMinutes).toBe(15);
    expect(format).not.toHaveProperty("activity");
    expect(FORMATS.mastermind.calendar.durationMinutes).toBe(60);
  });

  it("gives the activity the format's id and name, nothing after the end and no confidentiality unless said", () => {
    const activity: ActivityFile = { roles: ["facilitator", "participant"], phases: [], submissions: {} };
    const open = completeFormat({ id: "ama", name: "Ask", description: "Ask.", calendar, activity });
    expect(open.activity).toMatchObject({ id: "ama", name: "Ask", acceptsAfterEnd: [], confidential: false });
    const closed = completeFormat({
      id: "ama",
      name: "Ask",
      description: "Ask.",
      calendar,
      activity: { ...activity, acceptsAfterEnd: ["x"], confidential: true },
    });
    expect(closed.activity).toMatchObject({ acceptsAfterEnd: ["x"], confidential: true });
  });

  it("writes a phase's minutes as one range, and a phase accepts nothing unless said", () => {
    const format = completeFormat({
      id: "ama",
      name: "Ask",
      description: "Ask.",
      calendar,
      activity: {
        roles: ["facilitator"],
        phases: [
          { id: "welcome", title: "Welcome", instruction: "Join.", minutes: { min: 1, default: 2, max: 10 } },
        ],
        submissions: {},
      },
    });
    expect(format.activity?.phases).toEqual([
      {
        id: "welcome",
        title: "Welcome",
        instruction: "Join.",
        accepts: [],
        defaultMinutes: 2,
        minMinutes: 1,
        maxMinutes: 10,
      },
    ]);
  });
});
