import { beforeEach, describe, expect, it, vi } from "vitest";

const getAuthToken = vi.fn<() => Promise<string>>();
vi.mock("@microsoft/teams-js", () => ({ app: {}, authentication: { getAuthToken } }));

/** A JWT-shaped token (unsigned: only its payload is read) that expires at `exp` (seconds). */
function token(exp: number | undefined, id = "t"): string {
  const payload = Buffer.from(JSON.stringify({ exp, id })).toString("base64url");
  return `header.${payload}.signature`;
}

// A fresh module per test: the cache is module state, as it is per page load in the tab.
async function freshHost() {
  vi.resetModules();
  return import("../../../src/tab/teams/teamsHost.js");
}

describe("tab SSO token", () => {
  beforeEach(() => {
    getAuthToken.mockReset();
    vi.useRealTimers();
  });

  it("reads a token's expiry, and 0 when it has none or is not a JWT", async () => {
    const { tokenExpiry } = await freshHost();
    expect(tokenExpiry(token(1_900_000_000))).toBe(1_900_000_000_000);
    expect(tokenExpiry(token(undefined))).toBe(0);
    expect(tokenExpiry("not a token")).toBe(0);
  });

  it("shares one host round trip between requests made together and reuses the token", async () => {
    const { getTeamsAuthToken } = await freshHost();
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    getAuthToken.mockResolvedValue(token(inAnHour));
    const [a, b] = await Promise.all([getTeamsAuthToken(), getTeamsAuthToken()]);
    expect(await getTeamsAuthToken()).toBe(a);
    expect(b).toBe(a);
    expect(getAuthToken).toHaveBeenCalledTimes(1);
  });

  it("asks Teams again shortly before the token expires", async () => {
    const { getTeamsAuthToken } = await freshHost();
    const inFourMinutes = Math.floor(Date.now() / 1000) + 240;
    getAuthToken
      .mockResolvedValueOnce(token(inFourMinutes, "old"))
      .mockResolvedValueOnce(token(inFourMinutes + 3600, "new"));
    const first = await getTeamsAuthToken();
    const second = await getTeamsAuthToken();
    expect(second).not.toBe(first);
    expect(getAuthToken).toHaveBeenCalledTimes(2);
  });

  it("does not keep a failed request: the next call asks again", async () => {
    const { getTeamsAuthToken } = await freshHost();
    getAuthToken
      .mockRejectedValueOnce(new Error("consent required"))
      .mockResolvedValueOnce(token(9_999_999_999));
    await expect(getTeamsAuthToken()).rejects.toThrow("consent required");
    await Promise.resolve(); // the failure handler drops the cached request
    await expect(getTeamsAuthToken()).resolves.toBe(token(9_999_999_999));
    expect(getAuthToken).toHaveBeenCalledTimes(2);
  });
});
