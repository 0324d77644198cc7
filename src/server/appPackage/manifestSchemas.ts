import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AppManifest, AppManifestUtils } from "@microsoft/app-manifest";

/** The schema type `AppManifestUtils.validateAgainstSchema` takes (ajv's, which we do not import directly). */
export type JsonSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const require = createRequire(import.meta.url);
/** The schemas `@microsoft/app-manifest` ships: every released manifest version plus devPreview. */
const SCHEMA_ROOT = path.join(
  path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build",
  "json-schemas",
  "teams",
);

// https://developer.microsoft.com[/en-us]/json-schemas/teams/v1.30/MicrosoftTeams.schema.json
const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/i;

/** Which bundled Teams schema: the app manifest's or a localisation file's. */
export type SchemaKind = "manifest" | "localisation";

/** The schema a `$schema` URL names, if it is one of the bundled Teams schemas of that kind. */
export function bundledSchemaVersion($schema: unknown, kind: SchemaKind): string | undefined {
  if (typeof $schema !== "string") return undefined;
  const match = SCHEMA_URL.exec($schema);
  if (!match?.[1]) return undefined;
  const expectedFile =
    kind === "manifest" ? "MicrosoftTeams.schema.json" : "MicrosoftTeams.Localization.schema.json";
  if (match[2] !== expectedFile) return undefined;
  return existsSync(path.join(SCHEMA_ROOT, match[1], expectedFile)) ? match[1] : undefined;
}

const cache = new Map<string, JsonSchema>();

/**
 * Loads a bundled schema from disk, never from the network: validation must work offline and
 * must not depend on what developer.microsoft.com serves today.
 */
export function loadBundledSchema(version: string, kind: SchemaKind): JsonSchema {
  const file = kind === "manifest" ? "MicrosoftTeams.schema.json" : "MicrosoftTeams.Localization.schema.json";
  const key = `${version}/${file}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // The same clean-up the library applies: some schemas carry \a and \v, which JSON does not allow.
  const raw = readFileSync(path.join(SCHEMA_ROOT, version, file), "utf8")
    .replace(/\\a/g, "\\u0007")
    .replace(/\\v/g, "\\u000b");
  const schema = repairPatterns(JSON.parse(raw)) as JsonSchema;
  cache.set(key, schema);
  return schema;
}

/**
 * ajv compiles patterns with the `u` flag, where a `]` outside a character class is a syntax
 * error. The bundled localisation schemas (v1.28–v1.30) have two such patterns
 * (`activities.activityTypes[...]`); escaping the lone `]` keeps their meaning and lets the schema
 * compile. Other patterns are left exactly as published.
 */
function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "pattern" && typeof value === "string") out[key] = repairPattern(value);
    else if (key === "patternProperties" && typeof value === "object" && value !== null) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([p, v]) => [repairPattern(p), repairPatterns(v)]),
      );
    } else out[key] = repairPatterns(value);
  }
  return out;
}

function repairPattern(pattern: string): string {
  try {
    new RegExp(pattern, "u");
    return pattern;
  } catch {
    let result = "";
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === "\\") {
        result += c + (pattern[i + 1] ?? "");
        i++;
      } else if (c === "[" && !inClass) {
        inClass = true;
        result += c;
      } else if (c === "]") {
        result += inClass ? c : "\\]";
        inClass = false;
      } else result += c;
    }
    return result;
  }
}

/** Casts plain JSON for `AppManifestUtils.validateAgainstSchema`, which types its input loosely anyway. */
export function asAppManifest(json: unknown): AppManifest {
  return json as AppManifest;
}

/**
 * `AppManifestUtils.validateAgainstSchema` reports `<instancePath> <message>. Details: {…}`, with an
 * empty path for the root; prefix the file so `manifest.json/name/short must NOT have more than 30
 * characters` says where to look.
 */
export function formatSchemaError(file: string, error: string): string {
  return error.startsWith("/") ? `${file}${error}` : `${file}:${error.startsWith(" ") ? "" : " "}${error}`;
}
