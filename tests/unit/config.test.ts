import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, ENTRA_JWKS_URL, loadConfig } from "../../src/server/config.js";

/** A project root with no env files, so only the given variables count. */
function emptyRoot(): string {
  return mkdtempSync(path.join(tmpdir(), "pc-config-"));
}

const production = {
  APP_MODE: "production",
  BOT_ID: "11111111-2222-4333-8444-555555555555",
  BOT_PASSWORD: "secret",
  TABLES_CONNECTION_STRING: "UseDevelopmentStorage=true",
  AAD_APP_CLIENT_ID: "22222222-2222-4333-8444-555555555555",
  AAD_APP_ID_URI: "api://peercircle.example/22222222-2222-4333-8444-555555555555",
  ALLOWED_TENANTS: "72F988BF-0000-4000-8000-000000000001, 33333333-2222-4333-8444-555555555555",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ env, root: emptyRoot() });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("limits each person's tab API requests, 600 a minute unless configured", () => {
    expect(loadConfig({ env: {}, root: emptyRoot() }).tabApiRateLimit).toEqual({
      requests: 600,
      windowMs: 60_000,
    });
    expect(
      loadConfig({ env: { TAB_API_RATE_LIMIT: "0", TAB_API_RATE_WINDOW_SECONDS: "10" }, root: emptyRoot() })
        .tabApiRateLimit,
    ).toEqual({ requests: 0, windowMs: 10_000 });
    expect(() => loadConfig({ env: { TAB_API_RATE_LIMIT: "-1" }, root: emptyRoot() })).toThrow(ConfigError);
  });

  it("defaults to local mode with bot authentication off and the local identity provider", () => {
    const config = loadConfig({ env: {}, root: emptyRoot() });
    expect(config.mode).toBe("local");
    expect(config.host).toBe("127.0.0.1");
    expect(config.bot.authDisabled).toBe(true);
    expect(config.auth.jwksUrl).toBe("http://127.0.0.1:3978/local/idp/keys");
    expect(config.auth.allowedTenants).toEqual(["72f988bf-0000-4000-8000-000000000001"]);
  });

  it("starts in production when everything security-relevant is set", () => {
    const config = loadConfig({ env: production, root: emptyRoot() });
    expect(config.mode).toBe("production");
    expect(config.bot.authDisabled).toBe(false);
    expect(config.host).toBe("0.0.0.0");
    expect(config.auth.jwksUrl).toBe(ENTRA_JWKS_URL);
    expect(config.auth.allowedTenants).toEqual([
      "72f988bf-0000-4000-8000-000000000001",
      "33333333-2222-4333-8444-555555555555",
    ]);
  });

  it("refuses to start in production without settings, naming each missing one", () => {
    const problems = problemsOf({ APP_MODE: "production" });
    const text = problems.join("\n");
    for (const name of [
      "BOT_ID",
      "BOT_PASSWORD",
      "TABLES_CONNECTION_STRING",
      "AAD_APP_CLIENT_ID",
      "AAD_APP_ID_URI",
      "ALLOWED_TENANTS",
    ]) {
      expect(text).toContain(name);
    }
  });

  it.each(Object.keys(production).filter((k) => k !== "APP_MODE"))(
    "refuses production without %s",
    (name) => {
      const env: Record<string, string> = { ...production };
      delete env[name];
      expect(problemsOf(env).join("\n")).toContain(name === "TABLES_CONNECTION_STRING" ? "TABLES_" : name);
    },
  );

  it("never falls into local mode on App Service or with NODE_ENV=production", () => {
    expect(problemsOf({ WEBSITE_INSTANCE_ID: "abc" }).join()).toContain("BOT_ID");
    expect(problemsOf({ NODE_ENV: "production" }).join()).toContain("BOT_ID");
    expect(problemsOf({ APP_MODE: "local", WEBSITE_INSTANCE_ID: "abc" }).join()).toContain(
      "not allowed on Azure App Service",
    );
  });

  it("refuses local-only switches in production", () => {
    const problems = problemsOf({
      ...production,
      TAB_TOKEN_JWKS_URL: "http://127.0.0.1:1/keys",
      BOT_OPENID_METADATA_URL: "http://127.0.0.1:1/openid",
      DEMO: "true",
    }).join("\n");
    expect(problems).toContain("TAB_TOKEN_JWKS_URL");
    expect(problems).toContain("BOT_OPENID_METADATA_URL");
    expect(problems).toContain("DEMO");
  });

  it("accepts a managed identity instead of a storage key, and needs no password for a user-assigned identity", () => {
    const env: Record<string, string> = {
      ...production,
      TABLES_ENDPOINT: "https://peercircle.table.core.windows.net",
      BOT_TYPE: "UserAssignedMsi",
      BOT_TENANT_ID: "44444444-2222-4333-8444-555555555555",
    };
    delete env.TABLES_CONNECTION_STRING;
    delete env.BOT_PASSWORD;
    expect(loadConfig({ env, root: emptyRoot() }).storage.endpoint).toBe(
      "https://peercircle.table.core.windows.net",
    );
  });

  it("reads env/.env.<environment> and .user files, with process variables winning", () => {
    const root = emptyRoot();
    mkdirSync(path.join(root, "env"));
    writeFileSync(path.join(root, "env", ".env.staging"), "PORT=4000\nTABLE_PREFIX=fromfile\n");
    writeFileSync(path.join(root, "env", ".env.staging.user"), "TABLE_PREFIX=fromuser\n");
    const config = loadConfig({ env: { TEAMSFX_ENV: "staging", PORT: "4100" }, root });
    expect(config.port).toBe(4100);
    expect(config.storage.tablePrefix).toBe("fromuser");
  });

  it("rejects malformed values with a named problem", () => {
    expect(problemsOf({ PORT: "eighty" }).join()).toContain("PORT");
    expect(problemsOf({ TABLE_PREFIX: "bad-prefix!" }).join()).toContain("TABLE_PREFIX");
  });
});
