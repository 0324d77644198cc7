import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/domain/errors.js";
import { toPatternedRecurrence } from "../../src/graph/graphRecurrence.js";
import { ConfigError, loadConfig } from "../../src/server/config.js";

const GUID = "11111111-2222-4333-8444-555555555555";
const production = {
  APP_MODE: "production",
  BOT_ID: GUID,
  BOT_PASSWORD: "secret",
  TABLES_ENDPOINT: "https://x.table.core.windows.net/",
  AAD_APP_CLIENT_ID: GUID,
  AAD_APP_ID_URI: `api://x.example/${GUID}`,
  ALLOWED_TENANTS: GUID,
};
const load = (env: Record<string, string>) =>
  loadConfig({ root: mkdtempSync(path.join(tmpdir(), "pc-graph-")), env });
const problemsOf = (env: Record<string, string>) => {
  try {
    load(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
};

describe("Graph configuration", () => {
  it("local mode uses the stand-in (no base URL, a static token) by default", () => {
    const config = load({ APP_MODE: "local" });
    expect(config.graph.baseUrl).toBeUndefined();
    expect(config.graph.auth).toMatchObject({ kind: "static" });
  });

  it("production refuses a stand-in or any non-Graph base URL unless explicitly allowed, and never plain http", () => {
    expect(
      problemsOf({
        ...production,
        GRAPH_AUTH: "managed-identity",
        GRAPH_BASE_URL: "http://127.0.0.1:4000/",
      }).join(),
    ).toMatch(/GRAPH_BASE_URL must use https/);
    expect(
      problemsOf({
        ...production,
        GRAPH_AUTH: "managed-identity",
        GRAPH_BASE_URL: "https://graph.example.com/",
      }).join(),
    ).toMatch(/GRAPH_BASE_URL must be Microsoft Graph/);
    expect(
      load({
        ...production,
        GRAPH_AUTH: "managed-identity",
        GRAPH_BASE_URL: "https://graph.example.com/",
        GRAPH_ALLOW_CUSTOM_BASE_URL: "true",
      }).graph.baseUrl,
    ).toBe("https://graph.example.com/");
    expect(load({ ...production, GRAPH_AUTH: "managed-identity" }).graph.baseUrl).toBe(
      "https://graph.microsoft.com/",
    );
  });

  it("production refuses the stand-in's static token and incomplete credentials; Graph is off unless configured", () => {
    expect(problemsOf({ ...production, GRAPH_AUTH: "static" }).join()).toMatch(
      /static is for the local Graph stand-in only/,
    );
    expect(problemsOf({ ...production, GRAPH_AUTH: "client-secret", GRAPH_CLIENT_ID: GUID }).join()).toMatch(
      /GRAPH_CLIENT_SECRET/,
    );
    expect(
      problemsOf({ ...production, GRAPH_AUTH: "federated-identity", GRAPH_CLIENT_ID: GUID }).join(),
    ).toMatch(/GRAPH_MANAGED_IDENTITY_CLIENT_ID/);
    expect(load(production).graph.auth).toBeUndefined();
    expect(
      load({
        ...production,
        GRAPH_AUTH: "federated-identity",
        GRAPH_CLIENT_ID: GUID,
        GRAPH_MANAGED_IDENTITY_CLIENT_ID: GUID,
      }).graph.auth,
    ).toEqual({ kind: "federated-identity", clientId: GUID, managedIdentityClientId: GUID });
  });
});

describe("RRULE to Graph's patternedRecurrence", () => {
  const start = "2026-03-24T09:00:00.000Z"; // a Tuesday, 10:00 in Berlin

  it("converts weekly, daily, monthly and yearly rules with their ends", () => {
    expect(
      toPatternedRecurrence(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20260630T220000Z",
        start,
        "Europe/Berlin",
      ),
    ).toEqual({
      pattern: { type: "weekly", interval: 2, daysOfWeek: ["tuesday", "thursday"], firstDayOfWeek: "monday" },
      range: {
        type: "endDate",
        startDate: "2026-03-24",
        endDate: "2026-07-01",
        recurrenceTimeZone: "Europe/Berlin",
      },
    });
    expect(toPatternedRecurrence("FREQ=DAILY;COUNT=5", start, "UTC").pattern).toEqual({
      type: "daily",
      interval: 1,
    });
    expect(toPatternedRecurrence("FREQ=MONTHLY;BYDAY=-1FR", start, "UTC").pattern).toEqual({
      type: "relativeMonthly",
      interval: 1,
      daysOfWeek: ["friday"],
      index: "last",
    });
    expect(toPatternedRecurrence("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2", start, "UTC").pattern).toMatchObject({
      type: "relativeMonthly",
      index: "second",
    });
    expect(toPatternedRecurrence("FREQ=MONTHLY", start, "UTC").pattern).toEqual({
      type: "absoluteMonthly",
      interval: 1,
      dayOfMonth: 24,
    });
    expect(toPatternedRecurrence("FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=3", start, "UTC").pattern).toEqual({
      type: "absoluteYearly",
      interval: 1,
      month: 11,
      dayOfMonth: 3,
    });
  });

  it("takes the start date in the series' time zone (late evening UTC is the next day in Tokyo)", () => {
    expect(toPatternedRecurrence("FREQ=WEEKLY", "2026-03-24T20:00:00Z", "Asia/Tokyo")).toMatchObject({
      pattern: { daysOfWeek: ["wednesday"] },
      range: { startDate: "2026-03-25", type: "noEnd" },
    });
  });

  it("refuses what Outlook cannot repeat, with a reason", () => {
    for (const rule of [
      "FREQ=HOURLY",
      "FREQ=WEEKLY;BYHOUR=9",
      "FREQ=MONTHLY;BYMONTHDAY=1,15",
      "FREQ=MONTHLY;BYDAY=5MO",
    ]) {
      expect(() => toPatternedRecurrence(rule, start, "UTC"), rule).toThrow(ValidationError);
    }
  });
});
