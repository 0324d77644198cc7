import { defineConfig } from "vitest/config";

/**
 * Three projects: `unit` (pure, no I/O), `integration` (real Azurite, real HTTP, the bot over the
 * Bot Framework protocol) and `e2e` (real Chromium against the built tab). Azurite is started once
 * per run by the global setup on a free port; each test file uses its own table prefix.
 *
 * Unit and integration files run two at a time (Vitest's default on a 2-core machine is one: the
 * whole suite ran file after file, about 27 minutes in CI), then the browser files one at a time,
 * after them (`groupOrder`), so Chromium never shares the machine with two other test files.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/azuriteGlobalSetup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/azuriteGlobalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
