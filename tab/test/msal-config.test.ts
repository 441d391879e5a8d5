import { describe, expect, it } from "vitest";
import type { AuthConfig } from "@comptoir/shared/auth-config";
import { msalSetup } from "../src/auth/msal-config";

const TENANT = "5a0f3c2e-8d1b-4e6a-9c7f-2b4d6e8f0a1c";
const CLIENT = "3f6a2c1e-7b4d-4e8a-9f0c-1d2e3f4a5b6c";
const teams: AuthConfig = {
  mode: "teams",
  clientId: CLIENT,
  tenantId: TENANT,
  apiScope: `api://comptoir.example/${CLIENT}/access_as_user`,
};

describe("msalSetup", () => {
  it("signs in at the authority the server publishes, trusted as is so MSAL asks no other host", () => {
    const setup = msalSetup({ ...teams, authority: `https://localhost:8443/${TENANT}` }, "https://tab/", true);
    if (!setup.ok) throw new Error(setup.missing);
    expect(setup.configuration.auth).toMatchObject({
      clientId: CLIENT,
      authority: `https://localhost:8443/${TENANT}`,
      knownAuthorities: ["localhost:8443"],
      redirectUri: "https://tab/",
      navigateToLoginRequestUrl: true,
    });
    expect(setup.scopes).toEqual([teams.apiScope]);
  });

  it("does the same for Entra ID's public cloud when only the tenant is known", () => {
    const setup = msalSetup(teams, "https://tab/auth-end.html", false);
    if (!setup.ok) throw new Error(setup.missing);
    expect(setup.configuration.auth).toMatchObject({
      authority: `https://login.microsoftonline.com/${TENANT}`,
      knownAuthorities: ["login.microsoftonline.com"],
      navigateToLoginRequestUrl: false,
    });
  });

  it("keeps MSAL's cache for the browser tab only", () => {
    const setup = msalSetup(teams, "https://tab/", true);
    expect(setup.ok && setup.configuration.cache).toEqual({ cacheLocation: "sessionStorage" });
  });

  it("names the first missing setting", () => {
    expect(msalSetup({ ...teams, clientId: undefined }, "https://tab/", true)).toEqual({
      ok: false,
      missing: "clientId",
    });
    expect(msalSetup({ ...teams, apiScope: undefined }, "https://tab/", true)).toEqual({
      ok: false,
      missing: "apiScope",
    });
    expect(msalSetup({ ...teams, tenantId: undefined }, "https://tab/", true)).toEqual({
      ok: false,
      missing: "tenantId",
    });
  });
});
