import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "./freePort.js";

/** Azurite's well-known development account (public, documented; not a secret). */
const DEV_ACCOUNT = "devstoreaccount1";
const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** Azurite's default table port; a free one is taken when it is busy. */
export const DEFAULT_TABLE_PORT = 10002;

export interface RunningAzurite {
  port: number;
  /** The Azurite process (tests pause it to play a storage that hangs). */
  pid: number;
  connectionString: string;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Folder to persist data in; in memory when absent. */
  location?: string;
  /** Port to try first. */
  preferredPort?: number;
  /** Exactly this port (a restart on the port clients already use); the start fails if it is taken. */
  port?: number;
  /** How long to wait for "successfully started". */
  timeoutMs?: number;
  /** Node options for Azurite's process (a benchmark's `--cpu-prof`, to see where storage's time goes). */
  nodeArgs?: string[];
}

/** The connection string for an Azurite table service on this port. */
export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
}

/**
 * Runs Azurite's table service (its main module, argv[1]) so that it stops with its parent: the
 * parent holds the other end of stdin, which closes however the parent ends — Ctrl-C, an uncaught
 * exception, even SIGKILL — and Azurite then gets SIGINT, the signal on which it saves its data and
 * closes (a SIGTERM or SIGKILL would lose the last seconds of writes). Without this an `npm start`
 * that crashed left Azurite running, orphaned, holding its port. If closing hangs, it exits after
 * 10 s anyway. Inline (`node -e`) so it runs the same from the TypeScript sources and from dist.
 */
const STOP_WITH_PARENT = `
process.stdin.on("end", () => {
  process.emit("SIGINT", "SIGINT");
  setTimeout(() => process.exit(0), 10000);
});
process.stdin.resume();
process.stdin.unref();
require(process.argv[1]);
`;

/**
 * Starts only Azurite's table service as a child process (the project's own pinned azurite) on
 * 127.0.0.1 and resolves once it says it started. It stops when this process ends.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const port = options.port ?? (await freePort(options.preferredPort));
  const require = createRequire(import.meta.url);
  const main = path.join(path.dirname(require.resolve("azurite/package.json")), "dist/src/table/main.js");
  const args = [
    ...(options.nodeArgs ?? []),
    "-e",
    STOP_WITH_PARENT,
    main,
    "--tableHost",
    "127.0.0.1",
    "--tablePort",
    String(port),
    "--disableTelemetry",
    "--skipApiVersionCheck",
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push("--location", options.location);
  } else {
    args.push("--inMemoryPersistence");
  }
  const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "pipe"] });
  await waitForStart(child, options.timeoutMs ?? 20_000);
  return {
    port,
    pid: child.pid ?? 0,
    connectionString: azuriteConnectionString(port),
    stop: () => stopChild(child),
  };
}

function waitForStart(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("successfully started")) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        // Keep draining so a chatty Azurite never blocks on a full pipe.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code} before it started:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    // Azurite flushes its database to disk on SIGINT only (table/main.js); SIGTERM would lose data.
    child.kill("SIGINT");
  });
}
