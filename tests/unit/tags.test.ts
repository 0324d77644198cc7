import { describe, expect, it } from "vitest";
import { newCommunitySchema } from "../../src/domain/communities/communitySchemas.js";
import { newEntrySchema } from "../../src/domain/library/entrySchemas.js";

const entryWithTags = (tags: string[]) =>
  newEntrySchema.safeParse({ type: "insight", title: "A title", body: "A body", tags });
const communityWithTags = (tags: string[]) =>
  newCommunitySchema.safeParse({ name: "Data", purpose: "Learn together", tags, privacy: "open" });

describe("tags", () => {
  it("keeps words of any script, digits and the usual tech punctuation, lower-cased", () => {
    const parsed = entryWithTags(["Data Governance", "c#", "C++", ".net", "größe", "数据", "v2_api"]);
    expect(parsed.success && parsed.data.tags).toEqual([
      "data-governance",
      "c#",
      "c++",
      ".net",
      "größe",
      "数据",
      "v2_api",
    ]);
  });

  it.each([["<b>bold</b>"], ["<script>alert(1)</script>"], ["🔥"], ["pipelines🚀"], ["a&b"], ['say"hi"']])(
    "refuses %s with a reason, for entries and communities alike",
    (tag) => {
      const entry = entryWithTags([tag]);
      expect(entry.success).toBe(false);
      expect(entry.error?.issues[0]?.message).toMatch(/letters, digits/);
      expect(communityWithTags([tag]).success).toBe(false);
    },
  );
});
