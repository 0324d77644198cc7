import { randomBytes } from "node:crypto";
import path from "node:path";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";

/** The repository root (the compiled bench runs from dist/bench). */
export const root = process.cwd();
export const serverScript = path.join(root, "dist", "bench", "lib", "localServer.js");
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
    // The search scenario sends 1,200 searches in a few seconds as one person, a load no person's
    // tab makes: the per-person limit stays on (its cost is measured) but far above that.
    TAB_API_RATE_LIMIT: "100000",
    ...extra,
  };
}
