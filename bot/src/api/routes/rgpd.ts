import { renderRgpdExportHtml, rgpdErasurePreviewSchema, rgpdExportSchema } from "@comptoir/shared";
import { defineRoute, defineStreamRoute, type AnyRoute } from "../http/route";
import { ctxFor, type ServiceDeps } from "../../core/services/context";
import { eraseContact, erasurePreview } from "../../jobs/rgpd/erasure";
import { exportContact } from "../../jobs/rgpd/export";
import type { GuestDirectory } from "../../jobs/rgpd/holdings";

const ADMIN = ["admin"] as const;
const tag = "rgpd";

/** The file name of a contact's export: no name or e-mail in it (it shows in download lists). */
const fileName = (contactId: string, ext: "json" | "html") => `comptoir-rgpd-${contactId}.${ext}`;

/**
 * RGPD right of access and right to erasure for one contact, Firm.Admin only. `directory` is the mode's
 * Graph (known once the mode is wired, after the routes are built).
 */
export function rgpdRoutes(deps: ServiceDeps, directory: () => GuestDirectory): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/contacts/:id/rgpd/export.json",
      allow: ADMIN,
      tag,
      summary: "Everything Comptoir holds on the contact, as a JSON file (right of access)",
      response: rgpdExportSchema,
      handler: async ({ principal, params }) => ({
        body: await exportContact(deps, principal.tenantId, params.id),
        headers: { "Content-Disposition": `attachment; filename="${fileName(params.id, "json")}"` },
      }),
    }),
    defineStreamRoute({
      method: "get",
      path: "/contacts/:id/rgpd/export.html",
      allow: ADMIN,
      tag,
      summary: "The same export as a readable, printable HTML page, in the asker's language",
      responses: { 200: { description: "The export page", file: "text/html" } },
      handler: async ({ principal, params, locale, response }) => {
        const html = renderRgpdExportHtml(await exportContact(deps, principal.tenantId, params.id), locale);
        const sink = response.attachment("text/html; charset=utf-8", fileName(params.id, "html"));
        await sink(new TextEncoder().encode(html));
        response.end();
      },
    }),
    defineRoute({
      method: "get",
      path: "/contacts/:id/rgpd/erasure-preview",
      allow: ADMIN,
      tag,
      summary:
        "What erasing the contact would remove, pseudonymise and whether the guest account goes (ETag: the contact's)",
      response: rgpdErasurePreviewSchema,
      handler: async ({ principal, params }) => {
        const { preview, etag } = await erasurePreview(deps, directory(), principal.tenantId, params.id);
        return { body: preview, etag };
      },
    }),
    defineRoute({
      ifMatch: "required",
      method: "post",
      path: "/contacts/:id/rgpd/erasure",
      allow: ADMIN,
      tag,
      summary: "Erase the contact (If-Match: the contact's ETag); safe to retry after a failure",
      response: rgpdErasurePreviewSchema,
      handler: async ({ principal, params, ifMatch }) => ({
        body: await eraseContact(deps, directory(), ctxFor(principal, deps), params.id, ifMatch),
      }),
    }),
  ];
}
