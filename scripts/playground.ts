import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { recordedServerPort } from "./lib/localServerRecord.js";

/**
 * `npm run playground`: the Microsoft 365 Agents Playground (a Teams-like web client that talks the
 * real Bot Framework protocol) against the local bot, started with `npm start`. Telemetry is off
 * and nothing leaves the machine. Ctrl-C stops it.
 *
 * Environment: `BOT_ENDPOINT` (full messaging URL) or `PORT` (the bot's port); without either, the
 * port a running `npm start` recorded in the data folder, else 3978;
 * `PLAYGROUND_PORT` (default 56150; the playground picks a free port if that one is taken).
 */

/** The port the Agents Toolkit uses for the playground. */
const DEFAULT_PLAYGROUND_PORT = 56150;

/** How to start the playground: the command line and the environment it needs. */
export interface PlaygroundCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * The playground's command line. `--dt` disables its telemetry and `APPLICATION_INSIGHTS_NO_STATSBEAT`
 * stops the Application Insights SDK it embeds from reporting usage (without both it calls Azure's
 * instance metadata service and *.applicationinsights.azure.com at start).
 */
export function playgroundCommand(options: {
  root: string;
  botEndpoint: string;
  port: number;
  /** Where the playground writes its log; by default it writes ./devTools/ in the working directory. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}): PlaygroundCommand {
  const bin = path.join(options.root, "node_modules", ".bin", "agentsplayground");
  return {
    // Through this Node rather than the bin's `#!/usr/bin/env node`, so a test can preload into it.
    command: process.execPath,
    args: [bin, "-e", options.botEndpoint, "-c", "msteams", "-p", String(options.port), "--dt"],
    env: {
      ...(options.env ?? process.env),
      APPLICATION_INSIGHTS_NO_STATSBEAT: "true",
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
    },
  };
}

/** Resolves with the port once the playground prints `Listening on <port>` (it does when piped). */
export function waitForListening(child: ChildProcess, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => finish(new Error(`the playground did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null) =>
      finish(new Error(`the playground exited (${code}) before listening:\n${output}`));
    function finish(error?: Error, port?: number) {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(port as number);
    }
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

async function botIsListening(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { method: "GET", signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The bot's messaging endpoint: `BOT_ENDPOINT`, else the `PORT` given, else the port `npm start`
 * recorded (so the playground follows a server started on another port), else 3978.
 */
export function botEndpointFor(env: NodeJS.ProcessEnv, recordedPort: number | undefined): string {
  if (env.BOT_ENDPOINT) return env.BOT_ENDPOINT;
  const port = env.PORT || (recordedPort ? String(recordedPort) : "3978");
  return `http://127.0.0.1:${port}/api/messages`;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const dataDir = process.env.PEERCIRCLE_DATA_DIR ?? path.join(root, ".data");
  const botEndpoint = botEndpointFor(process.env, recordedServerPort(dataDir));
  const logFile = path.join(root, ".data", "playground", "m365agentsplayground.log");
  const { command, args, env } = playgroundCommand({
    root,
    botEndpoint,
    port: Number.parseInt(process.env.PLAYGROUND_PORT ?? "", 10) || DEFAULT_PLAYGROUND_PORT,
    logFile,
  });
  if (!(await botIsListening(botEndpoint))) {
    process.stdout.write(
      `No bot answers at ${botEndpoint} yet: start it with \`npm start\` in another terminal.\n`,
    );
  }
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  const port = await waitForListening(child);
  child.stdout?.resume(); // keep draining what else it prints
  process.stdout.write(
    [
      `Microsoft 365 Agents Playground: http://localhost:${port}`,
      `  bot endpoint: ${botEndpoint}`,
      `  log:          ${path.relative(root, logFile)}`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}

const isMain =
  process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain) await main();
