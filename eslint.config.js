// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const nodeBuiltins = [
  "fs",
  "path",
  "http",
  "https",
  "net",
  "child_process",
  "os",
  "crypto",
  "stream",
  "url",
  "worker_threads",
];

/** Dependencies point one way: shared ← bot, shared ← tab; tab never reaches into bot. */
const sharedBoundary = {
  patterns: [
    {
      group: ["@comptoir/bot", "@comptoir/bot/*", "@comptoir/tab", "@comptoir/tab/*", "**/bot/**", "**/tab/**"],
      message: "shared/ is the core: it must not import bot/ or tab/.",
    },
    {
      group: [
        "@azure/*",
        "@microsoft/*",
        "react",
        "react/*",
        "react-dom",
        "react-dom/*",
        "@fluentui/*",
        "@tanstack/*",
        "adaptivecards",
        "express",
        "jose",
      ],
      message: "shared/ stays pure: no Azure, Teams, React or server package.",
    },
    { group: ["node:*", ...nodeBuiltins], message: "shared/ has no I/O and runs in the browser too." },
  ],
};
const tabBoundary = {
  patterns: [
    {
      group: ["@comptoir/bot", "@comptoir/bot/*", "**/bot/**"],
      message: "tab/ talks to bot/ over HTTP only; import shared/ instead.",
    },
  ],
};
/** What the browser loads: as above, and values come from shared/'s modules, never its barrel. */
const tabSourceBoundary = {
  ...tabBoundary,
  paths: [
    {
      // zod schemas are module-level calls no bundler can drop: a value import of the barrel puts all of
      // shared/ (with the phone numbering plans) in the first page's JS (tab/scripts/initial-js-size.ts).
      name: "@comptoir/shared",
      allowTypeImports: true,
      message: "Import values from their module (@comptoir/shared/domain/…); the barrel is for types only in tab/src.",
    },
  ],
};
const botBoundary = {
  patterns: [{ group: ["@comptoir/tab", "@comptoir/tab/*", "**/tab/src/**"], message: "bot/ never imports tab/." }],
};

/**
 * The layers of bot/src: each folder may import itself, `lib` (leaf utilities: ZIP, limiter) and the folders
 * listed, nothing else of bot/src (docs/ARCHITECTURE.md has the same table). The composition root (server.ts,
 * main.ts, entry.ts) may import all.
 */
const BOT_LAYERS = {
  lib: [],
  config: [],
  auth: [],
  graph: [],
  "core/storage": [],
  "core/readmodels": [],
  "core/repos": ["core/storage"],
  "core/services": ["core/repos", "core/readmodels"],
  "accounting/store": ["core/storage"],
  "accounting/import": ["accounting/store", "accounting/access.ts", "accounting/deps.ts", "core/services"],
  "accounting/views": ["accounting/store", "accounting/access.ts", "accounting/deps.ts", "core/services"],
  "accounting/notify": [
    "accounting/store",
    "accounting/access.ts",
    "accounting/deps.ts",
    "accounting/views",
    "core/services",
  ],
  "accounting/intake": [
    "accounting/store",
    "accounting/import",
    "accounting/access.ts",
    "accounting/deps.ts",
    "core/services",
    "jobs/queue",
  ],
  "accounting/indexing": ["accounting/store", "accounting/deps.ts", "jobs/queue"],
  "accounting/access.ts": ["core/services"],
  "accounting/deps.ts": ["accounting/store", "accounting/import", "core/storage"],
  jobs: ["core/services", "core/repos"],
  agent: ["core/services", "jobs"],
  "api/http": ["auth"],
  "api/routes": [
    "api/http",
    "core/services",
    "accounting/access.ts",
    "accounting/deps.ts",
    "accounting/import",
    "accounting/views",
    "accounting/notify",
    "accounting/intake",
    "jobs",
    "auth",
  ],
  "api/webhooks": ["accounting/intake"],
  wiring: ["auth", "config", "graph", "jobs", "core/services", "accounting/intake/drive-port.ts"],
};
/** Zones for import-x/no-restricted-paths: every layer of `root` may import itself, `common` and what it lists. */
function layerZones(root, layers, common = []) {
  return Object.entries(layers).map(([layer, allowed]) => ({
    target: `${root}/${layer}`,
    from: root,
    except: [...new Set([layer, ...common, ...allowed])].map((p) => `./${p}`),
    message: `${root}/${layer} may import only ${[...common, ...allowed].join(", ") || "itself"} — docs/ARCHITECTURE.md`,
  }));
}
const botLayerZones = [
  {
    target: "bot/src",
    from: ["bot/dev", "bot/test", "bot/bench"],
    message: "Production code never imports development fakes, tests or benchmarks: inject what it needs.",
  },
  ...layerZones("bot/src", BOT_LAYERS, ["lib"]),
];

/** The tab's layers: `app` (the shell and router) and `main.tsx` compose everything; features never reach into app. */
const TAB_LAYERS = {
  api: [],
  i18n: ["api"],
  components: ["api", "i18n"],
  auth: ["api", "i18n", "components"],
  features: ["api", "i18n", "components"],
};
/** shared's layers: the index files re-export everything. */
const SHARED_LAYERS = {
  i18n: [],
  "errors.ts": ["i18n"],
  "identity.ts": [],
  "auth-config.ts": [],
  domain: ["errors.ts", "i18n", "identity.ts"],
  "accounting/fec": ["errors.ts", "i18n"],
  "accounting/compute": ["accounting/fec", "errors.ts", "i18n"],
  mail: ["i18n"],
  api: ["domain", "accounting", "errors.ts", "i18n", "identity.ts"],
  cards: ["api", "domain", "errors.ts", "i18n", "identity.ts"],
};
const layerZonesAll = [
  ...botLayerZones,
  ...layerZones("tab/src", TAB_LAYERS),
  ...layerZones("shared/src", SHARED_LAYERS),
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "build/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs", "scripts/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "no-console": "off",
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
  },
  { files: ["shared/**/*.ts"], rules: { "no-restricted-imports": ["error", sharedBoundary] } },
  {
    files: ["tab/**/*.ts", "tab/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, "no-restricted-imports": ["error", tabBoundary] },
  },
  {
    files: ["tab/src/**/*.ts", "tab/src/**/*.tsx"],
    // The typescript-eslint variant, for allowTypeImports.
    rules: { "no-restricted-imports": "off", "@typescript-eslint/no-restricted-imports": ["error", tabSourceBoundary] },
  },
  { files: ["bot/**/*.ts"], rules: { "no-restricted-imports": ["error", botBoundary] } },
  {
    files: ["bot/**/*.ts", "shared/**/*.ts", "tab/**/*.ts", "tab/**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: layerZonesAll }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
);
