import { describe, expect, it } from "vitest";
import { parseLibrarySearch } from "../../../src/contract/librarySearch.js";
import { librarySearchQuery } from "../../../src/contract/librarySearchQuery.js";
import {
  errorsFromIssues,
  parseTags,
  toDraft,
} from "../../../src/tab/components/EntryForm/entryFormModel.js";
import {
  activeFilterCount,
  readLibraryFilters,
  toSearchParams,
  writeLibraryFilters,
} from "../../../src/tab/components/LibraryFilters/libraryFiltersModel.js";
import { deepLinkPath, entryPath, resolveRoute } from "../../../src/tab/routes.js";

describe("tab routes and Teams deep links", () => {
  it("routes the library, the new-entry form and an entry page", () => {
    expect(resolveRoute("/tab/library")).toEqual({ route: "library" });
    expect(resolveRoute("/tab/library/new/")).toEqual({ route: "newEntry" });
    expect(resolveRoute(entryPath("demo-data-community", "msg-ab12"))).toEqual({
      route: "entry",
      communityId: "demo-data-community",
      entryId: "msg-ab12",
    });
    expect(resolveRoute("/tab/library/a/b/c")).toEqual({ route: "notFound" });
    expect(resolveRoute("/tab/library/%E0%A4%A/x")).toEqual({ route: "notFound" });
  });

  it("opens the entry a deep link's subEntityId names, only from the tab's generic URL", () => {
    expect(deepLinkPath("/tab", "entry:demo-data-community:e-1")).toBe(
      "/tab/library/demo-data-community/e-1",
    );
    expect(deepLinkPath("/tab/home/", "entry:c:e:with:colons")).toBe("/tab/library/c/e%3Awith%3Acolons");
    expect(deepLinkPath("/tab/library", "entry:c:e")).toBeNull();
    expect(deepLinkPath("/tab/home", "")).toBeNull();
    // A session deep link opens the session's detail in the calendar.
    expect(deepLinkPath("/tab/home", "session:c:s-1")).toBe("/tab/calendar/c/s-1");
    expect(resolveRoute("/tab/calendar/c/s-1")).toEqual({
      route: "session",
      communityId: "c",
      sessionId: "s-1",
    });
    expect(deepLinkPath("/tab/home", "other:c:s")).toBeNull();
    expect(deepLinkPath("/tab/home", undefined)).toBeNull();
  });
});

describe("library filters in the URL", () => {
  it("round-trips through the query string and ignores malformed values", () => {
    const filters = readLibraryFilters(
      new URLSearchParams(
        "q=pipe&type=howto&tag=dataops&author=u1&authorName=Ana&from=2026-01-01&to=bad&verified=maybe&sort=newest",
      ),
    );
    expect(filters).toEqual({
      q: "pipe",
      type: "howto",
      tag: "dataops",
      author: "u1",
      authorName: "Ana",
      from: "2026-01-01",
      to: "",
      verified: "",
      sort: "newest",
    });
    expect(readLibraryFilters(writeLibraryFilters(filters))).toEqual(filters);
    expect(activeFilterCount(filters)).toBe(4);
  });

  it("becomes the API's query parameters", () => {
    const params = toSearchParams(
      readLibraryFilters(new URLSearchParams("q= lineage &type=qa&tag=a, b&verified=true&sort=helpful")),
    );
    expect(librarySearchQuery(params, { offset: 20, limit: 20 }).toString()).toBe(
      "q=lineage&type=qa&tag=a%2Cb&verified=true&sort=helpful&offset=20&limit=20",
    );
  });

  it("is read by the server as the search the page asked for (one contract, both sides)", () => {
    const params = toSearchParams(
      readLibraryFilters(
        new URLSearchParams(
          "q=lineage&type=qa&tag=DataOps,b&author=u1&from=2026-01-01&to=2026-02-01&verified=false&sort=newest",
        ),
      ),
    );
    const query = Object.fromEntries(librarySearchQuery(params, { offset: 40, limit: 20 }));
    expect(parseLibrarySearch(query)).toEqual({
      text: "lineage",
      types: ["qa"],
      tags: ["dataops", "b"],
      authorId: "u1",
      from: "2026-01-01",
      to: "2026-02-01",
      verified: false,
      sort: "newest",
      offset: 40,
      limit: 20,
    });
  });
});

describe("entry form", () => {
  it("puts the server's validation issues under the fields they name", () => {
    expect(
      errorsFromIssues([
        { field: "title", message: "Give the entry a title of at least 3 characters." },
        { field: "tags.2", message: "A tag can be at most 40 characters." },
        { field: "tags.3", message: "second tag issue" },
        { field: "input", message: "Nothing to change." },
      ]),
    ).toEqual({
      title: "Give the entry a title of at least 3 characters.",
      tags: "A tag can be at most 40 characters.",
      form: "Nothing to change.",
    });
  });

  it("sends tags as a list and trims the title", () => {
    expect(parseTags(" a, ,b ,c,")).toEqual(["a", "b", "c"]);
    expect(toDraft({ type: "qa", title: "  Why?  ", body: "Because", summary: " ", tags: "x, y" })).toEqual({
      type: "qa",
      title: "Why?",
      body: "Because",
      summary: "",
      tags: ["x", "y"],
    });
  });
});
