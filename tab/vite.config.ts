import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { catalogueSplit } from "./scripts/catalogue-plugin";

const root = fileURLToPath(new URL(".", import.meta.url));
const server = `http://localhost:${process.env.PORT ?? 3978}`;

export default defineConfig({
  root,
  plugins: [react(), catalogueSplit()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // `.vite/manifest.json` tells which chunks the first page loads (see scripts/initial-js-size.ts).
    manifest: true,
    rolldownOptions: {
      // The consent popup pages are their own small entries (Teams opens them in a new window).
      input: {
        main: fileURLToPath(new URL("index.html", import.meta.url)),
        "auth-start": fileURLToPath(new URL("auth-start.html", import.meta.url)),
        "auth-end": fileURLToPath(new URL("auth-end.html", import.meta.url)),
      },
    },
  },
  server: {
    proxy: { "/api": server, "/local-idp": server, "/auth-config.json": server },
  },
});
