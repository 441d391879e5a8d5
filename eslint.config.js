// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
const botBoundary = {
  patterns: [{ group: ["@comptoir/tab", "@comptoir/tab/*", "**/tab/src/**"], message: "bot/ never imports tab/." }],
};

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
  { files: ["bot/**/*.ts"], rules: { "no-restricted-imports": ["error", botBoundary] } },
);
