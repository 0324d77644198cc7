import { asArray, asObject } from "./jsonPath.js";

/** Teams requires `version` to be semver major.minor.patch (the v1.2x+ schemas only cap its length). */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Rules Teams enforces when a package is uploaded that the JSON schema does not express. Each
 * returns messages naming the field; the schema itself is checked separately.
 */
export function checkManifestRules(manifest: unknown, schemaVersion: string | undefined): string[] {
  const m = asObject(manifest);
  if (!m) return ["manifest.json must be a JSON object"];
  return [
    ...checkVersions(m, schemaVersion),
    ...checkSingleSignOn(m),
    ...checkValidDomains(m),
    ...checkHttpsUrls(m),
  ];
}

function checkVersions(m: Record<string, unknown>, schemaVersion: string | undefined): string[] {
  const problems: string[] = [];
  if (typeof m.version === "string" && !SEMVER.test(m.version)) {
    problems.push(`manifest.json version "${m.version}" must be major.minor.patch, e.g. 1.0.0`);
  }
  if (schemaVersion?.startsWith("v1.") && m.manifestVersion !== schemaVersion.slice(1)) {
    problems.push(
      `manifest.json manifestVersion "${String(m.manifestVersion)}" must match the $schema version (${schemaVersion.slice(1)})`,
    );
  }
  return problems;
}

/**
 * Tab SSO: Teams asks Entra ID for a token whose audience is `webApplicationInfo.resource`, which
 * must be the app registration's Application ID URI `api://<domain>/<client id>`.
 */
function checkSingleSignOn(m: Record<string, unknown>): string[] {
  const info = asObject(m.webApplicationInfo);
  if (!info || typeof info.resource !== "string" || typeof info.id !== "string") return [];
  const match = /^api:\/\/([^/]+)\/(.+)$/.exec(info.resource);
  if (!match) return [`webApplicationInfo.resource "${info.resource}" must be api://<domain>/<client id>`];
  const problems: string[] = [];
  if (match[2] !== info.id) {
    problems.push(`webApplicationInfo.resource must end with webApplicationInfo.id (${info.id})`);
  }
  const domains = asArray(m.validDomains).filter((d): d is string => typeof d === "string");
  if (match[1] && !domains.includes(match[1])) {
    problems.push(`webApplicationInfo.resource domain "${match[1]}" must be listed in validDomains`);
  }
  return problems;
}

/** validDomains are host names (wildcards allowed), never URLs: Teams ignores entries with a scheme. */
function checkValidDomains(m: Record<string, unknown>): string[] {
  return asArray(m.validDomains)
    .filter((d): d is string => typeof d === "string" && (d.includes("://") || d.includes("/")))
    .map((d) => `validDomains entry "${d}" must be a host name without scheme or path`);
}

/** Teams only loads tab and dialog content over HTTPS; plain HTTP is tolerated for loopback only. */
function checkHttpsUrls(m: Record<string, unknown>): string[] {
  const urls: Array<[string, unknown]> = [];
  asArray(m.configurableTabs).forEach((tab, i) => {
    urls.push([`configurableTabs[${i}].configurationUrl`, asObject(tab)?.configurationUrl]);
  });
  asArray(m.staticTabs).forEach((tab, i) => {
    const t = asObject(tab);
    urls.push([`staticTabs[${i}].contentUrl`, t?.contentUrl], [`staticTabs[${i}].websiteUrl`, t?.websiteUrl]);
  });
  const developer = asObject(m.developer);
  for (const field of ["websiteUrl", "privacyUrl", "termsOfUseUrl"]) {
    urls.push([`developer.${field}`, developer?.[field]]);
  }
  const problems: string[] = [];
  for (const [field, value] of urls) {
    if (typeof value !== "string") continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${field} "${value}" is not a URL`);
      continue;
    }
    if (url.protocol !== "https:" && !LOOPBACK_HOSTS.has(url.hostname)) {
      problems.push(`${field} "${value}" must use https`);
    }
  }
  return problems;
}
