import { describe, expect, it } from "vitest";
import { newActivitySchema } from "../../src/domain/activities/activitySchemas.js";
import { newCommunitySchema } from "../../src/domain/communities/communitySchemas.js";
import { newEntrySchema } from "../../src/domain/library/entrySchemas.js";
import { newSessionSchema } from "../../src/domain/sessions/sessionSchemas.js";
import { normaliseText } from "../../src/domain/textNormalisation.js";
import { parseInput } from "../../src/domain/validation.js";

describe("normalising text people submit", () => {
  it("drops C0 and C1 control characters but keeps new lines and tabs", () => {
    expect(normaliseText("Ti\u0000tle\u001b[31m red\u0007\u0085\u009b")).toBe("Title[31m red");
    expect(normaliseText("line one\nline two\tindented")).toBe("line one\nline two\tindented");
  });

  it("makes every line break a \\n", () => {
    expect(normaliseText("a\r\nb\rc\u2028d\u2029e")).toBe("a\nb\nc\nd\ne");
  });

  it("drops bidi controls, so text reads as it is stored", () => {
    expect(normaliseText("rotate keys \u202Eevery 90 days\u202C")).toBe("rotate keys every 90 days");
    expect(normaliseText("\u2066a\u2069 \u200Eb\u200F \u061Cc \u202Ad\u202B")).toBe("a b c d");
  });

  it("drops zero-width characters inside words, so search finds the word", () => {
    expect(normaliseText("Pass\u200Bword re\u2060set\uFEFF")).toBe("Password reset");
    expect(normaliseText("pass\u200Dword pass\u200Cword")).toBe("password password");
  });

  it("keeps the joiners that shape emoji and scripts that need them", () => {
    const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
    expect(normaliseText(family)).toBe(family);
    const persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
    expect(normaliseText(persian)).toBe(persian);
  });

  it("stores the composed form (NFC) of accented letters", () => {
    expect(normaliseText("Cafe\u0301")).toBe("Caf\u00E9");
  });
});

describe("every text field people submit is normalised", () => {
  it("entry title, body, summary and tags", () => {
    const entry = parseInput(newEntrySchema, {
      type: "insight",
      title: "Key\u0000 rota\u001btion",
      body: "Rotate \u202Eevery 90 days\u202C. Pass\u200Bword vault.",
      summary: "\u0007Short",
      tags: ["se\u200Bcurity", "\u0000ops"],
    });
    expect(entry).toMatchObject({
      title: "Key rotation",
      body: "Rotate every 90 days. Password vault.",
      summary: "Short",
      tags: ["security", "ops"],
    });
  });

  it("a title that is only invisible characters is refused like an empty one", () => {
    expect(() =>
      parseInput(newEntrySchema, { type: "insight", title: "\u200B\u200B\u200B\u0000", body: "x" }),
    ).toThrow(/title of at least 3 characters/);
  });

  it("community name and purpose, session title and agenda, activity prompt", () => {
    expect(
      parseInput(newCommunitySchema, { name: "Data\u0000 Guild", purpose: "Lea\u200Brn" }),
    ).toMatchObject({
      name: "Data Guild",
      purpose: "Learn",
    });
    expect(
      parseInput(newSessionSchema, {
        title: "Case\u001b round",
        format: "case-round",
        startsAt: "2027-03-02T14:30",
        agenda: ["in\u202Etro"],
      }),
    ).toMatchObject({ title: "Case round", agenda: ["intro"] });
    expect(
      parseInput(newActivitySchema, { communityId: "c", conversationId: "m", prompt: "What\u0000 worked?" }),
    ).toMatchObject({ prompt: "What worked?" });
  });
});
