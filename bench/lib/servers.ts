import { randomBytes } from "node:crypto";
import path from "node:path";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";

/** The repository root (the compiled bench runs from dist/bench). */
export const root = process.cwd();
export const serverScript = path.join(root, "dist", "src", "server", "index.js");
export const floorScript = path.join(root, "dist", "bench", "floor", "bareTeamsAiBot.js");

/** Environment for the real server in local mode against the bench's Azurite, with its own tables. */
export function serverEnv(
  azurite: RunningAzurite,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    APP_MODE: "local",
    TABLES_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: `b${randomBytes(5).toString("hex")}`,
    ...extra,
  };
}
