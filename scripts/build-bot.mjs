// `npm run build:bot`: bundles the production backend (bot/src/main.ts and @comptoir/shared, TypeScript) into
// bot/dist/main.js, the plain JavaScript that App Service runs (infra/azure.bicep, appCommandLine). Packages from
// node_modules stay imports: they are installed on the server, and some read files next to their own code.
// Both files are written then renamed, so a server starting meanwhile (another test run) never reads half of one.
import { renameSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = join(root, "bot", "dist", "main.js");

/** Everything imported by a bare name is left to Node at run time, except the workspace's own @comptoir/*. */
const nodeModulesExternal = {
  name: "node-modules-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@comptoir/") ? undefined : { path: args.path, external: true },
    );
  },
};

const started = Date.now();
const result = await build({
  entryPoints: [join(root, "bot", "src", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [nodeModulesExternal],
  // Stack traces name the TypeScript files and lines with `node --enable-source-maps`; the sources stay deployed.
  sourcemap: "linked",
  sourcesContent: false,
  // Bundling renames clashing classes (ConfigError → ConfigError2); logs keep the names of the code.
  keepNames: true,
  logLevel: "warning",
  write: false,
});
mkdirSync(join(root, "bot", "dist"), { recursive: true });
for (const file of result.outputFiles) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
console.log(`${relative(root, outfile)} construit en ${Date.now() - started} ms`);
