import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startAzurite } from "../../dev/azurite";

declare module "vitest" {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

/** One Azurite for the whole integration run, on ports the OS picks, in a folder removed afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-azurite-"));
  const azurite = await startAzurite(dir, { inMemory: true });
  project.provide("azuriteConnectionString", azurite.connectionString);
  return async () => {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
