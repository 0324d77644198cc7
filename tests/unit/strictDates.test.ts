import { describe, expect, it } from "vitest";
import { outcomeSchema } from "../../src/domain/meetings/meetingOutcome.js";
import { newSessionSchema } from "../../src/domain/sessions/sessionSchemas.js";
import { isRealDate, isRealDateTime } from "../../src/domain/strictDates.js";

describe("strict dates", () => {
  it.each(["2024-02-29T10:00", "2027-03-02T14:30:00.000Z", "2027-03-02T14:30:59+01:00", "2027-12-31T23:59"])(
    "accepts %s",
    (text) => expect(isRealDateTime(text)).toBe(true),
  );

  it.each([
    ["30 February", "2024-02-30T10:00"],
    ["29 February in a common year", "2023-02-29T10:00"],
    ["31 April", "2027-04-31T10:00"],
    ["month 13", "2027-13-01T10:00"],
    ["day 0", "2027-01-00T10:00"],
    ["hour 24", "2027-01-01T24:00"],
    ["minute 60", "2027-01-01T10:60"],
    ["no time", "2027-01-01"],
    ["words", "next Tuesday"],
  ])("refuses %s", (_name, text) => expect(isRealDateTime(text)).toBe(false));

  it("checks plain days the same way", () => {
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2024-02-30")).toBe(false);
    expect(isRealDate("2024-02-3")).toBe(false);
  });

  it("a session starting on 30 February is refused, not moved to 1 March", () => {
    const result = newSessionSchema.safeParse({
      title: "Case round",
      format: "case-round",
      startsAt: "2024-02-30T10:00",
    });
    expect(result.success).toBe(false);
  });

  it("an action item due on 31 April is refused", () => {
    const result = outcomeSchema.safeParse({
      kind: "action",
      text: "Write it up",
      ownerId: "u1",
      due: "2027-04-31",
    });
    expect(result.success).toBe(false);
  });
});
