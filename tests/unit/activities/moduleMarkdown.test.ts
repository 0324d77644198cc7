import { describe, expect, it } from "vitest";
import { formatOf } from "../../../src/domain/activities/activityFormats.js";
import { MAX_MODULE_CHARS, parseModule } from "../../../src/domain/activities/modules/moduleMarkdown.js";
import { checkModule } from "../../../src/domain/activities/modules/moduleService.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { FUEHREN_IM_WANDEL, LEADING_THROUGH_CHANGE } from "../../support/moduleFixtures.js";

const problemOf = (markdown: string) => {
  try {
    checkModule(markdown);
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
  return undefined;
};

describe("a module written in markdown", () => {
  it("reads its title, introduction and timed sections with their text and lines", () => {
    const parsed = parseModule(LEADING_THROUGH_CHANGE);
    expect(parsed.title).toBe("Leading through change");
    expect(parsed.intro).toBe("What changes for people when their work changes, and how a manager helps.");
    expect(parsed.sections.map((s) => [s.title, s.minutes, s.line])).toEqual([
      ["Read", 15, 5],
      ["Reflect", 10, 8],
      ["Exchange in groups", 45, 11],
      ["Actions", 15, 14],
    ]);
    expect(parsed.sections[0]?.body).toBe("Read the case of a team moving to a new **release process**.");
    expect(problemOf(LEADING_THROUGH_CHANGE)).toBeUndefined();
  });

  it("reads German timings (Min., Minuten) and titles with umlauts", () => {
    const parsed = parseModule(FUEHREN_IM_WANDEL);
    expect(parsed.title).toBe("Führen im Wandel");
    expect(parsed.sections.map((s) => [s.title, s.minutes])).toEqual([
      ["Lesen", 15],
      ["Austausch in Gruppen", 45],
      ["Vorhaben", 15],
    ]);
    expect(problemOf(FUEHREN_IM_WANDEL)).toBeUndefined();
  });

  it("keeps a ## inside a code block as text, and sanitises HTML as entries are", () => {
    const parsed = parseModule(
      "# Scripts\n\n## Read (10 min)\n```\n## not a section (5 min)\n```\n<script>alert(1)</script><b>bold</b>\n[x](javascript:alert(1))\n\n## Actions (5 min)\nOne.",
    );
    expect(parsed.sections.map((s) => s.title)).toEqual(["Read", "Actions"]);
    expect(parsed.sections[0]?.body).toContain("## not a section (5 min)");
    expect(parsed.sections[0]?.body).not.toMatch(/script|javascript:|<b>/i);
  });

  it.each([
    ["", "Write the module first"],
    ["Just text.\n\n## Read (10 min)\nx", "Line 1: start the module with its title"],
    ["# Title only\n\nText.", "The module has no timed sections"],
    [
      "# T\n\n## Read\nx\n\n## Actions (10 min)\ny",
      "Line 3: “Read” has no timing; write it like “## Read (15 min)”.",
    ],
    ["# T\n\n## Read (10 min)\nx", "A module needs at least two timed sections"],
    [
      "# T\n\n## Read (1 min)\nx\n\n## Actions (10 min)\ny",
      "Line 3: “Read” lasts 1 minute; a first section lasts between 2 and 45 whole minutes.",
    ],
    [
      "# T\n\n## Read (10 min)\nx\n\n## Actions (45 min)\ny",
      "Line 6: “Actions” lasts 45 minutes; a last section lasts between 2 and 30 whole minutes.",
    ],
    [`# T\n\n## Read (10 min)\n${"x".repeat(MAX_MODULE_CHARS)}`, "Keep the module under 12,000 characters."],
  ])("refuses %j, saying why", (markdown, message) => {
    expect(problemOf(markdown)).toContain(message);
  });

  it("takes its minutes' bounds from the format's section rules", () => {
    const [first, between, last] = formatOf("coaching-ourselves").phases;
    expect([first?.maxMinutes, between?.maxMinutes, last?.maxMinutes]).toEqual([45, 60, 30]);
  });
});
