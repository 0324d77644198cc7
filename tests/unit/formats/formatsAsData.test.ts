import { describe, expect, it } from "vitest";
import { FORMATS } from "../../../src/domain/formats/formatRegistry.js";
import before from "./formatsBeforeJson.fixture.json" with { type: "json" };

describe("the formats read from their JSON files", () => {
  it("are the formats the TypeScript definitions gave, and more only by their description", () => {
    const withoutDescription = Object.fromEntries(
      Object.entries(FORMATS).map(([id, { description, ...format }]) => [id, format]),
    );
    expect(withoutDescription).toEqual(before);
    expect(JSON.stringify(withoutDescription)).toBe(JSON.stringify(before));
  });
});
