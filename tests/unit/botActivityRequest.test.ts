import { describe, expect, it } from "vitest";
import { isAllowedServiceUrl } from "../../src/server/http/botActivityRequest.js";
import { routeLibraryConsoleTo } from "../../src/server/libraryConsole.js";
import type { Logger } from "../../src/server/logger.js";

describe("service URLs the bot replies to", () => {
  it.each([
    "https://smba.trafficmanager.net/emea/",
    "https://smba.trafficmanager.net/teams/",
    "https://webchat.botframework.com/",
    "https://smba.infra.gcc.teams.microsoft.com/amer/",
    "https://smba.infra.gov.teams.microsoft.us/",
  ])("allows Teams' %s in both modes", (url) => {
    expect(isAllowedServiceUrl(url, "production")).toBe(true);
    expect(isAllowedServiceUrl(url, "local")).toBe(true);
  });

  it.each(["http://127.0.0.1:56150/_connector", "http://localhost:3978/", "http://[::1]:4000/"])(
    "allows loopback %s in local mode only",
    (url) => {
      expect(isAllowedServiceUrl(url, "local")).toBe(true);
      expect(isAllowedServiceUrl(url, "production")).toBe(false);
    },
  );

  it.each([
    "https://evil.example/",
    "https://smba.trafficmanager.net.evil.example/",
    "https://notbotframework.com/",
    "http://smba.trafficmanager.net/emea/",
    "https://user:pw@smba.trafficmanager.net/emea/",
    "ftp://127.0.0.1/",
    "http://10.0.0.5/",
    "not a url",
    "",
  ])("refuses %s", (url) => {
    expect(isAllowedServiceUrl(url, "local")).toBe(false);
    expect(isAllowedServiceUrl(url, "production")).toBe(false);
  });
});

describe("library console output", () => {
  function recordingLogger(lines: [string, unknown][]): Logger {
    const record = (message: string, fields?: Record<string, unknown>) => lines.push([message, fields]);
    return { info: record, warn: record, error: record };
  }

  it("goes to the most recent server's logger while any runs, and the console is restored after", () => {
    const original = console.error;
    const first: [string, unknown][] = [];
    const second: [string, unknown][] = [];
    const stopFirst = routeLibraryConsoleTo(recordingLogger(first));
    const stopSecond = routeLibraryConsoleTo(recordingLogger(second));
    console.error(new Error("invalid signature"));
    stopSecond();
    console.warn("BadRequest: Missing activity or activity type.");
    stopFirst();
    stopFirst();
    expect(second).toEqual([["library reported an error", { detail: ["Error: invalid signature"] }]]);
    expect(first).toEqual([
      ["library reported a warning", { detail: ["BadRequest: Missing activity or activity type."] }],
    ]);
    expect(console.error).toBe(original);
  });
});
