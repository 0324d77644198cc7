import { describe, expect, it } from "vitest";
import type { Logger } from "../../src/observability/logger.js";
import {
  boundComposeQuery,
  isAllowedServiceUrl,
  MAX_COMPOSE_QUERY_CHARS,
} from "../../src/server/http/botActivityRequest.js";
import { routeLibraryConsoleTo } from "../../src/server/libraryConsole.js";

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

describe("message extension queries at the edge", () => {
  const query = (name: string, value: unknown, type = "invoke") => ({
    type,
    name,
    value: {
      commandId: "findInsight",
      parameters: [
        { name: "query", value },
        { name: "initialRun", value: true },
      ],
    },
  });

  it("cuts a compose search text of hundreds of kilobytes to what the search can use", () => {
    const huge = query("composeExtension/query", "pipeline ".repeat(100_000));
    boundComposeQuery(huge);
    const [text, initialRun] = huge.value.parameters;
    expect(text?.value).toHaveLength(MAX_COMPOSE_QUERY_CHARS);
    expect(String(text?.value).startsWith("pipeline pipeline")).toBe(true);
    expect(initialRun?.value).toBe(true);
  });

  it("keeps ordinary queries and every other activity as they came", () => {
    const short = query("composeExtension/query", "onboarding checklist");
    boundComposeQuery(short);
    expect(short.value.parameters[0]?.value).toBe("onboarding checklist");
    const long = "x".repeat(5_000);
    for (const other of [
      query("composeExtension/submitAction", long),
      query("composeExtension/query", long, "message"),
    ]) {
      boundComposeQuery(other);
      expect(other.value.parameters[0]?.value).toBe(long);
    }
    expect(() =>
      boundComposeQuery({ type: "invoke", name: "composeExtension/query", value: null }),
    ).not.toThrow();
  });
});
