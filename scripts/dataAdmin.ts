import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readEnvFiles } from "../src/server/config.js";
import { TableStore } from "../src/storage/tableStore.js";
import { TenantData } from "../src/storage/tenantData.js";
import { azuriteConnectionString, DEFAULT_TABLE_PORT } from "./lib/azurite.js";

const USAGE = `Usage:
  npm run data -- export --tenant <tenant id> [--user <Entra object id>] [--out <file>] [--env <name>]
  npm run data -- delete --tenant <tenant id> [--user <Entra object id>] --yes [--env <name>]

  export   writes the tenant's data (or one person's) as JSON to --out, or to stdout.
  delete   removes the tenant's data, or one person's: their own rows are deleted and shared
           entries keep a "Former member" in their place (see docs/admin.md). Needs --yes.

Storage comes from TABLES_CONNECTION_STRING, or TABLES_ENDPOINT with your Azure sign-in
(az login; you need the "Storage Table Data Contributor" role), and TABLE_PREFIX (default pc).
--env <name> also reads env/.env.<name> and env/.env.<name>.user; --env local without a
connection string uses the Azurite of a running \`npm start\`.`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIX = /^[A-Za-z][A-Za-z0-9]{0,20}$/;

/** Where the command writes; tests hand in their own. */
export interface DataAdminIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Folder `--env` files and relative `--out` paths are resolved against. */
  cwd: string;
}

/** A mistake in how the command was called: nothing was read or changed. */
class UsageError extends Error {}

interface Command {
  action: "export" | "delete";
  tenantId: string;
  userId: string | undefined;
  out: string | undefined;
  environment: string | undefined;
}

const ARGS = {
  options: {
    tenant: { type: "string" },
    user: { type: "string" },
    out: { type: "string" },
    env: { type: "string" },
    yes: { type: "boolean" },
    help: { type: "boolean" },
  },
  allowPositionals: true,
  strict: true,
} as const;

function parseCommand(argv: string[]): Command {
  let parsed: ReturnType<typeof parseArgs<typeof ARGS>>;
  try {
    parsed = parseArgs({ ...ARGS, args: argv });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError("");
  const [action, ...rest] = positionals;
  if (action !== "export" && action !== "delete") {
    throw new UsageError(
      action ? `Unknown command "${action}": use export or delete.` : "Say export or delete.",
    );
  }
  if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  if (!values.tenant) throw new UsageError("--tenant <tenant id> is required.");
  if (!GUID.test(values.tenant)) throw new UsageError("--tenant must be a tenant id (a GUID).");
  if (values.user !== undefined && !GUID.test(values.user)) {
    throw new UsageError("--user must be the person's Microsoft Entra object id (a GUID).");
  }
  if (action === "delete" && !values.yes) {
    const what = values.user ? `person ${values.user} in tenant ${values.tenant}` : `tenant ${values.tenant}`;
    throw new UsageError(`Deleting cannot be undone: add --yes to delete the data of ${what}.`);
  }
  if (action === "delete" && values.out) throw new UsageError("--out is for export only.");
  return {
    action,
    tenantId: values.tenant.toLowerCase(),
    userId: values.user?.toLowerCase(),
    out: values.out,
    environment: values.env,
  };
}

function storageSettings(command: Command, io: DataAdminIo) {
  const env = command.environment ? readEnvFiles(io.cwd, command.environment, io.env) : io.env;
  let connectionString = env.TABLES_CONNECTION_STRING || undefined;
  const endpoint = env.TABLES_ENDPOINT || undefined;
  if (!connectionString && !endpoint && command.environment === "local") {
    connectionString = azuriteConnectionString(DEFAULT_TABLE_PORT);
  }
  if (!connectionString && !endpoint) {
    throw new UsageError(
      "Say where the data is: set TABLES_CONNECTION_STRING, or TABLES_ENDPOINT (output of provision, in env/.env.<env>) and pass --env <env>.",
    );
  }
  const tablePrefix = env.TABLE_PREFIX || "pc";
  if (!PREFIX.test(tablePrefix)) throw new UsageError("TABLE_PREFIX must be letters and digits.");
  return { connectionString, endpoint, tablePrefix };
}

/**
 * `npm run data -- export|delete --tenant <id> [--user <id>]`: the admin guide's command to export
 * or erase data. Returns the exit code: 0 done, 2 a usage error (nothing read or changed), 1 a
 * failure while working (the message says what; running it again is safe).
 */
export async function runDataAdmin(argv: string[], io: DataAdminIo): Promise<number> {
  let command: Command;
  let settings: ReturnType<typeof storageSettings>;
  try {
    command = parseCommand(argv);
    settings = storageSettings(command, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) io.stderr(`${error.message}\n\n`);
    io.stderr(`${USAGE}\n`);
    return error.message ? 2 : 0;
  }

  try {
    const store = await TableStore.connect(settings);
    const data = new TenantData(store);
    const { tenantId, userId } = command;
    if (command.action === "export") {
      const result = userId ? await data.exportUser(tenantId, userId) : await data.exportTenant(tenantId);
      const json = `${JSON.stringify(result, null, 2)}\n`;
      const rows = Object.values(result.tables).reduce((n, list) => n + (list?.length ?? 0), 0);
      if (command.out) {
        const file = path.resolve(io.cwd, command.out);
        writeFileSync(file, json, { mode: 0o600 });
        io.stderr(`Exported ${rows} rows to ${file}.\n`);
      } else {
        io.stdout(json);
        io.stderr(`Exported ${rows} rows.\n`);
      }
      return 0;
    }
    if (!userId) {
      io.stdout(`${JSON.stringify(await data.deleteTenant(tenantId), null, 2)}\n`);
      return 0;
    }
    const report = await data.deleteUser(tenantId, userId);
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    const orphaned = report.communitiesWithoutSteward;
    if (orphaned.length > 0) {
      io.stderr(`Warning: these communities now have no steward: ${orphaned.join(", ")}.\n`);
    }
    return 0;
  } catch (error) {
    io.stderr(
      `The ${command.action} did not finish: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    io.stderr("Running the same command again is safe: it continues where this one stopped.\n");
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runDataAdmin(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
