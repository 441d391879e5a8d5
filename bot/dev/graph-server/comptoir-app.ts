import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { appRoleDefinitionSchema, type LocalDirectory, type LocalServicePrincipal } from "./directory";

const MANIFEST = fileURLToPath(new URL("../../../aad.manifest.json", import.meta.url));

/** Comptoir's app roles as provisioning declares them (aad.manifest.json): the same ids and values as in Entra. */
export function comptoirAppRoles(): z.output<typeof appRoleDefinitionSchema>[] {
  const manifest = z
    .object({ appRoles: z.array(appRoleDefinitionSchema.loose()) })
    .parse(JSON.parse(readFileSync(MANIFEST, "utf8")));
  return manifest.appRoles.map(({ id, value, displayName, isEnabled }) => ({ id, value, displayName, isEnabled }));
}

/** Comptoir's service principal in a local directory, under the app id the server is configured with. */
export function registerComptoirApp(directory: LocalDirectory, appId: string): LocalServicePrincipal {
  return directory.addServicePrincipal({ appId, displayName: "Comptoir", appRoles: comptoirAppRoles() });
}

/** A person of the tenant as a test or local mode describes them: Entra ids, Comptoir roles, guest or not. */
export interface TenantPerson {
  oid: string;
  name: string;
  username: string;
  roles: readonly string[];
  guest?: boolean;
}

/** Comptoir's app and these people in a local directory: users of fixed ids, and their roles assigned directly. */
export function registerTenantPeople(directory: LocalDirectory, appId: string, people: readonly TenantPerson[]): void {
  if (!directory.servicePrincipal(appId)) registerComptoirApp(directory, appId);
  for (const p of people) {
    directory.addUser({ id: p.oid, displayName: p.name, mail: p.username, userType: p.guest ? "Guest" : "Member" });
    for (const role of p.roles) directory.assignAppRole({ principalId: p.oid, appId, role });
  }
}
