import { createLogger } from "../observability/logger.js";
import { ConfigError, loadConfig } from "./config.js";
import { startServer } from "./main.js";

/** Entry point on App Service (`node dist/src/server/index.js`): configuration, then the server. */
const logger = createLogger();
try {
  const server = await startServer(loadConfig(), logger);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}
