import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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
const model = {
  AZURE_OPENAI_ENDPOINT: "https://contoso.openai.azure.com/",
  AZURE_OPENAI_DEPLOYMENT: "gpt-4o-mini",
  AZURE_OPENAI_API_VERSION: "2024-10-21",
};
const load = (env: Record<string, string>) =>
  loadConfig({ root: mkdtempSync(path.join(tmpdir(), "pc-ai-")), env });
const problemsOf = (env: Record<string, string>) => {
  try {
    load(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
};

describe("generated answers configuration", () => {
  it("is off unless an admin configures it: answers quote the library, no model", () => {
    expect(load(production).generatedAnswers).toBeUndefined();
    expect(load({ APP_MODE: "local" }).generatedAnswers).toBeUndefined();
  });

  it("takes a complete configuration with a key or the managed identity", () => {
    expect(load({ ...production, ...model, AZURE_OPENAI_API_KEY: "k" }).generatedAnswers).toEqual({
      endpoint: model.AZURE_OPENAI_ENDPOINT,
      deployment: "gpt-4o-mini",
      apiVersion: "2024-10-21",
      auth: { kind: "key", apiKey: "k" },
    });
    expect(
      load({ ...production, ...model, AZURE_OPENAI_AUTH: "managed-identity" }).generatedAnswers?.auth,
    ).toEqual({ kind: "managed-identity", clientId: undefined });
  });

  it("refuses to start production with half a configuration, naming what is missing", () => {
    expect(problemsOf({ ...production, AZURE_OPENAI_ENDPOINT: model.AZURE_OPENAI_ENDPOINT })).toEqual([
      "AZURE_OPENAI_DEPLOYMENT is required for generated answers.",
      "AZURE_OPENAI_API_VERSION is required for generated answers (e.g. 2024-10-21).",
      "Set AZURE_OPENAI_API_KEY, or AZURE_OPENAI_AUTH=managed-identity, for generated answers.",
    ]);
    expect(problemsOf({ ...production, ...model })).toEqual([
      "Set AZURE_OPENAI_API_KEY, or AZURE_OPENAI_AUTH=managed-identity, for generated answers.",
    ]);
    expect(problemsOf({ ...production, ...model, AZURE_OPENAI_AUTH: "key" })).toEqual([
      "AZURE_OPENAI_AUTH=key needs AZURE_OPENAI_API_KEY.",
    ]);
    expect(
      problemsOf({
        ...production,
        ...model,
        AZURE_OPENAI_ENDPOINT: "http://contoso.example/",
        AZURE_OPENAI_API_KEY: "k",
      }),
    ).toEqual(["AZURE_OPENAI_ENDPOINT must use https in production."]);
  });
});
