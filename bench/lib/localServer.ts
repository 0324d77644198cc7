import { startLocalMode } from "../../src/local/localMode.js";
import { createLogger } from "../../src/observability/logger.js";
import { loadConfig } from "../../src/server/config.js";
import { startServer } from "../../src/server/main.js";

/**
 * A benchmark's server process: the production entry (src/server/index.ts) with local mode wired
 * as `npm start` wires it (the organisation's stand-ins, the demo data, `/local/api/token`), since
 * production never loads src/local. One process per instance, started by processes.ts.
 */
const config = loadConfig();
const server = await startServer(config, createLogger(), await startLocalMode(config));
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
