import { randomBytes } from "node:crypto";
import path from "node:path";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { type ServerProcess, spawnServer } from "./processes.js";

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

/**
 * The framework floor deployed as the app is: as many instances (BENCH_FLOOR_INSTANCES overrides),
 * on the same Azurite, a burst spread over them in turn as over the app's. On two shared cores the
 * number of Node processes changes what a request costs (three processes spent 2.3 ms of CPU per
 * floor invoke where one spent 1.2–1.4 ms, measured with BENCH_CPU=1): the deployment's cost, not
 * PeerCircle's, so the floor bears it too.
 */
export async function spawnFloors(azurite: RunningAzurite, instances: number): Promise<ServerProcess[]> {
  const floors: ServerProcess[] = [];
  for (let i = 0; i < Number(process.env.BENCH_FLOOR_INSTANCES ?? instances); i++)
    floors.push(
      await spawnServer(
        floorScript,
        { TABLES_CONNECTION_STRING: azurite.connectionString },
        await freePort(),
        "/health",
      ),
    );
  return floors;
}
