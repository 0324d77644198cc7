import { describe, expect, it } from "vitest";
import {
  type AppLinks,
  entryWebUrl,
  parseEntryWebUrl,
  parseSessionWebUrl,
  sessionDeepLink,
} from "../../src/bot/links.js";

const links: AppLinks = { publicUrl: "https://peercircle.example", teamsAppId: "" };

describe("the tab's web addresses of entries and sessions", () => {
  it("reads back the entry and the session its own addresses name, encoded parts decoded", () => {
    const entryUrl = entryWebUrl(links, "guild/ops", "e 1");
    expect(entryUrl).toBe("https://peercircle.example/tab/library/guild%2Fops/e%201");
    expect(parseEntryWebUrl(links, entryUrl)).toEqual({ communityId: "guild/ops", entryId: "e 1" });
    const sessionUrl = sessionDeepLink(links, "guild", "s1");
    expect(sessionUrl).toBe("https://peercircle.example/tab/calendar/guild/s1");
    expect(parseSessionWebUrl(links, `${sessionUrl}/`)).toEqual({ communityId: "guild", sessionId: "s1" });
  });

  it("recognises nothing else: another section, another origin, a deeper path or a broken address", () => {
    expect(parseSessionWebUrl(links, "https://peercircle.example/tab/library/guild/e1")).toBeUndefined();
    expect(parseEntryWebUrl(links, "https://elsewhere.example/tab/library/guild/e1")).toBeUndefined();
    expect(
      parseEntryWebUrl(links, "https://peercircle.example/tab/library/guild/e1/history"),
    ).toBeUndefined();
    expect(parseEntryWebUrl(links, "https://peercircle.example/tab/library/guild/%E0%A4%A")).toBeUndefined();
    expect(parseEntryWebUrl(links, "not a url")).toBeUndefined();
  });
});
