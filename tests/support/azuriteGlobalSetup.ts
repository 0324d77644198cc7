import type { TestProject } from "vitest/node";
import { type RunningAzurite, startAzurite } from "../../scripts/lib/azurite.js";

declare module "vitest" {
  export interface ProvidedContext {
    tablesConnectionString: string;
  }
}

let azurite: RunningAzurite | undefined;

/** One real Azurite (table service, in memory) per test run; test files isolate by table prefix. */
export async function setup(project: TestProject): Promise<void> {
  azurite = await startAzurite();
  project.provide("tablesConnectionString", azurite.connectionString);
}

export async function teardown(): Promise<void> {
  await azurite?.stop();
}
