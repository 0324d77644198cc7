import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { readEnvFiles } from "../config.js";
import { AppPackageError } from "./appPackageError.js";

/** The variables one environment resolves `${{NAME}}` placeholders with. */
export interface PackageEnv {
  name: string;
  values: Record<string, string>;
  /** Where the values came from, for messages: `env/.env.dev`, `env/.env.dev.user`. */
  sources: string[];
}

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Environments with a file under `env/` (`.env.<name>`, not `.user` files). */
export function availableEnvironments(root: string): string[] {
  const dir = path.join(root, "env");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(".env.") && !f.endsWith(".user"))
    .map((f) => f.slice(".env.".length))
    .sort();
}

/**
 * Reads `env/.env.<name>`, then `env/.env.<name>.user`, then `overrides` (process.env in the CLI),
 * later sources winning: the Agents Toolkit's convention, shared with the server's configuration.
 * `TEAMSFX_ENV` is always the environment's name, as the toolkit sets it.
 */
export function loadPackageEnv(options: {
  root: string;
  envName: string;
  overrides?: Record<string, string | undefined>;
}): PackageEnv {
  const { root, envName } = options;
  if (!ENV_NAME.test(envName)) {
    throw new AppPackageError(`"${envName}" is not an environment name.`, [
      "Use letters, digits, '-' or '_', e.g. npm run package -- dev",
    ]);
  }
  const file = path.join("env", `.env.${envName}`);
  if (!existsSync(path.join(root, file))) {
    const known = availableEnvironments(root);
    throw new AppPackageError(`There is no environment "${envName}".`, [
      `${file} does not exist; known environments: ${known.length > 0 ? known.join(", ") : "none"}`,
    ]);
  }
  const merged = readEnvFiles(root, envName, options.overrides ?? {});
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) if (value !== undefined) values[key] = value;
  values.TEAMSFX_ENV = envName;
  const userFile = `${file}.user`;
  const sources = existsSync(path.join(root, userFile)) ? [file, userFile] : [file];
  return { name: envName, values, sources };
}
