import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppPackageError } from "../src/server/appPackage/appPackageError.js";
import { buildAppPackage } from "../src/server/appPackage/buildAppPackage.js";
import { availableEnvironments } from "../src/server/appPackage/packageEnv.js";
import { validateAppPackageZip } from "../src/server/appPackage/validateAppPackage.js";

/**
 * `npm run package -- <env>`: builds and validates `appPackage/build/appPackage.<env>.zip` from
 * appPackage/ and env/.env.<env> (+ .user, + the process environment).
 * `npm run package -- --validate <zip>`: validates an existing package, e.g. the one the Agents
 * Toolkit zipped during provision.
 *
 * Offline either way: the manifest is checked against the schema bundled with
 * @microsoft/app-manifest. Exits 1 listing every problem, 2 on wrong usage.
 */
const root = process.cwd();
const [first, second] = process.argv.slice(2);

function usage(): never {
  const known = availableEnvironments(root);
  process.stderr.write(
    [
      "Usage: npm run package -- <environment>",
      "       npm run package -- --validate <path/to/appPackage.zip>",
      `Environments (env/.env.<name>): ${known.join(", ") || "none"}`,
      "",
    ].join("\n"),
  );
  process.exit(2);
}

async function validateExisting(zipPath: string): Promise<void> {
  const result = await validateAppPackageZip(await readFile(zipPath));
  if (result.problems.length > 0) {
    throw new AppPackageError(`${zipPath} is not a valid app package.`, result.problems);
  }
  process.stdout.write(`${zipPath}: valid (manifest ${result.schemaVersion})\n`);
}

async function build(envName: string): Promise<void> {
  const built = await buildAppPackage({ root, envName, overrides: process.env });
  for (const warning of built.warnings) process.stderr.write(`warning: ${warning}\n`);
  process.stdout.write(
    [
      `App package for "${envName}": ${path.relative(root, built.zipPath)}`,
      `  manifest ${built.schemaVersion} valid; files: ${built.files.join(", ")}`,
      "",
    ].join("\n"),
  );
}

try {
  if (first === "--validate") await (second ? validateExisting(second) : usage());
  else if (first && !first.startsWith("-")) await build(first);
  else usage();
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
