/** `${{NAME}}`, the Agents Toolkit's placeholder syntax (whitespace inside the braces allowed). */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Production has no name suffix, so this one may be empty; every other variable must have a value. */
const MAY_BE_EMPTY = new Set(["APP_NAME_SUFFIX"]);

/**
 * `PACKAGE_PLACEHOLDER_<NAME>` stands in for an empty `<NAME>` so a package can be built before
 * provisioning. Provision writes the real values (the toolkit skips creating an Entra app when its
 * client id is already set, so the real variables must stay empty until then).
 */
export const PLACEHOLDER_FALLBACK_PREFIX = "PACKAGE_PLACEHOLDER_";

/** The outcome of resolving one file's placeholders. */
export interface PlaceholderResolution {
  text: string;
  /** Variables that are not defined at all. */
  missing: string[];
  /** Variables defined but empty, with no fallback. */
  empty: string[];
  /** Variables that were empty and took their `PACKAGE_PLACEHOLDER_` value. */
  fallbacks: string[];
}

/** Every variable a text refers to, in order of first use. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
}

/**
 * Replaces every `${{NAME}}` in `text`. With `jsonString`, values are escaped for a JSON string
 * literal, so a value with a quote or backslash cannot break (or inject into) the manifest.
 */
export function resolvePlaceholders(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  options: { jsonString: boolean },
): PlaceholderResolution {
  const missing = new Set<string>();
  const empty = new Set<string>();
  const fallbacks = new Set<string>();
  const resolved = text.replace(PLACEHOLDER, (whole, name: string) => {
    let value = env[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    if (value === "" && !MAY_BE_EMPTY.has(name)) {
      const fallback = env[`${PLACEHOLDER_FALLBACK_PREFIX}${name}`];
      if (!fallback) {
        empty.add(name);
        return whole;
      }
      fallbacks.add(name);
      value = fallback;
    }
    return options.jsonString ? JSON.stringify(value).slice(1, -1) : value;
  });
  return { text: resolved, missing: [...missing], empty: [...empty], fallbacks: [...fallbacks] };
}
