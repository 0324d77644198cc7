import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm start` records the port it listens on in the data folder (`.data/server.json`), so
 * `npm run playground` in another terminal talks to that server, whatever PORT it was started with.
 */
export function recordServerPort(dataDir: string, port: number): void {
  writeFileSync(serverRecordPath(dataDir), `${JSON.stringify({ port })}\n`);
}

/** Forgets the record when the server stops. */
export function forgetServerPort(dataDir: string): void {
  rmSync(serverRecordPath(dataDir), { force: true });
}

/** The port a running `npm start` recorded, if any. */
export function recordedServerPort(dataDir: string): number | undefined {
  try {
    const { port } = JSON.parse(readFileSync(serverRecordPath(dataDir), "utf8")) as { port?: unknown };
    return typeof port === "number" && Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

function serverRecordPath(dataDir: string): string {
  return path.join(dataDir, "server.json");
}
