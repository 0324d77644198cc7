import path from "node:path";
import { startLocalMode } from "../src/local/localMode.js";
import { createLogger } from "../src/observability/logger.js";
import { ConfigError, loadConfig } from "../src/server/config.js";
import { startServer } from "../src/server/main.js";
import { DEFAULT_TABLE_PORT, startAzurite } from "./lib/azurite.js";
import { forgetServerPort, recordServerPort } from "./lib/localServerRecord.js";

/**
 * `npm start`: the whole app locally with no Azure and no tenant. Starts Azurite's table service
 * (data kept in .data/azurite — or PEERCIRCLE_DATA_DIR — so it survives restarts), then the
 * server in local mode. `--demo` (or DEMO=true) seeds a demo community. Ctrl-C stops both.
 */
const root = process.cwd();
const dataDir = process.env.PEERCIRCLE_DATA_DIR ?? path.join(root, ".data");
const demo = process.argv.includes("--demo") || process.env.DEMO === "true" || process.env.DEMO === "1";
const logger = createLogger();

const azurite = await startAzurite({
  location: path.join(dataDir, "azurite"),
  preferredPort: DEFAULT_TABLE_PORT,
});
logger.info("Azurite table service started", { port: azurite.port });

let stopping = false;
const stopAll = async (code: number) => {
  if (stopping) return;
  stopping = true;
  forgetServerPort(dataDir);
  await azurite.stop();
  process.exit(code);
};
process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));
// A crash stops Azurite too, letting it save first (it also stops by itself when this process is
// gone, see startAzurite, but then nobody waits for it).
process.once("uncaughtException", (error) => {
  process.stderr.write(`PeerCircle stopped on an unexpected error:\n${error.stack ?? String(error)}\n`);
  void stopAll(1);
});

try {
  const config = loadConfig({
    root,
    env: {
      ...process.env,
      APP_MODE: process.env.APP_MODE ?? "local",
      TABLES_CONNECTION_STRING: process.env.TABLES_CONNECTION_STRING ?? azurite.connectionString,
      ...(demo ? { DEMO: "true" } : {}),
    },
  });
  const server = await startServer(config, logger, await startLocalMode(config));
  recordServerPort(dataDir, server.port);
  const hostUrl = `http://localhost:${server.port}/local/`;
  process.stdout.write(
    [
      "",
      "PeerCircle is running locally.",
      `  Tab in the local Teams host:  ${hostUrl}`,
      `  Bot endpoint:                 http://localhost:${server.port}/api/messages  (npm run playground to chat with it)`,
      `  Health:                       http://localhost:${server.port}/api/health`,
      demo
        ? "  Demo community seeded: Data Community."
        : "  Tip: npm start -- --demo seeds a demo community.",
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
  const stopServer = async () => {
    await server.close();
    await stopAll(0);
  };
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.once("SIGINT", () => void stopServer());
  process.once("SIGTERM", () => void stopServer());
} catch (error) {
  process.stderr.write(`${startFailure(error)}\n`);
  await stopAll(1);
}

/** What went wrong, said so that the person knows what to do. */
function startFailure(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    const port = process.env.PORT ?? "3978";
    return [
      `Port ${port} is already in use (another PeerCircle, or another program).`,
      `Stop it, or pick another port with the PORT setting: PORT=${Number(port) + 1} npm start`,
      `(and PORT=${Number(port) + 1} npm run playground to chat with that one).`,
    ].join("\n");
  }
  return String(error);
}
