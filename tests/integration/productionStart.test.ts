import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/testServer.js";

describe("production entry point", () => {
  it("refuses to start without its security settings and names what is missing", () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, "dist/src/server/index.js")], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, APP_MODE: "production", TEAMSFX_ENV: "none" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    for (const name of [
      "BOT_ID",
      "BOT_PASSWORD",
      "TABLES_CONNECTION_STRING",
      "AAD_APP_CLIENT_ID",
      "ALLOWED_TENANTS",
    ]) {
      expect(result.stderr).toContain(name);
    }
  });
});
