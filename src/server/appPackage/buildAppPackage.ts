import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import { AppPackageError } from "./appPackageError.js";
import { isSafePackagePath, referencedFiles } from "./manifestFiles.js";
import { loadPackageEnv, type PackageEnv } from "./packageEnv.js";
import { PLACEHOLDER_FALLBACK_PREFIX, resolvePlaceholders } from "./placeholders.js";
import { validateAppPackageZip } from "./validateAppPackage.js";

/** Where to build from and for which environment. */
export interface BuildAppPackageOptions {
  /** Repository root: `env/` and `appPackage/` live beneath it. */
  root: string;
  /** Environment name: reads `env/.env.<envName>` (and `.user`). */
  envName: string;
  /** Variables that win over the env files; the CLI passes process.env. */
  overrides?: Record<string, string | undefined>;
  /** Folder with manifest.json, icons and localisation files. @default `<root>/appPackage` */
  appPackageDir?: string;
  /** Folder the zip is written to. @default `<appPackageDir>/build` */
  outputDir?: string;
}

/** A built, validated package. */
export interface BuiltAppPackage {
  zipPath: string;
  /** The resolved manifest as packaged. */
  manifest: Record<string, unknown>;
  /** Bundled schema version the manifest was validated against, e.g. `v1.30`. */
  schemaVersion: string;
  /** Paths inside the zip. */
  files: string[];
  /** Things worth knowing that do not stop the build (e.g. offline placeholders used). */
  warnings: string[];
}

// A fixed timestamp makes the zip reproducible: same inputs, same bytes.
const ZIP_DATE = new Date("2024-01-01T00:00:00Z");

interface VariableIssue {
  kind: "missing" | "empty" | "fallback";
  files: Set<string>;
}

/**
 * Builds `appPackage.<env>.zip`: resolves every `${{NAME}}` in the manifest and localisation files
 * from the environment, packs the manifest with every file it refers to, validates the zip itself
 * (schema, upload rules, icons, localisation, references) and only then writes it.
 *
 * @throws AppPackageError naming every missing variable, missing file or validation problem.
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const env = loadPackageEnv(options);
  const appPackageDir = options.appPackageDir ?? path.join(options.root, "appPackage");
  const issues = new Map<string, VariableIssue>();
  const problems: string[] = [];

  const resolveJson = async (file: string): Promise<string | undefined> => {
    const full = path.join(appPackageDir, file);
    if (!existsSync(full)) return undefined;
    const resolution = resolvePlaceholders(await readFile(full, "utf8"), env.values, { jsonString: true });
    const record = (kind: VariableIssue["kind"], names: string[]) => {
      for (const name of names) {
        const issue = issues.get(name) ?? { kind, files: new Set<string>() };
        issue.files.add(file);
        issues.set(name, issue);
      }
    };
    record("missing", resolution.missing);
    record("empty", resolution.empty);
    record("fallback", resolution.fallbacks);
    return resolution.text;
  };

  const manifestText = await resolveJson("manifest.json");
  if (manifestText === undefined) {
    throw new AppPackageError("Cannot build the app package.", [
      `${appPackageDir}/manifest.json does not exist`,
    ]);
  }
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestText) as Record<string, unknown>;
  } catch (error) {
    throw new AppPackageError("Cannot build the app package.", [
      `manifest.json is not valid JSON: ${(error as Error).message}`,
    ]);
  }

  const files = new Map<string, Uint8Array>([["manifest.json", Buffer.from(manifestText, "utf8")]]);
  for (const { field, file } of referencedFiles(manifest)) {
    if (files.has(file)) continue;
    if (!isSafePackagePath(file)) {
      problems.push(`${field} "${file}" must be a relative path inside appPackage/`);
      continue;
    }
    const content = file.endsWith(".json") ? await resolveJson(file) : await readBinary(appPackageDir, file);
    if (content === undefined) problems.push(`${field} refers to "${file}", which is not in appPackage/`);
    else files.set(file, typeof content === "string" ? Buffer.from(content, "utf8") : content);
  }

  problems.unshift(...variableProblems(issues, env));
  if (problems.length > 0) {
    throw new AppPackageError(`Cannot build the app package for "${env.name}".`, problems);
  }

  const zip = new JSZip();
  for (const [name, bytes] of files) zip.file(name, bytes, { date: ZIP_DATE });
  const zipBytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });

  // Validate what will be uploaded (the zip), not the inputs it was made from.
  const validation = await validateAppPackageZip(zipBytes);
  if (validation.problems.length > 0 || !validation.schemaVersion) {
    throw new AppPackageError(`The app package for "${env.name}" is not valid.`, validation.problems);
  }

  const outputDir = options.outputDir ?? path.join(appPackageDir, "build");
  await mkdir(outputDir, { recursive: true });
  const zipPath = path.join(outputDir, `appPackage.${env.name}.zip`);
  await writeFile(zipPath, zipBytes);
  // The resolved manifest beside the zip, as the Agents Toolkit writes it, for reviewing what shipped.
  await writeFile(path.join(outputDir, `manifest.${env.name}.json`), manifestText);

  const warnings = [...issues]
    .filter(([, issue]) => issue.kind === "fallback")
    .map(
      ([name]) =>
        `${name} is empty in ${env.sources.join(" / ")}; used ${PLACEHOLDER_FALLBACK_PREFIX}${name}; do not upload this package until ${name} has its real value (provision writes it).`,
    );
  return { zipPath, manifest, schemaVersion: validation.schemaVersion, files: [...files.keys()], warnings };
}

async function readBinary(dir: string, file: string): Promise<Uint8Array | undefined> {
  const full = path.join(dir, file);
  return existsSync(full) ? new Uint8Array(await readFile(full)) : undefined;
}

function variableProblems(issues: Map<string, VariableIssue>, env: PackageEnv): string[] {
  const where = env.sources.join(", ");
  const problems: string[] = [];
  for (const [name, issue] of issues) {
    const usedIn = [...issue.files].join(", ");
    if (issue.kind === "missing") {
      problems.push(
        `\${{${name}}} (used in ${usedIn}) is not defined: add ${name}=… to ${where} or the environment`,
      );
    } else if (issue.kind === "empty") {
      problems.push(
        `\${{${name}}} (used in ${usedIn}) is empty in ${where}: run provision for "${env.name}", set ${name}, or set ${PLACEHOLDER_FALLBACK_PREFIX}${name} for an offline package`,
      );
    }
  }
  return problems;
}
