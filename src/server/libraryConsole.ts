import type { Logger } from "../observability/logger.js";

/**
 * botbuilder and botframework-connector report failures with `console.error`/`console.warn`:
 * whole error objects, token validation details, the signing keys they tried. While a server
 * runs, that output goes through the redacting logger instead (one JSON line, tokens masked,
 * length bounded). Servers can overlap (tests start several in one process): the most recently
 * started one's logger receives it, and the console is restored when the last one stops.
 */
const loggers: Logger[] = [];
let original: Pick<Console, "error" | "warn"> | undefined;

function describe(value: unknown): unknown {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return value;
}

/** Routes console.error and console.warn to `logger` until the returned function is called. */
export function routeLibraryConsoleTo(logger: Logger): () => void {
  if (!original) {
    original = { error: console.error, warn: console.warn };
    console.error = (...args: unknown[]) =>
      loggers.at(-1)?.error("library reported an error", { detail: args.map(describe) });
    console.warn = (...args: unknown[]) =>
      loggers.at(-1)?.warn("library reported a warning", { detail: args.map(describe) });
  }
  loggers.push(logger);
  let routed = true;
  return () => {
    if (!routed) return;
    routed = false;
    loggers.splice(loggers.lastIndexOf(logger), 1);
    if (loggers.length === 0 && original) {
      console.error = original.error;
      console.warn = original.warn;
      original = undefined;
    }
  };
}
