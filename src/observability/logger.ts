/**
 * Structured logs, one JSON line each. Never pass message bodies, tokens or secrets: log the ids
 * needed to debug (tenant, community, activity) instead. As a second line of defence the logger
 * itself drops fields whose names say they hold content or credentials, and masks anything shaped
 * like a bearer token or JWT inside other strings (error messages can quote what they choked on).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = "info" | "warn" | "error";

/** Field names whose values are never written (compared case-insensitively, without - and _). */
const CONTENT_FIELDS = new Set(["body", "text", "content", "html", "messagepayload", "value", "cookie"]);
/** Parts of a field name that mark a credential: `BOT_PASSWORD`, `accessToken`, `clientSecret`… */
const CREDENTIAL_PARTS = ["authorization", "token", "password", "secret", "connectionstring", "apikey"];

const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const ACCOUNT_KEY = /(AccountKey|SharedAccessSignature|sig)=[^;&\s]+/gi;
/** Long strings are cut: a log line is for finding a problem, not for carrying data. */
const MAX_STRING = 500;

function scrubString(value: string): string {
  const masked = value
    .replace(JWT, "[jwt]")
    .replace(BEARER, "$1 [redacted]")
    .replace(ACCOUNT_KEY, "$1=[redacted]");
  return masked.length > MAX_STRING ? `${masked.slice(0, MAX_STRING)}…` : masked;
}

function isRedactedName(name: string): boolean {
  const normal = name.toLowerCase().replace(/[-_]/g, "");
  return CONTENT_FIELDS.has(normal) || CREDENTIAL_PARTS.some((part) => normal.includes(part));
}

/** A copy of the fields safe to write: redacted names dropped, strings scrubbed, depth bounded. */
export function redactLogFields(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= 4) return "[…]";
  if (value instanceof Error) return scrubString(value.message);
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redactLogFields(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isRedactedName(key) ? "[redacted]" : redactLogFields(inner, depth + 1);
  }
  return out;
}

/** A logger that writes JSON lines to stdout/stderr; `silent` is for tests and benchmarks. */
export function createLogger(
  options: { silent?: boolean; write?: (level: Level, line: string) => void } = {},
): Logger {
  const sink =
    options.write ??
    ((level: Level, line: string) => (level === "info" ? process.stdout : process.stderr).write(`${line}\n`));
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (options.silent) return;
    const safe = fields ? (redactLogFields(fields) as Record<string, unknown>) : {};
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      message: scrubString(message),
      ...safe,
    });
    sink(level, line);
  };
  return {
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
  };
}
