import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parseDotenv } from "../../bot/src/config/dotenv";
import { crc32 } from "node:zlib";
import { listZip, readZip, zipToBuffer } from "../../bot/src/lib/zip";
import { createImage, decodePng, encodePng, getPixel, readPngHeader, setPixel } from "../../scripts/lib/png";
import { APP_PACKAGE_DIR, MANIFEST_TEMPLATE, assembleAppPackage } from "../assemble";
import { MissingPlaceholderError, placeholderNames, renderManifest } from "../render";
import { SEARCH_DOSSIERS_COMMAND, SEARCH_QUERY_PARAMETER } from "../../shared/src/cards/message-extension";

const rootDir = fileURLToPath(new URL("../../", import.meta.url));
const schemasDir = join(rootDir, "node_modules/@microsoft/app-manifest/build/json-schemas/teams");
const readText = (path: string) => readFileSync(path, "utf8");
const template = readText(join(APP_PACKAGE_DIR, MANIFEST_TEMPLATE));
const localizationTemplate = readText(join(APP_PACKAGE_DIR, "en.json"));
/** Only the committed file: a developer's env/.env.local.user must not change what the tests see. */
const localVars: Record<string, string> = {
  TEAMSFX_ENV: "local",
  ...parseDotenv(readText(join(rootDir, "env/.env.local"))),
};
const manifestVersion = (JSON.parse(template) as { manifestVersion: string }).manifestVersion;

/**
 * The bundled official schemas are draft-04 but use no draft-04-only keyword (no boolean exclusiveMinimum, no `id`),
 * so Ajv's default dialect validates them as written. Their patterns are not valid under the `u` flag.
 */
function compileSchema(file: string): ValidateFunction {
  const schema = JSON.parse(readText(join(schemasDir, `v${manifestVersion}`, file))) as Record<string, unknown>;
  expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

interface Manifest {
  $schema: string;
  id: string;
  name: { short: string };
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    commandLists: { commands: { title: string }[] }[];
  }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  composeExtensions: {
    botId: string;
    commands: { id: string; type: string; title: string; context: string[]; parameters: { name: string }[] }[];
    messageHandlers: { type: string; value: { domains: string[] } }[];
  }[];
}

describe("manifest template", () => {
  const rendered = renderManifest(template, localVars);
  const manifest = JSON.parse(rendered) as Manifest;

  it("uses a manifest schema version of at least 1.25 that @microsoft/app-manifest bundles", () => {
    const [major, minor] = manifestVersion.split(".").map(Number);
    expect((major ?? 0) * 100 + (minor ?? 0)).toBeGreaterThanOrEqual(125);
    expect(readdirSync(schemasDir)).toContain(`v${manifestVersion}`);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it("renders with env/.env.local into a manifest that validates against the official schema, offline", () => {
    const validate = compileSchema("MicrosoftTeams.schema.json");
    expect(validate(manifest), errorsOf(validate).join("\n")).toBe(true);
    expect(rendered).not.toContain("${{");
  });

  it("declares the staff and client personal tabs, the bot commands and SSO as specified", () => {
    const tabs = Object.fromEntries(manifest.staticTabs.map((tab) => [tab.entityId, tab]));
    expect(tabs.staff).toMatchObject({
      name: "Espace cabinet",
      contentUrl: "http://localhost:3978/?host=teams#/portefeuille",
      scopes: ["personal"],
    });
    expect(tabs.client).toMatchObject({
      name: "Mon espace",
      contentUrl: "http://localhost:3978/?host=teams#/ma-societe",
      scopes: ["personal"],
    });

    const [bot] = manifest.bots;
    expect(bot?.botId).toBe(localVars.BOT_ID);
    expect(bot?.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(bot?.supportsFiles).toBe(false);
    expect(bot?.commandLists.flatMap((list) => list.commands.map((c) => c.title))).toEqual([
      "aide",
      "dossier",
      "interlocuteur",
      "proposer",
      "statut",
    ]);

    expect(manifest.webApplicationInfo).toEqual({
      id: localVars.AAD_APP_CLIENT_ID,
      resource: `api://${localVars.TAB_DOMAIN}/${localVars.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toContain(localVars.TAB_DOMAIN);
    expect(manifest.name.short).toBe("Comptoir (local)");
    expect(manifest.localizationInfo.defaultLanguageTag).toBe("fr-FR");
  });

  it("declares the message extension on the bot: the Dossiers search and link unfurling on the tab's domain", () => {
    const [extension] = manifest.composeExtensions;
    expect(manifest.composeExtensions).toHaveLength(1);
    // Search-based message extensions reach Outlook from manifest 1.13 on, through the same bot (Universal Actions).
    expect(extension?.botId).toBe(manifest.bots[0]?.botId);
    expect(extension?.commands).toEqual([
      expect.objectContaining({
        id: SEARCH_DOSSIERS_COMMAND,
        type: "query",
        title: "Dossiers",
        context: ["compose", "commandBox"],
        parameters: [expect.objectContaining({ name: SEARCH_QUERY_PARAMETER })],
      }),
    ]);
    expect(extension?.messageHandlers).toEqual([{ type: "link", value: { domains: [localVars.TAB_DOMAIN] } }]);
    // The shared card refreshes in group chats and channels only if the bot is installable there.
    expect(manifest.bots[0]?.scopes).toEqual(expect.arrayContaining(["team", "groupChat"]));
  });

  it("has an English localization file that validates against the localization schema", () => {
    const validate = compileSchema("MicrosoftTeams.Localization.schema.json");
    const localization = JSON.parse(renderManifest(localizationTemplate, localVars)) as Record<string, string>;
    expect(validate(localization), errorsOf(validate).join("\n")).toBe(true);
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: "en", file: "en.json" }]);
    // Every localized tab name points at a tab that has a name to translate.
    for (const key of Object.keys(localization).filter((k) => k.startsWith("staticTabs["))) {
      const index = Number(/\[(\d+)\]/.exec(key)?.[1]);
      expect(manifest.staticTabs[index]?.name, key).toBeTruthy();
    }
  });

  it("only uses placeholders that env/.env.dev declares, so provisioning has somewhere to write them", () => {
    const devKeys = Object.keys(parseDotenv(readText(join(rootDir, "env/.env.dev"))));
    for (const name of placeholderNames(template + localizationTemplate)) expect(devKeys, name).toContain(name);
  });
});

describe("renderManifest", () => {
  it("names every placeholder that has no value, once, sorted", () => {
    const broken = '{"a": "${{ZETA}}", "b": "${{ALPHA}}-${{ZETA}}", "c": "${{SET}}", "d": "${{EMPTY}}"}';
    let caught: unknown;
    try {
      renderManifest(broken, { SET: "x", EMPTY: "" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingPlaceholderError);
    expect((caught as MissingPlaceholderError).names).toEqual(["ALPHA", "EMPTY", "ZETA"]);
    expect((caught as MissingPlaceholderError).message).toContain("ALPHA, EMPTY, ZETA");
  });

  it("reports every value the template needs when the environment is empty", () => {
    expect(() => renderManifest(template, {})).toThrow(MissingPlaceholderError);
    try {
      renderManifest(template, {});
    } catch (error) {
      expect((error as MissingPlaceholderError).names).toEqual([
        "AAD_APP_CLIENT_ID",
        "BOT_ID",
        "TAB_DOMAIN",
        "TAB_ENDPOINT",
        "TEAMS_APP_ID",
      ]);
    }
  });

  it("allows the optional name suffix to be unset and JSON-escapes values", () => {
    const out = renderManifest('{"name": "Comptoir${{APP_NAME_SUFFIX}}", "v": "${{V}}"}', { V: 'a "quoted" \\ value' });
    expect(JSON.parse(out)).toEqual({ name: "Comptoir", v: 'a "quoted" \\ value' });
  });
});

describe("icons", () => {
  const color = readFileSync(join(APP_PACKAGE_DIR, "color.png"));
  const outline = readFileSync(join(APP_PACKAGE_DIR, "outline.png"));

  it("are 192×192 (colour) and 32×32 (outline) PNGs", () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });
  });

  it("outline is white on a transparent background", () => {
    const image = decodePng(outline);
    let transparent = 0;
    let visible = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const [r, g, b, a] = getPixel(image, x, y);
        if (a === 0) transparent++;
        else {
          visible++;
          expect([r, g, b], `pixel ${x},${y}`).toEqual([255, 255, 255]);
        }
      }
    }
    expect(transparent).toBeGreaterThan(0);
    expect(visible).toBeGreaterThan(0);
    expect(getPixel(image, 0, 0)[3]).toBe(0);
  });

  it("colour icon is opaque in its body and uses more than one colour", () => {
    const image = decodePng(color);
    const centre = getPixel(image, 96, 150);
    const edge = getPixel(image, 96, 4);
    expect(centre[3]).toBe(255);
    expect(edge[3]).toBe(255);
    expect(new Set([centre, edge].map((p) => p.join(","))).size).toBe(2);
  });
});

describe("app package", () => {
  it("zips manifest.json, both icons and en.json at the root, rendered for the environment", () => {
    const built = assembleAppPackage(localVars);
    const byName = readZip(built.zip);
    expect([...byName.keys()].sort()).toEqual(["color.png", "en.json", "manifest.json", "outline.png"]);
    expect(JSON.parse(Buffer.from(byName.get("manifest.json") ?? []).toString("utf8"))).toEqual(
      JSON.parse(built.manifest),
    );
    expect(Buffer.from(byName.get("color.png") ?? []).equals(readFileSync(join(APP_PACKAGE_DIR, "color.png")))).toBe(
      true,
    );
    expect(Buffer.from(byName.get("en.json") ?? []).toString("utf8")).not.toContain("${{");
  });

  it("stores the already compressed icons, deflates the JSON, and is byte-identical from one build to the next", () => {
    const built = assembleAppPackage(localVars);
    expect(Object.fromEntries(listZip(built.zip).map((e) => [e.name, e.method]))).toEqual({
      "manifest.json": "deflated",
      "color.png": "stored",
      "outline.png": "stored",
      "en.json": "deflated",
    });
    expect(assembleAppPackage(localVars).zip.equals(built.zip)).toBe(true);
  });
});

describe("zip and png helpers", () => {
  it("computes the standard CRC-32 check value", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.from("6789"), crc32(Buffer.from("12345")))).toBe(0xcbf43926);
  });

  it("round-trips stored and deflated entries", () => {
    const entries = [
      { name: "repetitive.txt", data: Buffer.from("comptoir ".repeat(200)) },
      { name: "tiny.bin", data: Uint8Array.from([7]) },
      { name: "dossier/é.json", data: Buffer.from("{}") },
    ];
    const back = readZip(zipToBuffer(entries));
    expect([...back.keys()]).toEqual(entries.map((e) => e.name));
    entries.forEach((e) => expect(Buffer.from(back.get(e.name) ?? []).equals(Buffer.from(e.data))).toBe(true));
    expect(() => zipToBuffer([entries[1]!, entries[1]!])).toThrow(/Duplicate/);
  });

  it("round-trips RGBA pixels through encodePng/decodePng", () => {
    const image = createImage(5, 3);
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 5; x++) setPixel(image, x, y, [x * 50, y * 100, 255 - x, (x + y) * 30]);
    const back = decodePng(encodePng(image));
    expect(back.width).toBe(5);
    expect(back.height).toBe(3);
    expect(Buffer.from(back.data).equals(Buffer.from(image.data))).toBe(true);
  });
});
