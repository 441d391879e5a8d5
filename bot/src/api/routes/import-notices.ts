import { importNoticeListSchema, importNoticePreferenceSchema } from "@comptoir/shared/api/import-notices";
import type { AccountingDeps } from "../../accounting/deps";
import { listImportNotices } from "../../accounting/notify/service";
import type { ServiceDeps } from "../../core/services/context";
import { importNoticePreference, setImportNoticePreference } from "../../core/services/import-notice-prefs";
import { defineRoute, type AnyRoute } from "../http/route";
import { STAFF } from "./accounting-scopes";

const tag = "import-notices";

/** Staff only: who was told of an import, and a contact's choice to be told (the contact changes it from the card). */
export function importNoticeRoutes(deps: ServiceDeps, acc: AccountingDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/dossiers/:id/fec/imports/:importId/notices",
      allow: STAFF,
      tag,
      summary: "The contacts told of a FEC import: sent, skipped (and why) or failed",
      response: importNoticeListSchema,
      handler: async ({ principal, params }) => ({
        body: await listImportNotices(deps, acc, principal, params.id, params.importId),
      }),
    }),
    defineRoute({
      method: "get",
      path: "/contacts/:id/import-notices",
      allow: STAFF,
      tag,
      summary: "Whether the contact is told when new accounting of their dossiers is imported",
      response: importNoticePreferenceSchema,
      handler: async ({ principal, params }) => ({
        body: await importNoticePreference(deps, principal.tenantId, params.id),
      }),
    }),
    defineRoute({
      method: "put",
      path: "/contacts/:id/import-notices",
      allow: STAFF,
      tag,
      summary: "Turn the contact's import notices on or off",
      body: importNoticePreferenceSchema,
      response: importNoticePreferenceSchema,
      handler: async ({ principal, params, body }) => ({
        body: await setImportNoticePreference(deps, principal.tenantId, params.id, body),
      }),
    }),
  ];
}
