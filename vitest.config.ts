import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "shared/test/**/*.test.ts",
            "bot/test/unit/**/*.test.ts",
            "tab/test/**/*.test.{ts,tsx}",
            "appPackage/test/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["bot/test/integration/**/*.test.ts"],
          globalSetup: ["bot/test/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "teams",
          include: ["bot/test/teams/**/*.test.ts"],
          globalSetup: ["bot/test/teams/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file starts a server process and its stand-ins: one file at a time keeps them responsive.
          fileParallelism: false,
        },
      },
    ],
  },
});
