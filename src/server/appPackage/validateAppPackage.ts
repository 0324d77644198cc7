import { AppManifestUtils } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { checkIcon, type IconKind } from "./iconRules.js";
import { asObject } from "./jsonPath.js";
import { checkLocalisation } from "./localisationRules.js";
import { isSafePackagePath, referencedFiles } from "./manifestFiles.js";
import { checkManifestRules } from "./manifestRules.js";
import {
  asAppManifest,
  bundledSchemaVersion,
  formatSchemaError,
  loadBundledSchema,
} from "./manifestSchemas.js";
import { placeholderNames } from "./placeholders.js";

/** The files of an app package, by their path inside the zip. */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/** What validation found; the package is valid when `problems` is empty. */
export interface AppPackageValidation {
  manifest: Record<string, unknown> | undefined;
  /** The bundled schema version the manifest was checked against, e.g. `v1.30`. */
  schemaVersion: string | undefined;
  problems: string[];
}

/**
 * Validates an app package offline: the manifest against the bundled JSON schema its `$schema`
 * names, the upload rules the schema does not express, the icons, the localisation files, that
 * every file the manifest refers to is in the package, and that no `${{placeholder}}` is left.
 */
export async function validateAppPackage(files: PackageFiles): Promise<AppPackageValidation> {
  const manifestBytes = files.get("manifest.json");
  if (!manifestBytes) {
    return {
      manifest: undefined,
      schemaVersion: undefined,
      problems: ["manifest.json must be at the root of the package"],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(manifestBytes).toString("utf8"));
  } catch (error) {
    return {
      manifest: undefined,
      schemaVersion: undefined,
      problems: [`manifest.json is not valid JSON: ${(error as Error).message}`],
    };
  }
  const manifest = asObject(parsed);
  if (!manifest)
    return {
      manifest: undefined,
      schemaVersion: undefined,
      problems: ["manifest.json must be a JSON object"],
    };

  const problems: string[] = [...unresolvedPlaceholders(files)];
  const schemaVersion = bundledSchemaVersion(manifest.$schema, "manifest");
  if (schemaVersion) {
    const errors = await AppManifestUtils.validateAgainstSchema(
      asAppManifest(manifest),
      loadBundledSchema(schemaVersion, "manifest"),
    );
    problems.push(...errors.map((e) => formatSchemaError("manifest.json", e)));
  } else {
    // Without a bundled schema the library would fetch one over the network; refuse instead.
    problems.push(
      `manifest.json $schema "${String(manifest.$schema)}" is not a bundled Teams manifest schema (https://developer.microsoft.com/json-schemas/teams/v1.xx/MicrosoftTeams.schema.json)`,
    );
  }
  problems.push(...checkManifestRules(manifest, schemaVersion));
  problems.push(...checkReferencedFiles(manifest, files));
  problems.push(...checkIcons(manifest, files));
  problems.push(...(await checkLocalisation(manifest, schemaVersion, files)));
  return { manifest, schemaVersion, problems };
}

/** Unzips a package and validates it; a zip that cannot be read is one problem, not an exception. */
export async function validateAppPackageZip(zipBytes: Uint8Array): Promise<AppPackageValidation> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(zipBytes);
  } catch (error) {
    return {
      manifest: undefined,
      schemaVersion: undefined,
      problems: [`not a readable zip: ${(error as Error).message}`],
    };
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async("uint8array"));
  }
  return validateAppPackage(files);
}

function unresolvedPlaceholders(files: PackageFiles): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of files) {
    if (!name.endsWith(".json")) continue;
    const names = placeholderNames(Buffer.from(bytes).toString("utf8"));
    if (names.length > 0) {
      problems.push(`${name} still contains placeholders: ${names.map((n) => `\${{${n}}}`).join(", ")}`);
    }
  }
  return problems;
}

function checkReferencedFiles(manifest: Record<string, unknown>, files: PackageFiles): string[] {
  const problems: string[] = [];
  for (const { field, file } of referencedFiles(manifest)) {
    if (!isSafePackagePath(file))
      problems.push(`${field} "${file}" must be a relative path inside the package`);
    else if (!files.has(file)) problems.push(`${field} refers to "${file}", which is not in the package`);
  }
  return problems;
}

function checkIcons(manifest: Record<string, unknown>, files: PackageFiles): string[] {
  const icons = asObject(manifest.icons);
  const problems: string[] = [];
  for (const kind of ["color", "outline"] as IconKind[]) {
    const file = icons?.[kind];
    const bytes = typeof file === "string" ? files.get(file) : undefined;
    if (typeof file === "string" && bytes) problems.push(...checkIcon(kind, file, bytes));
  }
  return problems;
}
