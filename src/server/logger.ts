/**
 * Structured logs, one JSON line each. Never pass message bodies, tokens or secrets: log the ids
 * needed to debug (tenant, community, activity) instead.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = "info" | "warn" | "error";

/** A logger that writes JSON lines to stdout/stderr; `silent` is for tests and benchmarks. */
export function createLogger(options: { silent?: boolean } = {}): Logger {
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (options.silent) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
    (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
  };
  return {
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
  };
}
