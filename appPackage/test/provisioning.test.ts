import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDotenv } from "../../bot/src/config/dotenv";
import { placeholderNames } from "../render";

const rootDir = fileURLToPath(new URL("../../", import.meta.url));
const readText = (file: string) => readFileSync(join(rootDir, file), "utf8");
const devKeys = new Set(Object.keys(parseDotenv(readText("env/.env.dev"))));
/** Secrets are written by provisioning to env/.env.<env>.user, never declared in the committed file. */
const isDeclared = (name: string) => devKeys.has(name) || name.startsWith("SECRET_");

interface AadManifest {
  signInAudience: string;
  identifierUris: string[];
  oauth2Permissions: { id: string; value: string }[];
  preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
  replyUrlsWithType: { url: string; type: string }[];
  appRoles: { id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }[];
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
}

describe("aad.manifest.json", () => {
  const text = readText("aad.manifest.json");
  const aad = JSON.parse(text) as AadManifest;

  it("defines the Firm.Admin and Firm.Staff user roles with distinct, fixed ids", () => {
    expect(aad.appRoles.map((r) => r.value)).toEqual(["Firm.Admin", "Firm.Staff"]);
    for (const role of aad.appRoles) {
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(role.allowedMemberTypes).toEqual(["User"]);
      expect(role.isEnabled).toBe(true);
    }
    expect(new Set(aad.appRoles.map((r) => r.id)).size).toBe(2);
  });

  it("exposes access_as_user on the manifest's SSO resource and pre-authorizes every documented Microsoft 365 client", () => {
    expect(aad.signInAudience).toBe("AzureADMyOrg");
    expect(aad.identifierUris).toEqual(["api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"]);
    const [scope] = aad.oauth2Permissions;
    expect(scope?.value).toBe("access_as_user");
    // Teams desktop/mobile, Teams web, Microsoft 365 web, desktop, mobile (= Outlook desktop), Outlook web, Outlook mobile.
    expect(aad.preAuthorizedApplications.map((p) => p.appId).sort()).toEqual(
      [
        "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
        "4765445b-32c6-49b0-83e6-1d93765276ca",
        "0ec893e0-5785-4de6-99da-4ed124e5296c",
        "d3590ed6-52b3-4102-aeff-aad2292ab01c",
        "bc59ab01-8403-45c6-8796-ac3ef710b3e3",
        "27922004-5251-4030-b22d-91ecd9a37ea4",
      ].sort(),
    );
    for (const client of aad.preAuthorizedApplications) expect(client.permissionIds).toEqual([scope?.id]);
    expect(aad.replyUrlsWithType).toEqual([
      { url: "${{TAB_ENDPOINT}}/auth-end.html", type: "Spa" },
      { url: "${{TAB_ENDPOINT}}/", type: "Spa" },
    ]);
  });

  it("requests the Graph application permissions the server needs", () => {
    const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === "00000003-0000-0000-c000-000000000000");
    const roles = graph?.resourceAccess.filter((a) => a.type === "Role").map((a) => a.id);
    expect(roles).toEqual([
      "09850681-111b-4a89-9bed-3f2cae46d706", // User.Invite.All
      "741f803b-c850-494e-b5df-cde7c675a1ca", // User.ReadWrite.All
      "b633e1c5-b582-4048-a93e-9f11b44c7e96", // Mail.Send
      "74ef0291-ca83-4d02-8c7e-d2391e6a444f", // TeamsAppInstallation.ReadWriteForUser.All
      "e12dae10-5a57-4817-b79d-dfbec5348930", // AppCatalog.Read.All
      "7ab1d382-f21e-4acd-a863-ba3e13f7da61", // Directory.Read.All (app role assignments: who is staff in chat)
      "01d4889c-1287-42c6-ac1f-5d1e02578ef6", // Files.Read.All (the drop folders of the automatic FEC intake)
    ]);
  });

  it("only uses variables that provisioning writes", () => {
    for (const name of placeholderNames(text)) expect(isDeclared(name), name).toBe(true);
  });
});

describe("teamsapp.yml and infra", () => {
  const bicep = readText("infra/azure.bicep");
  const parametersText = readText("infra/azure.parameters.json");
  const parameters = (JSON.parse(parametersText) as { parameters: Record<string, unknown> }).parameters;

  it("passes every required Bicep parameter, and nothing else, from the parameters file", () => {
    const declared = [...bicep.matchAll(/^param (\w+) \w+( =)?/gm)];
    const required = declared.filter((m) => !m[2]).map((m) => m[1]);
    const all = declared.map((m) => m[1]);
    for (const name of required) expect(Object.keys(parameters), name).toContain(name);
    for (const name of Object.keys(parameters)) expect(all, name).toContain(name);
  });

  it("declares in env/.env.dev every variable the toolkit files read and every Bicep output", () => {
    const used = placeholderNames(readText("teamsapp.yml") + parametersText);
    for (const name of used) expect(isDeclared(name), name).toBe(true);
    const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1] ?? "");
    expect(outputs).toEqual(
      expect.arrayContaining(["TAB_ENDPOINT", "TAB_DOMAIN", "BOT_DOMAIN", "AZURE_APP_SERVICE_RESOURCE_ID"]),
    );
    for (const name of outputs) expect(devKeys.has(name), name).toBe(true);
  });

  it("registers the Teams channel and, for the message extension in Outlook, the Microsoft 365 channel", () => {
    const channels = [...bicep.matchAll(/^\s+channelName: '(\w+)'/gm)].map((m) => m[1]);
    expect(channels).toEqual(expect.arrayContaining(["MsTeamsChannel", "M365Extensions"]));
  });

  it("gives the App Service every variable the server needs in teams mode", () => {
    const settings = /resource webAppSettings [^{]+\{[\s\S]*?properties: \{([\s\S]*?)\n {2}\}/.exec(bicep)?.[1] ?? "";
    const names = [...settings.matchAll(/^\s+(\w+):/gm)].map((m) => m[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        "COMPTOIR_MODE",
        "TAB_ENDPOINT",
        "TAB_DOMAIN",
        "TEAMS_APP_ID",
        "AAD_APP_CLIENT_ID",
        "AAD_APP_TENANT_ID",
        "SECRET_AAD_APP_CLIENT_SECRET",
        "BOT_ID",
        "SECRET_BOT_PASSWORD",
        "STORAGE_CONNECTION_STRING",
        "GRAPH_MAIL_SENDER",
      ]),
    );
    expect(settings).toContain("COMPTOIR_MODE: 'teams'");
  });

  it("runs on a plan that autoscales, behind the server's health check, on storage every instance shares", () => {
    expect(/param webAppSku string = '(\w+)'/.exec(bicep)?.[1]).toMatch(/^(S|P)\d/);
    expect(parameters.webAppSku).toEqual({ value: expect.stringMatching(/^(S|P)\d/) as unknown });
    expect(bicep).toMatch(/resource autoscale 'Microsoft\.Insights\/autoscalesettings@[\d-]+'/);
    expect(bicep).toContain("targetResourceUri: serverFarm.id");
    expect(bicep).toMatch(/scaleRule\(serverFarm\.id, 'CpuPercentage', 'GreaterThan', \d+, 'Increase'/);
    expect(bicep).toMatch(/scaleRule\(serverFarm\.id, 'CpuPercentage', 'LessThan', \d+, 'Decrease'/);
    expect(bicep).toContain("healthCheckPath: '/api/health'");
    expect(bicep).toContain("clientAffinityEnabled: false");
    expect(bicep).toContain("param storageSku string = 'Standard_ZRS'");
  });
});
