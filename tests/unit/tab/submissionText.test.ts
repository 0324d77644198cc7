import { describe, expect, it } from "vitest";
import { de } from "../../../src/tab/i18n/de.js";
import { createTabI18n } from "../../../src/tab/i18n/i18n.js";
import { kindWords, submissionText } from "../../../src/tab/pages/MeetingPanel/activityText.js";
import { localDay } from "../../../src/tab/pages/MyLearning/localDay.js";

describe("a format's own kind's words (submissionText)", () => {
  const { t } = createTabI18n("en-US");
  const theme = { kind: "theme", noun: "theme" };
  const unknown = { kind: "lesson-learned", noun: "lesson learned" };

  it("takes the tab's words for a kind it knows", () => {
    expect(submissionText(t, theme, "heading")).toBe("Themes");
    expect(submissionText(t, theme, "label")).toBe("A theme that came up");
    expect(submissionText(t, theme, "add", "Save")).toBe("Add theme");
  });

  it("falls back to the kind's noun for a heading and to nothing for the rest, or to what is given", () => {
    expect(submissionText(t, unknown, "heading")).toBe("lesson learned");
    expect(submissionText(t, unknown, "hint")).toBe("");
    expect(submissionText(t, unknown, "label", unknown.noun)).toBe("lesson learned");
    expect(submissionText(t, unknown, "add", "Save")).toBe("Save");
  });

  it("speaks German in a German Teams", () => {
    const german = createTabI18n("de-DE", de);
    expect(submissionText(german.t, theme, "heading")).toBe(de.submissions.theme.heading);
  });
});

describe("a format's own kind's words for a form of one text (kindWords)", () => {
  const { t } = createTabI18n("en-US");

  it("are the kind's heading, label and hint in the tab's words", () => {
    const notes = { kind: "table-notes", noun: "table notes" };
    expect(kindWords(t, notes)).toEqual({
      heading: "Our table's notes",
      label: "What your table talked about",
      hint: submissionText(t, notes, "hint"),
    });
  });

  it("fall back to the noun for the heading and leave the box unlabelled for a kind the tab does not know", () => {
    expect(kindWords(t, { kind: "lesson-learned", noun: "lesson learned" })).toEqual({
      heading: "lesson learned",
      label: "",
      hint: "",
    });
  });
});

describe("a due date as the viewer's local day (localDay)", () => {
  it("is that calendar day at local midnight, whatever the zone", () => {
    const day = localDay("2026-03-09");
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2026, 2, 9, 0]);
  });
});
