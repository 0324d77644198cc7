import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/domain/errors.js";
import { keyPart } from "../../src/storage/keys.js";

describe("a storage key part", () => {
  it("takes the ids tokens and Teams carry, in any script", () => {
    for (const id of [
      "72f988bf-86f1-41af-91ab-2d7cd011db47",
      "19:meeting_NjY3ZDk1@thread.v2",
      "29:1abcDEF-ghi_jkl",
      "Zoë Müller · 東京 🙂",
    ])
      expect(keyPart(id, "user id")).toBe(id);
  });

  it("refuses what Azure Tables forbids in keys, and our separator", () => {
    for (const ch of ["/", "\\", "#", "?", "|"])
      expect(() => keyPart(`user${ch}1`, "user id")).toThrow(ValidationError);
  });

  it("refuses control characters, C0, DEL and C1 alike", () => {
    for (const code of [0x00, 0x09, 0x0a, 0x1f, 0x7f, 0x85, 0x9f])
      expect(() => keyPart(`user${String.fromCharCode(code)}1`, "user id")).toThrow(ValidationError);
    expect(keyPart(`user${String.fromCharCode(0xa0)}1`, "user id")).toBe("user\u00a01");
  });

  it("refuses an empty part and one over 255 characters, naming what it is", () => {
    expect(() => keyPart("", "community id")).toThrow("That community id is not valid.");
    expect(() => keyPart("a".repeat(256), "community id")).toThrow(ValidationError);
    expect(keyPart("a".repeat(255), "community id")).toHaveLength(255);
  });
});
