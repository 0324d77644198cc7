import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseDotenv } from "dotenv";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NODE_OPTIONS } from "../../bench/lib/processes.js";
import { ConfigError, loadConfig } from "../../src/server/config.js";

/**
 * No Bicep compiler runs here (PLATFORM.md), so the template, its parameters file, the server's
 * production configuration, teamsapp.yml and the app manifest are read as text and checked
 * against each other: none of them can drift from the others silently.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

const bicep = read("infra/azure.bicep");
const parameters = JSON.parse(read("infra/azure.parameters.json")) as {
  parameters: Record<string, { value: unknown }>;
};
const teamsapp = read("teamsapp.yml");
const devEnv = parseDotenv(read("env/.env.dev"));
const GUID = "3f2a1c9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";

/** `param name type [= default]`, decorators and comments aside. */
function bicepParams(): { name: string; hasDefault: boolean }[] {
  return [...bicep.matchAll(/^param\s+(\w+)\s+\w+(\s*=\s*.+)?$/gm)].map((m) => ({
    name: m[1] ?? "",
    hasDefault: m[2] !== undefined,
  }));
}

function bicepOutputs(): string[] {
  return [...bicep.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1] ?? "");
}

/** The web app's settings: `NAME: expression` lines of the `appsettings` config resource. */
function bicepAppSettings(): Map<string, string> {
  const start = bicep.search(/resource\s+\w+\s+'Microsoft\.Web\/sites\/config@[^']+'\s*=\s*\{/);
  expect(start, "a Microsoft.Web/sites/config resource").toBeGreaterThanOrEqual(0);
  const resource = bicep.slice(start, bicep.indexOf("\n}", start));
  expect(resource).toMatch(/name:\s*'appsettings'/);
  const properties = resource.slice(resource.indexOf("properties: {"));
  const block = properties.slice(0, properties.indexOf("\n  }"));
  const settings = new Map<string, string>();
  for (const m of block.matchAll(/^\s{4}([A-Za-z_][A-Za-z0-9_]*):\s*(.+?)\s*$/gm)) {
    settings.set(m[1] ?? "", m[2] ?? "");
  }
  return settings;
}

/** The setting names src/server/config.ts's schema reads (its `rawSchema` object). */
function configSchemaKeys(): Set<string> {
  const source = read("src/server/config.ts");
  const start = source.indexOf("const rawSchema = z.object({");
  const block = source.slice(start, source.indexOf("\n});", start));
  return new Set([...block.matchAll(/^\s{2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] ?? ""));
}

/** A value of the right shape for a setting the template computes at deployment. */
function sampleValue(name: string, expression: string): string {
  const literal = /^'([^'$]*)'$/.exec(expression);
  if (literal) return literal[1] ?? "";
  // A parameter with a default (as deployed when the parameters file leaves it alone).
  const parameterDefault = new RegExp(`^param ${expression} \\w+ = '([^']*)'`, "m").exec(bicep);
  if (parameterDefault) return parameterDefault[1] ?? "";
  if (name === "PUBLIC_URL") return "https://peercircle-dev-abc123.azurewebsites.net";
  if (name === "AAD_APP_ID_URI") return `api://peercircle-dev-abc123.azurewebsites.net/${GUID}`;
  if (name.endsWith("_ENDPOINT")) return "https://peercircledevabc123.table.core.windows.net/";
  if (name.endsWith("_ID") || name.endsWith("_TENANTS")) return GUID;
  if (name === "TABLE_PREFIX") return "pc";
  return "dev";
}

/** Variables written to env/.env.<env> by teamsapp.yml actions (before `beforeAction`, if given). */
function writtenByLifecycle(beforeAction?: string): Set<string> {
  const text = beforeAction ? teamsapp.slice(0, teamsapp.indexOf(`uses: ${beforeAction}`)) : teamsapp;
  const names = new Set<string>();
  for (const block of text.split("writeToEnvironmentFile:").slice(1)) {
    for (const line of block.split("\n").slice(1)) {
      const m = /^\s{6,}\w+:\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line);
      if (!m) break;
      names.add(m[1] ?? "");
    }
  }
  return names;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\$\{\{\s*([A-Za-z_]\w*)\s*\}\}/g)].map((m) => m[1] ?? "");

describe("infra/azure.bicep, its parameters, the server's configuration and the manifest agree", () => {
  it("gets a value for every parameter without a default, and only for declared parameters", () => {
    const declared = bicepParams();
    expect(declared.length).toBeGreaterThan(3);
    const provided = Object.keys(parameters.parameters);
    for (const param of declared.filter((p) => !p.hasDefault)) {
      expect(provided, `parameter ${param.name} has no default and no value`).toContain(param.name);
    }
    // Deployment fails on a value for a parameter the template does not declare.
    for (const name of provided) expect(declared.map((p) => p.name)).toContain(name);
  });

  it("fills the parameters file only from variables known before arm/deploy runs", () => {
    const known = new Set([...Object.keys(devEnv), ...writtenByLifecycle("arm/deploy")]);
    const used = placeholders(read("infra/azure.parameters.json"));
    expect(used).toContain("AAD_APP_CLIENT_ID");
    for (const name of used) expect([...known], `\${{${name}}}`).toContain(name);
  });

  it("sets every app setting the production configuration requires", () => {
    const settings = bicepAppSettings();
    // The server names each missing setting; at least one named in each problem must be set.
    let problems: string[] = [];
    try {
      loadConfig({ root: mkdtempSync(path.join(tmpdir(), "pc-infra-")), env: { APP_MODE: "production" } });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems.length).toBeGreaterThan(3);
    for (const problem of problems) {
      const named = problem.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [];
      expect(
        named.some((name) => settings.has(name)),
        `"${problem}" is not answered by the template`,
      ).toBe(true);
    }
  });

  it("produces a configuration the production server accepts: bot as managed identity, Tables by identity", () => {
    const env: Record<string, string> = {};
    for (const [name, expression] of bicepAppSettings()) env[name] = sampleValue(name, expression);
    const config = loadConfig({ root: mkdtempSync(path.join(tmpdir(), "pc-infra-")), env });
    expect(config.mode).toBe("production");
    expect(config.bot.authDisabled).toBe(false);
    expect(config.bot.type).toBe("UserAssignedMsi");
    expect(config.storage.connectionString).toBeUndefined();
    expect(config.storage.endpoint).toMatch(/^https:\/\//);
    expect(config.auth.allowedTenants).toEqual([GUID]);
    // Graph stays off until an admin has consented and switches graphAuth on.
    expect(config.graph.auth).toBeUndefined();
    expect(config.graph.baseUrl).toBe("https://graph.microsoft.com/");
  });

  it("sets only settings the server reads, or that App Service and the Azure SDK read", () => {
    const platform = new Set([
      "SCM_DO_BUILD_DURING_DEPLOYMENT",
      "WEBSITE_RUN_FROM_PACKAGE",
      "APPLICATIONINSIGHTS_CONNECTION_STRING",
      "ApplicationInsightsAgent_EXTENSION_VERSION",
      "AZURE_CLIENT_ID", // DefaultAzureCredential: which user-assigned identity to use
      "NODE_OPTIONS", // Node itself: the server's heap settings
    ]);
    const schema = configSchemaKeys();
    expect(schema.has("TABLES_ENDPOINT")).toBe(true);
    for (const name of bicepAppSettings().keys()) {
      expect(schema.has(name) || platform.has(name), `${name} is read by nobody (a typo?)`).toBe(true);
    }
  });

  it("outputs every variable the app manifest needs that no other lifecycle step writes", () => {
    const known = new Set([...Object.keys(devEnv), ...writtenByLifecycle(), ...bicepOutputs()]);
    const manifestVariables = new Set(placeholders(read("appPackage/manifest.json")));
    expect(manifestVariables).toContain("BOT_ID");
    for (const name of manifestVariables) expect([...known], `\${{${name}}}`).toContain(name);
    // The bot in the manifest is the identity the Azure Bot is registered with.
    expect(bicep).toMatch(/output BOT_ID string = identity\.properties\.clientId/);
    expect(bicep).toMatch(/msaAppId: identity\.properties\.clientId/);
    // aad.manifest.json's identifier URI and the server's AAD_APP_ID_URI are the same shape.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Agents Toolkit's placeholder syntax
    expect(read("aad.manifest.json")).toContain('"api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"');
    expect(bicepAppSettings().get("AAD_APP_ID_URI")).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep's interpolation, read as text
      "'api://${webApp.properties.defaultHostName}/${aadAppClientId}'",
    );
  });

  it("runs Node in production with the options the benchmarks measure", () => {
    expect(bicepAppSettings().get("NODE_OPTIONS")).toBe(`'${PRODUCTION_NODE_OPTIONS}'`);
  });

  it("keeps the security settings the admin guide promises", () => {
    for (const setting of [
      "httpsOnly: true",
      "minTlsVersion: '1.2'",
      "ftpsState: 'Disabled'",
      "alwaysOn: true",
      "linuxFxVersion: 'NODE|20-lts'",
      "minimumTlsVersion: 'TLS1_2'",
      "supportsHttpsTrafficOnly: true",
      "allowBlobPublicAccess: false",
      "allowSharedKeyAccess: false",
      "msaAppType: 'UserAssignedMSI'",
      "channelName: 'MsTeamsChannel'",
      "APP_MODE: 'production'",
    ]) {
      expect(bicep, setting).toContain(setting);
    }
    // No account key anywhere: Storage is reached with the managed identity only.
    expect(bicep).not.toMatch(/listKeys\(|AccountKey=/);
    // Every resource names an explicit, dated API version.
    for (const m of bicep.matchAll(/^resource\s+\w+\s+'([^']+)'/gm)) {
      expect(m[1], "resource type@api-version").toMatch(/^[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
    }
  });
});
