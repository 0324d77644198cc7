import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { freePort } from "../../scripts/lib/freePort.js";
import { DEMO_COMMUNITY_ID } from "../../src/local/demoCommunity.js";
import { startLocalMode } from "../../src/local/localMode.js";
import { createLogger, type Logger } from "../../src/observability/logger.js";
import { type AppConfig, loadConfig } from "../../src/server/config.js";
import { startServer } from "../../src/server/main.js";
import { TableStore } from "../../src/storage/tableStore.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A table prefix of its own, so test files share one Azurite without seeing each other's rows. */
export function uniqueTablePrefix(): string {
  return `t${randomBytes(6).toString("hex")}`;
}

let uniqueNames = 0;

/** A name no other test of this run uses (an activity's request id, a meeting chat). */
export function uniqueName(what: string): string {
  return `${what}-${Date.now().toString(36)}-${uniqueNames++}`;
}

/** A TableStore on the suite's Azurite with tables of its own (a fresh prefix), created and ready. */
export async function freshTableStore(): Promise<TableStore> {
  const store = await TableStore.connect({
    connectionString: inject("tablesConnectionString"),
    tablePrefix: uniqueTablePrefix(),
  });
  await store.ensureTables();
  return store;
}

export interface TestServer {
  baseUrl: string;
  demoCommunityId: string;
  config: AppConfig;
  close(): Promise<void>;
}

/** The server's configuration in local mode on `port`, with tables of its own on the run's Azurite. */
export function localTestConfig(port: number, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    root: repoRoot,
    env: {
      PATH: process.env.PATH,
      APP_MODE: "local",
      PORT: String(port),
      TABLES_CONNECTION_STRING: inject("tablesConnectionString"),
      TABLE_PREFIX: uniqueTablePrefix(),
      ...env,
    },
  });
}

/**
 * Starts the real server (composition root) on a free port against the run's Azurite, in local
 * mode unless `env` says otherwise. Logs are silent unless PEERCIRCLE_TEST_LOGS=1 or `logger` is given.
 */
export async function startTestServer(
  opts: { demo?: boolean; env?: Record<string, string>; logger?: Logger } = {},
): Promise<TestServer> {
  // A free port can be taken by another test file between asking and listening: try a new one.
  for (let attempt = 1; ; attempt++) {
    const config = localTestConfig(await freePort(), {
      // The demo community and its members only: tests make the entries they look for.
      DEMO: opts.demo ? "community" : "false",
      ...opts.env,
    });
    try {
      const server = await startServer(
        config,
        opts.logger ?? createLogger({ silent: process.env.PEERCIRCLE_TEST_LOGS !== "1" }),
        config.mode === "local" ? await startLocalMode(config) : undefined,
      );
      return { baseUrl: server.url, demoCommunityId: DEMO_COMMUNITY_ID, config, close: server.close };
    } catch (error) {
      if (attempt >= 5 || (error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    }
  }
}

/** A tab token for a person of the synthetic organisation, from the local identity provider. */
export async function tokenFor(baseUrl: string, userId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/local/api/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  if (!res.ok) throw new Error(`token request failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
