import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";
import type { GeneratedAnswersConfig } from "../ai/azureOpenAiCompletion.js";
import type { GraphAuthConfig } from "../graph/graphCredentials.js";

/** Microsoft Entra ID's signing keys for tokens of every tenant (v2 discovery). */
export const ENTRA_JWKS_URL = "https://login.microsoftonline.com/common/discovery/v2.0/keys";

/** Microsoft Graph's endpoints in Microsoft's clouds: production talks to no other host unless allowed. */
export const GRAPH_CLOUD_HOSTS = [
  "graph.microsoft.com",
  "graph.microsoft.us",
  "dod-graph.microsoft.us",
  "microsoftgraph.chinacloudapi.cn",
];

/** The synthetic organisation's tenant, used by local mode only. */
const LOCAL_TENANT_ID = "72f988bf-0000-4000-8000-000000000001";
const LOCAL_CLIENT_ID = "00000000-0000-4000-8000-00000000c0de";

export type AppMode = "local" | "production";

/** Everything the server needs, parsed once at start. */
export interface AppConfig {
  mode: AppMode;
  environment: string;
  port: number;
  host: string;
  /** Absolute base URL the server is reached at (used in cards and local tokens). */
  publicUrl: string;
  bot: {
    appId: string;
    password: string;
    type: "MultiTenant" | "SingleTenant" | "UserAssignedMsi";
    tenantId: string;
    /** Only ever true in local mode: an empty app id makes botbuilder accept unauthenticated requests. */
    authDisabled: boolean;
    /**
     * Where botbuilder reads the Bot Framework's signing keys; undefined means Microsoft's own.
     * Local mode only, so tests can prove forged tokens are refused without reaching the internet.
     */
    openIdMetadataUrl: string | undefined;
  };
  storage: {
    connectionString: string | undefined;
    /** Table service endpoint for managed identity (production without a connection string). */
    endpoint: string | undefined;
    /** Prefix for every table name; lets tests and benchmarks share one Azurite. */
    tablePrefix: string;
  };
  auth: {
    clientId: string;
    applicationIdUri: string;
    allowedTenants: string[];
    jwksUrl: string;
  };
  /** The Teams app id (manifest `id`), for deep links into the app. */
  teamsAppId: string;
  /**
   * Demo data (local mode only): `off`; `community` seeds the demo community and its members;
   * `full` also fills its library (200 entries), calendar (20 sessions) and a starter playbook.
   */
  demo: "off" | "community" | "full";
  /** How often each instance looks at the open activities to announce phases and close ended ones. */
  activityPollMs: number;
  /** Folder with the built web assets (`dist/web`). */
  webRoot: string;
  /** Folder with the synthetic organisation used by local mode. */
  fixturesDir: string;
  /**
   * Per-person rate limit on the tab API (tenant + user): at most `requests` per `windowMs`,
   * then 429 with Retry-After. `requests` 0 turns it off. Counted per instance.
   */
  tabApiRateLimit: { requests: number; windowMs: number };
  /**
   * Network insights: tenants whose admin turned person-level insights off (stewards then see
   * aggregates only, no names and no network), or "all" for every tenant.
   */
  insights: {
    personLevelOff: string[] | "all";
    /** How old a community's reports may grow before the scheduled job recomputes them on new facts. */
    refreshMs: number;
    /** Worker threads for a large network's betweenness (undefined: the cores, at most 4; 0: none). */
    threads: number | undefined;
  };
  /** Microsoft Graph (org context, Teams meetings). */
  graph: {
    /** How to get app-only tokens; undefined: Graph is off (no org context, no Teams meetings). */
    auth: GraphAuthConfig | undefined;
    /** Graph's root; undefined in local mode means "start the local stand-in". */
    baseUrl: string | undefined;
    /** How long cached org context counts as current. */
    cacheTtlMs: number;
  };
  /**
   * Generated answers to questions (Azure OpenAI); undefined: answers quote the library's entries
   * word for word (the default, no model, no network). `docs/admin.md` says what leaves the tenant.
   */
  generatedAnswers: GeneratedAnswersConfig | undefined;
}

/** Thrown when configuration is missing or invalid; the message names every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`PeerCircle cannot start: configuration is incomplete.\n- ${problems.join("\n- ")}`);
    this.name = "ConfigError";
  }
}

const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID");

const rawSchema = z.object({
  APP_MODE: z.enum(["local", "production"]).optional(),
  TEAMSFX_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  BOT_ID: z.string().optional(),
  BOT_PASSWORD: z.string().optional(),
  BOT_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMsi"]).default("MultiTenant"),
  BOT_TENANT_ID: z.string().optional(),
  BOT_OPENID_METADATA_URL: z.string().url().optional(),
  TABLES_CONNECTION_STRING: z.string().optional(),
  TABLES_ENDPOINT: z.string().url().optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, "letters and digits only, starting with a letter")
    .default("pc"),
  AAD_APP_CLIENT_ID: z.string().optional(),
  AAD_APP_ID_URI: z.string().optional(),
  ALLOWED_TENANTS: z.string().optional(),
  TAB_TOKEN_JWKS_URL: z.string().url().optional(),
  DEMO: z.enum(["true", "false", "1", "0", "", "community", "full"]).optional(),
  TEAMS_APP_ID: z.string().optional(),
  WEB_ROOT: z.string().optional(),
  FIXTURES_DIR: z.string().optional(),
  GRAPH_AUTH: z.enum(["off", "client-secret", "federated-identity", "managed-identity", "static"]).optional(),
  GRAPH_BASE_URL: z.string().url().optional(),
  GRAPH_ALLOW_CUSTOM_BASE_URL: z.enum(["true", "false", "1", "0", ""]).optional(),
  GRAPH_CLIENT_ID: z.string().optional(),
  GRAPH_CLIENT_SECRET: z.string().optional(),
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: z.string().optional(),
  GRAPH_STATIC_TOKEN: z.string().optional(),
  ACTIVITY_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  GRAPH_CACHE_TTL_MINUTES: z.coerce.number().int().min(1).max(43_200).default(1_440),
  // A person's tab makes a few requests a second at its busiest (search as you type, live
  // polling every 2 s); 600 a minute leaves ample room and stops a runaway script.
  TAB_API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
  TAB_API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  WEBSITE_INSTANCE_ID: z.string().optional(),
  INSIGHTS_PERSON_LEVEL_OFF: z.string().optional(),
  INSIGHTS_REFRESH_MINUTES: z.coerce.number().int().min(1).max(1_440).default(60),
  INSIGHTS_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  AZURE_OPENAI_ENDPOINT: z.string().url().optional(),
  AZURE_OPENAI_DEPLOYMENT: z
    .string()
    .regex(/^[\w.-]{1,64}$/, "a deployment name")
    .optional(),
  AZURE_OPENAI_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, "like 2024-10-21")
    .optional(),
  AZURE_OPENAI_API_KEY: z.string().optional(),
  AZURE_OPENAI_AUTH: z.enum(["key", "managed-identity"]).optional(),
  AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID: z.string().optional(),
  NODE_ENV: z.string().optional(),
});

type RawEnv = Record<string, string | undefined>;

/**
 * Reads `env/.env.<environment>` and `env/.env.<environment>.user` (the Teams Toolkit convention)
 * under `root`; variables already in `env` win.
 */
export function readEnvFiles(root: string, environment: string, env: RawEnv): RawEnv {
  const merged: RawEnv = {};
  for (const file of [`.env.${environment}`, `.env.${environment}.user`]) {
    const full = path.join(root, "env", file);
    if (existsSync(full)) Object.assign(merged, parseDotenv(readFileSync(full)));
  }
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}

function demoLevel(value: string | undefined): AppConfig["demo"] {
  if (value === "community") return "community";
  return value === "true" || value === "1" || value === "full" ? "full" : "off";
}

function decideMode(env: RawEnv): AppMode {
  if (env.APP_MODE === "local" || env.APP_MODE === "production") return env.APP_MODE;
  // Secure by default: on App Service, or with NODE_ENV=production, never fall into local mode.
  if (env.WEBSITE_INSTANCE_ID || env.NODE_ENV === "production") return "production";
  return "local";
}

/**
 * Parses configuration once, at start. Local mode needs nothing; production refuses to start
 * unless bot credentials, storage, SSO app id/resource and allowed tenants are set.
 */
export function loadConfig(options: { env?: RawEnv; root?: string } = {}): AppConfig {
  const root = options.root ?? process.cwd();
  const processEnv = options.env ?? process.env;
  const mode = decideMode(processEnv);
  const environment = processEnv.TEAMSFX_ENV ?? (mode === "local" ? "local" : "prod");
  const env = readEnvFiles(root, environment, processEnv);

  const parsed = rawSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const raw = parsed.data;
  const problems: string[] = [];

  if (mode === "local" && raw.WEBSITE_INSTANCE_ID) {
    problems.push("APP_MODE=local is not allowed on Azure App Service: set APP_MODE=production.");
  }

  const allowedTenants = (raw.ALLOWED_TENANTS ?? (mode === "local" ? LOCAL_TENANT_ID : ""))
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const clientId = raw.AAD_APP_CLIENT_ID ?? (mode === "local" ? LOCAL_CLIENT_ID : "");
  const host = raw.HOST ?? (mode === "local" ? "127.0.0.1" : "0.0.0.0");
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, "");
  const applicationIdUri =
    raw.AAD_APP_ID_URI ?? (mode === "local" ? `api://localhost:${raw.PORT}/${clientId}` : "");

  if (mode === "production") {
    if (!raw.BOT_ID) problems.push("BOT_ID is required: the bot's Microsoft app id.");
    else if (!guid.safeParse(raw.BOT_ID).success) problems.push("BOT_ID must be a GUID.");
    if (raw.BOT_TYPE !== "UserAssignedMsi" && !raw.BOT_PASSWORD) {
      problems.push("BOT_PASSWORD is required unless BOT_TYPE=UserAssignedMsi.");
    }
    if (raw.BOT_TYPE !== "MultiTenant" && !raw.BOT_TENANT_ID) {
      problems.push(`BOT_TENANT_ID is required when BOT_TYPE=${raw.BOT_TYPE}.`);
    }
    if (!raw.TABLES_CONNECTION_STRING && !raw.TABLES_ENDPOINT) {
      problems.push("TABLES_CONNECTION_STRING or TABLES_ENDPOINT (managed identity) is required.");
    }
    if (!raw.AAD_APP_CLIENT_ID) problems.push("AAD_APP_CLIENT_ID is required: the tab's SSO app id.");
    else if (!guid.safeParse(raw.AAD_APP_CLIENT_ID).success)
      problems.push("AAD_APP_CLIENT_ID must be a GUID.");
    if (!raw.AAD_APP_ID_URI) problems.push("AAD_APP_ID_URI is required: api://<domain>/<client id>.");
    if (allowedTenants.length === 0) {
      problems.push("ALLOWED_TENANTS is required: comma-separated tenant ids allowed to use the app.");
    } else if (allowedTenants.some((t) => !guid.safeParse(t).success)) {
      problems.push("ALLOWED_TENANTS must list tenant GUIDs.");
    }
    if (raw.TAB_TOKEN_JWKS_URL && raw.TAB_TOKEN_JWKS_URL !== ENTRA_JWKS_URL) {
      problems.push("TAB_TOKEN_JWKS_URL cannot be overridden in production: tokens come from Entra ID.");
    }
    if (raw.BOT_OPENID_METADATA_URL) {
      problems.push(
        "BOT_OPENID_METADATA_URL cannot be set in production: bot tokens come from the Bot Framework.",
      );
    }
    if (demoLevel(raw.DEMO) !== "off") problems.push("DEMO data is for local mode only.");
  }
  const graph = graphConfig(raw, mode, problems);
  const generatedAnswers = generatedAnswersConfig(raw, mode, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const botAppId = raw.BOT_ID ?? "";
  return {
    mode,
    environment,
    port: raw.PORT,
    host,
    publicUrl,
    bot: {
      appId: botAppId,
      password: raw.BOT_PASSWORD ?? "",
      type: raw.BOT_TYPE,
      tenantId: raw.BOT_TENANT_ID ?? "",
      authDisabled: mode === "local" && botAppId === "",
      openIdMetadataUrl: mode === "local" ? raw.BOT_OPENID_METADATA_URL : undefined,
    },
    storage: {
      connectionString: raw.TABLES_CONNECTION_STRING,
      endpoint: raw.TABLES_ENDPOINT,
      tablePrefix: raw.TABLE_PREFIX,
    },
    auth: {
      clientId,
      applicationIdUri,
      allowedTenants,
      jwksUrl:
        mode === "local"
          ? (raw.TAB_TOKEN_JWKS_URL ?? `http://127.0.0.1:${raw.PORT}/local/idp/keys`)
          : ENTRA_JWKS_URL,
    },
    teamsAppId: raw.TEAMS_APP_ID ?? "",
    demo: mode !== "local" ? "off" : demoLevel(raw.DEMO),
    activityPollMs: raw.ACTIVITY_POLL_MS,
    webRoot: path.resolve(root, raw.WEB_ROOT ?? "dist/web"),
    fixturesDir: path.resolve(root, raw.FIXTURES_DIR ?? "fixtures"),
    tabApiRateLimit: { requests: raw.TAB_API_RATE_LIMIT, windowMs: raw.TAB_API_RATE_WINDOW_SECONDS * 1000 },
    insights: {
      personLevelOff: personLevelOff(raw.INSIGHTS_PERSON_LEVEL_OFF),
      refreshMs: raw.INSIGHTS_REFRESH_MINUTES * 60_000,
      threads: raw.INSIGHTS_THREADS,
    },
    graph,
    generatedAnswers,
  };
}

/**
 * Generated answers are off unless an admin names an Azure OpenAI endpoint and deployment. Then
 * all of it must be there (endpoint, deployment, API version, and a key or the managed
 * identity): half a configuration never starts, so answers are not silently extractive where an
 * admin meant them generated, nor sent somewhere unintended. Production talks https only.
 */
function generatedAnswersConfig(
  raw: z.infer<typeof rawSchema>,
  mode: AppMode,
  problems: string[],
): AppConfig["generatedAnswers"] {
  const set = [
    raw.AZURE_OPENAI_ENDPOINT,
    raw.AZURE_OPENAI_DEPLOYMENT,
    raw.AZURE_OPENAI_API_VERSION,
    raw.AZURE_OPENAI_API_KEY,
    raw.AZURE_OPENAI_AUTH,
    raw.AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID,
  ].some((v) => v !== undefined && v !== "");
  if (!set) return undefined;
  const before = problems.length;
  const endpoint = raw.AZURE_OPENAI_ENDPOINT ?? "";
  const deployment = raw.AZURE_OPENAI_DEPLOYMENT ?? "";
  const apiVersion = raw.AZURE_OPENAI_API_VERSION ?? "";
  if (!endpoint)
    problems.push("AZURE_OPENAI_ENDPOINT is required for generated answers (or unset every AZURE_OPENAI_*).");
  if (!deployment) problems.push("AZURE_OPENAI_DEPLOYMENT is required for generated answers.");
  if (!apiVersion)
    problems.push("AZURE_OPENAI_API_VERSION is required for generated answers (e.g. 2024-10-21).");
  if (mode === "production" && endpoint && new URL(endpoint).protocol !== "https:")
    problems.push("AZURE_OPENAI_ENDPOINT must use https in production.");
  const kind = raw.AZURE_OPENAI_AUTH ?? (raw.AZURE_OPENAI_API_KEY ? "key" : undefined);
  if (!kind)
    problems.push("Set AZURE_OPENAI_API_KEY, or AZURE_OPENAI_AUTH=managed-identity, for generated answers.");
  if (kind === "key" && !raw.AZURE_OPENAI_API_KEY)
    problems.push("AZURE_OPENAI_AUTH=key needs AZURE_OPENAI_API_KEY.");
  if (kind === "managed-identity" && raw.AZURE_OPENAI_API_KEY)
    problems.push("AZURE_OPENAI_API_KEY is set while AZURE_OPENAI_AUTH=managed-identity: keep one.");
  if (problems.length > before || !kind) return undefined;
  return {
    endpoint,
    deployment,
    apiVersion,
    auth:
      kind === "key"
        ? { kind, apiKey: raw.AZURE_OPENAI_API_KEY ?? "" }
        : { kind, clientId: raw.AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID || undefined },
  };
}

/** `INSIGHTS_PERSON_LEVEL_OFF`: `*` (every tenant) or tenant ids separated by commas. */
function personLevelOff(value: string | undefined): string[] | "all" {
  if (value?.trim() === "*") return "all";
  return (value ?? "")
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Microsoft Graph settings. Locally: the stand-in with a fixed token unless told otherwise.
 * Production: off until GRAPH_AUTH names a real credential; only Microsoft's Graph hosts (a
 * custom base URL needs GRAPH_ALLOW_CUSTOM_BASE_URL=true, and https); never a static token.
 */
function graphConfig(raw: z.infer<typeof rawSchema>, mode: AppMode, problems: string[]): AppConfig["graph"] {
  const kind = raw.GRAPH_AUTH ?? (mode === "local" ? "static" : "off");
  const cacheTtlMs = raw.GRAPH_CACHE_TTL_MINUTES * 60_000;
  const baseUrl = raw.GRAPH_BASE_URL ?? (mode === "production" ? "https://graph.microsoft.com/" : undefined);
  if (mode === "production" && baseUrl) {
    const url = new URL(baseUrl);
    const allowCustom = raw.GRAPH_ALLOW_CUSTOM_BASE_URL === "true" || raw.GRAPH_ALLOW_CUSTOM_BASE_URL === "1";
    if (url.protocol !== "https:") problems.push("GRAPH_BASE_URL must use https in production.");
    else if (!GRAPH_CLOUD_HOSTS.includes(url.hostname) && !allowCustom) {
      problems.push(
        `GRAPH_BASE_URL must be Microsoft Graph (${GRAPH_CLOUD_HOSTS.join(", ")}) in production; set GRAPH_ALLOW_CUSTOM_BASE_URL=true only for a proxy you run.`,
      );
    }
  }
  let auth: GraphAuthConfig | undefined;
  switch (kind) {
    case "off":
      auth = undefined;
      break;
    case "static":
      if (mode === "production") problems.push("GRAPH_AUTH=static is for the local Graph stand-in only.");
      auth = { kind: "static", token: raw.GRAPH_STATIC_TOKEN ?? "local-graph-stand-in" };
      break;
    case "client-secret":
      if (!raw.GRAPH_CLIENT_ID || !raw.GRAPH_CLIENT_SECRET) {
        problems.push("GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET are required when GRAPH_AUTH=client-secret.");
      }
      auth = { kind, clientId: raw.GRAPH_CLIENT_ID ?? "", clientSecret: raw.GRAPH_CLIENT_SECRET ?? "" };
      break;
    case "federated-identity":
      if (!raw.GRAPH_CLIENT_ID || !raw.GRAPH_MANAGED_IDENTITY_CLIENT_ID) {
        problems.push(
          "GRAPH_CLIENT_ID and GRAPH_MANAGED_IDENTITY_CLIENT_ID are required when GRAPH_AUTH=federated-identity.",
        );
      }
      auth = {
        kind,
        clientId: raw.GRAPH_CLIENT_ID ?? "",
        managedIdentityClientId: raw.GRAPH_MANAGED_IDENTITY_CLIENT_ID ?? "",
      };
      break;
    case "managed-identity":
      auth = { kind, managedIdentityClientId: raw.GRAPH_MANAGED_IDENTITY_CLIENT_ID };
      break;
  }
  return { auth, baseUrl, cacheTtlMs };
}
