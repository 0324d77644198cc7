// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { act, createElement, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, HttpMethod } from "../../../src/tab/api/ApiClient.js";
import { ApiError } from "../../../src/tab/api/ApiError.js";
import type { Entry } from "../../../src/tab/api/library.js";
import { libraryKeys } from "../../../src/tab/api/libraryKeys.js";
import { useHelpfulVote } from "../../../src/tab/hooks/library/useHelpfulVote.js";
import { type TabEnvironment, TabEnvironmentContext } from "../../../src/tab/hooks/useTeamsContext.js";

const COMMUNITY = "c1";
const ENTRY = "e1";

function entry(overrides: Partial<Entry> = {}): Entry {
  return {
    communityId: COMMUNITY,
    id: ENTRY,
    type: "insight",
    title: "Backfill in small batches",
    body: "Body",
    summary: "",
    tags: [],
    author: { id: "a", displayName: "Ana" },
    savedBy: { id: "a", displayName: "Ana" },
    source: { kind: "direct" },
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    helpfulCount: 4,
    etag: "v1",
    stale: false,
    hasVoted: false,
    canEdit: false,
    canDelete: false,
    canVerify: false,
    canRequestRemoval: false,
    ...overrides,
  };
}

/** A request the fake API received, answered when the test says so. */
interface PendingCall {
  method: HttpMethod;
  path: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** An API whose answers the test controls, recording every call in order. */
function controllableApi(): { api: ApiClient; calls: PendingCall[] } {
  const calls: PendingCall[] = [];
  const api: ApiClient = {
    request: <T>(method: HttpMethod, path: string) =>
      new Promise<T>((resolve, reject) => {
        calls.push({ method, path, resolve: resolve as (value: unknown) => void, reject });
      }),
  };
  return { api, calls };
}

/** What the test component shows: the cached entry's count and vote, and the hook's error. */
function VoteProbe(): ReactNode {
  const vote = useHelpfulVote(COMMUNITY, ENTRY);
  const client = useCachedEntry();
  return createElement(
    "div",
    null,
    createElement("button", { type: "button", onClick: () => client && vote.toggle(client) }, "vote"),
    createElement("output", { "data-count": client?.helpfulCount, "data-voted": String(client?.hasVoted) }),
    vote.error && createElement("p", { role: "alert" }, vote.error.message),
  );
}

let queryClient: QueryClient;
let root: Root;
let container: HTMLElement;

/** The entry as the cache holds it, followed like the entry page follows it (never fetched here). */
function useCachedEntry(): Entry | undefined {
  return useQuery<Entry>({
    queryKey: libraryKeys.entry(COMMUNITY, ENTRY),
    queryFn: () => Promise.reject(new Error("the test seeds the cache")),
    enabled: false,
  }).data;
}

async function mount(api: ApiClient, initial: Entry): Promise<void> {
  queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  queryClient.setQueryData(libraryKeys.entry(COMMUNITY, ENTRY), initial);
  const environment = { api } as unknown as TabEnvironment;
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      createElement(
        QueryClientProvider,
        { client: queryClient },
        createElement(TabEnvironmentContext.Provider, { value: environment }, createElement(VoteProbe)),
      ),
    ),
  );
}

const shown = () => {
  const output = container.querySelector("output");
  return { count: Number(output?.getAttribute("data-count")), voted: output?.getAttribute("data-voted") };
};

async function click(): Promise<void> {
  await act(async () => {
    container.querySelector("button")?.click();
  });
}

/** Lets TanStack's mutation steps and its batched notifications (a 0 ms timer) run. */
async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  queryClient.clear();
});

describe("helpful vote (optimistic, TanStack Query)", () => {
  it("counts the vote at once, before the server answers, then shows the server's count", async () => {
    const { api, calls } = controllableApi();
    await mount(api, entry());

    await click();
    await settle();
    expect(shown()).toEqual({ count: 5, voted: "true" });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `PUT /api/communities/${COMMUNITY}/entries/${ENTRY}/vote`,
    ]);

    // Someone else voted meanwhile: the server's count wins.
    calls[0]?.resolve(entry({ hasVoted: true, helpfulCount: 6, etag: "v2" }));
    await settle();
    expect(shown()).toEqual({ count: 6, voted: "true" });
  });

  it("rolls the count and the pressed state back when the server refuses, and says so", async () => {
    const { api, calls } = controllableApi();
    await mount(api, entry({ helpfulCount: 2 }));

    await click();
    await settle();
    expect(shown()).toEqual({ count: 3, voted: "true" });

    calls[0]?.reject(new ApiError(503, "unavailable", "Storage is busy"));
    await settle();
    expect(shown()).toEqual({ count: 2, voted: "false" });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe("Storage is busy");
  });

  it("takes a vote back optimistically too, and rolls that back on error", async () => {
    const { api, calls } = controllableApi();
    await mount(api, entry({ helpfulCount: 1, hasVoted: true }));

    await click();
    await settle();
    expect(shown()).toEqual({ count: 0, voted: "false" });
    expect(calls[0]?.method).toBe("DELETE");

    calls[0]?.reject(new ApiError(0, "network", "offline"));
    await settle();
    expect(shown()).toEqual({ count: 1, voted: "true" });
  });

  it("sends quick vote / unvote clicks one after another, in order, and ends on the last answer", async () => {
    const { api, calls } = controllableApi();
    await mount(api, entry({ helpfulCount: 4 }));

    await click();
    await settle();
    await click();
    await settle();
    // Both clicks show at once; the second request waits for the first.
    expect(shown()).toEqual({ count: 4, voted: "false" });
    expect(calls.map((c) => c.method)).toEqual(["PUT"]);

    calls[0]?.resolve(entry({ hasVoted: true, helpfulCount: 5 }));
    await settle();
    // The first answer does not overwrite the newer click's state.
    expect(shown()).toEqual({ count: 4, voted: "false" });
    expect(calls.map((c) => c.method)).toEqual(["PUT", "DELETE"]);

    calls[1]?.resolve(entry({ hasVoted: false, helpfulCount: 4 }));
    await settle();
    expect(shown()).toEqual({ count: 4, voted: "false" });
  });
});
