import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  collectImports,
  collectRuntimeImports,
  dependencyViolations,
  type ImportMap,
  importsOf,
  packagesReached,
  runtimeImportsOf,
} from "../support/dependencyRules.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A synthetic import map: each file's text parsed as the real tree's files are. */
function planted(files: Record<string, string>): ImportMap {
  return new Map(Object.entries(files).map(([file, text]) => [file, importsOf(file, text)]));
}

describe("dependency rules", () => {
  it("hold for every file under src/", () => {
    const imports = collectImports(repoRoot);
    // The checker read the tree (the composition root wires the domain and the adapters).
    expect(imports.get("src/server/main.ts")).toContain("src/domain/library/libraryService.js");
    expect(imports.get("src/server/main.ts")).toContain("@microsoft/teams-ai");
    expect(dependencyViolations(imports)).toEqual([]);
  });

  it("flag the domain importing an adapter or an SDK, type-only and re-exports included", () => {
    const violations = dependencyViolations(
      planted({
        "src/domain/library/x.ts": [
          'import type { TableStore } from "../../storage/tableStore.js";',
          'import { odata } from "@azure/data-tables";',
          'export { Router } from "express";',
          'import { z } from "zod";',
          'import { personRef } from "../identity.js";',
        ].join("\n"),
      }),
    );
    expect(violations.map((v) => v.to)).toEqual([
      "src/storage/tableStore.js",
      "@azure/data-tables",
      "express",
    ]);
    expect(violations[0]?.rule).toMatch(/domain/);
  });

  it("flag the tab importing the server's internals or its SDKs", () => {
    const violations = dependencyViolations(
      planted({
        "src/tab/pages/X.tsx": [
          'import { libraryQuery } from "../../server/routes/libraryRoutes.js";',
          'import type { TurnContext } from "botbuilder";',
          'import { Button } from "@fluentui/react-components";',
          'import type { Entry } from "../../domain/library/entry.js";',
        ].join("\n"),
      }),
    );
    expect(violations.map((v) => v.to)).toEqual(["src/server/routes/libraryRoutes.js", "botbuilder"]);
  });

  it("flag the bot importing storage, and production code importing the local stand-ins", () => {
    const violations = dependencyViolations(
      planted({
        "src/bot/meetings/x.ts": 'import type { X } from "../../storage/tablesMeetingRepository.js";',
        "src/server/main.ts": 'const { startLocalMode } = await import("../local/localMode.js");',
        "src/local/localMode.ts": 'import type { AppConfig } from "../server/config.js";',
      }),
    );
    expect(violations.map((v) => `${v.from} → ${v.to}`)).toEqual([
      "src/bot/meetings/x.ts → src/storage/tablesMeetingRepository.js",
      "src/server/main.ts → src/local/localMode.js",
      // server → local → server is also a loop between folders
      "src/local/localMode.ts → src/server/config.js",
      "src/server/main.ts → src/local/localMode.js",
    ]);
  });

  it("flag a loop between top-level folders, one import per step", () => {
    const violations = dependencyViolations(
      planted({
        "src/bot/a.ts": 'import { log } from "../observability/logger.js";',
        "src/observability/logger.ts": 'import { x } from "../server/x.js";',
        "src/server/x.ts": 'import { a } from "../bot/a.js";',
        "src/server/y.ts": 'import { b } from "../bot/b.js";',
      }),
    );
    const loops = violations.filter((v) => v.rule.startsWith("no cycle"));
    expect(loops.map((v) => `${v.from} → ${v.to}`).sort()).toEqual([
      "src/bot/a.ts → src/observability/logger.js",
      "src/observability/logger.ts → src/server/x.js",
      "src/server/x.ts → src/bot/a.js",
    ]);
    expect(loops[0]?.rule).toContain("bot ⇄ observability ⇄ server");
  });

  it("flag the contract importing anything but zod and the domain", () => {
    const violations = dependencyViolations(
      planted({
        "src/contract/x.ts": [
          'import { z } from "zod";',
          'import type { EntryType } from "../domain/library/entry.js";',
          'import { sendError } from "../server/http/httpErrors.js";',
          'import { odata } from "@azure/data-tables";',
        ].join("\n"),
      }),
    );
    expect(violations.map((v) => v.to)).toEqual(["src/server/http/httpErrors.js", "@azure/data-tables"]);
  });

  it("keep zod out of the tab's runtime: the tab takes the contract's types only (its first download has no room)", () => {
    const reached = packagesReached(collectRuntimeImports(repoRoot), "tab");
    // The checker follows the tab's runtime imports (React is what every page loads).
    expect(reached.has("react")).toBe(true);
    expect(reached.get("zod")).toBeUndefined();
  });

  it("flag zod reached at runtime through a value import of the contract, not through a type import", () => {
    const files = {
      "src/tab/a.ts": 'import type { LibrarySearch } from "../contract/librarySearch.js";',
      "src/tab/b.ts": 'export { type PeopleQuery } from "../contract/people.js";',
      "src/contract/librarySearch.ts": 'import { z } from "zod";',
      "src/contract/people.ts": 'import { z } from "zod";',
    };
    const runtime = (extra: Record<string, string>) =>
      new Map(
        Object.entries({ ...files, ...extra }).map(([file, text]) => [file, runtimeImportsOf(file, text)]),
      );
    expect(packagesReached(runtime({}), "tab").has("zod")).toBe(false);
    const planted = packagesReached(
      runtime({ "src/tab/c.tsx": 'import { parseLibrarySearch } from "../contract/librarySearch.js";' }),
      "tab",
    );
    expect(planted.get("zod")).toEqual(["src/tab/c.tsx", "src/contract/librarySearch.ts"]);
  });
});
