import net from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/freePort.js";
import { createLogger } from "../../src/observability/logger.js";
import { startServer } from "../../src/server/main.js";
import { localTestConfig } from "../support/testServer.js";

describe("server start", () => {
  it("fails with the port's error (EADDRINUSE) when something else listens on it", async () => {
    const port = await freePort();
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(port, "127.0.0.1", resolve));
    try {
      await expect(startServer(localTestConfig(port), createLogger({ silent: true }))).rejects.toMatchObject({
        code: "EADDRINUSE",
      });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
