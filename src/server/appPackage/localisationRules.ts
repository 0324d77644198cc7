import { AppManifestUtils } from "@microsoft/app-manifest";
import { asArray, asObject, readPath } from "./jsonPath.js";
import {
  asAppManifest,
  bundledSchemaVersion,
  formatSchemaError,
  loadBundledSchema,
} from "./manifestSchemas.js";

/** Keys of a localisation file that are not manifest paths. */
const NON_PATH_KEYS = new Set(["$schema", "localizationKeys"]);

/**
 * Checks every localisation file the manifest names: valid JSON, valid against the bundled
 * localisation schema of the manifest's version (which caps each string at the manifest's own
 * limit), one file per language, and every key pointing at a string the manifest really has —
 * Teams silently ignores keys that match nothing, so a typo would leave the English text showing.
 */
export async function checkLocalisation(
  manifest: unknown,
  manifestSchemaVersion: string | undefined,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<string[]> {
  const info = asObject(asObject(manifest)?.localizationInfo);
  if (!info) return [];
  const problems: string[] = [];
  const defaultTag = typeof info.defaultLanguageTag === "string" ? info.defaultLanguageTag.toLowerCase() : "";
  const seenTags = new Set<string>([defaultTag]);
  const localisationFiles: string[] = [];
  if (typeof info.defaultLanguageFile === "string") localisationFiles.push(info.defaultLanguageFile);
  for (const language of asArray(info.additionalLanguages)) {
    const entry = asObject(language);
    if (typeof entry?.languageTag !== "string" || typeof entry.file !== "string") continue;
    const tag = entry.languageTag.toLowerCase();
    if (seenTags.has(tag)) {
      problems.push(
        `localizationInfo lists language "${entry.languageTag}" twice (or as the default language)`,
      );
    }
    seenTags.add(tag);
    localisationFiles.push(entry.file);
  }
  for (const file of localisationFiles) {
    const bytes = files.get(file);
    // A missing file is reported once, by the package's referenced-files check.
    if (bytes) problems.push(...(await checkLocalisationFile(file, bytes, manifest, manifestSchemaVersion)));
  }
  return problems;
}

async function checkLocalisationFile(
  file: string,
  bytes: Uint8Array,
  manifest: unknown,
  manifestSchemaVersion: string | undefined,
): Promise<string[]> {
  let strings: unknown;
  try {
    strings = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    return [`${file} is not valid JSON: ${(error as Error).message}`];
  }
  const object = asObject(strings);
  if (!object) return [`${file} must be a JSON object`];
  const version = bundledSchemaVersion(object.$schema, "localisation");
  if (!version) {
    return [
      `${file} $schema must be a bundled Teams localisation schema, e.g. https://developer.microsoft.com/json-schemas/teams/${manifestSchemaVersion ?? "v1.30"}/MicrosoftTeams.Localization.schema.json`,
    ];
  }
  const problems: string[] = [];
  if (manifestSchemaVersion && version !== manifestSchemaVersion) {
    problems.push(
      `${file} uses the ${version} localisation schema; the manifest is ${manifestSchemaVersion}`,
    );
  }
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(
    asAppManifest(object),
    loadBundledSchema(version, "localisation"),
  );
  problems.push(...schemaErrors.map((e) => formatSchemaError(file, e)));
  for (const key of Object.keys(object)) {
    if (NON_PATH_KEYS.has(key)) continue;
    if (typeof readPath(manifest, key) !== "string") {
      problems.push(`${file}: "${key}" does not match a text in manifest.json`);
    }
  }
  return problems;
}
