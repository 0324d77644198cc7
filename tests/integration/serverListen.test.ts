import net from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/freePort.js";
import { startLocalMode } from "../../src/local/localMode.js";
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

  it("stops local mode's stand-ins when the start fails, so no Graph stand-in is left listening", async () => {
    const port = await freePort();
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(port, "127.0.0.1", resolve));
    const config = localTestConfig(port);
    const local = await startLocalMode(config);
    const standIn = local.graphBaseUrl;
    expect(standIn).toBeDefined();
    try {
      await expect(startServer(config, createLogger({ silent: true }), local)).rejects.toMatchObject({
        code: "EADDRINUSE",
      });
      await expect(fetch(`${standIn}/v1.0/users`)).rejects.toThrow();
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("refuses to build local stand-ins outside local mode (its identity provider signs tokens for anyone)", async () => {
    const config = { ...localTestConfig(await freePort()), mode: "production" as const };
    await expect(startLocalMode(config)).rejects.toThrow(/local mode only/);
  });
});
