import {
  intakeBrowseQuerySchema,
  intakeBrowseSchema,
  intakeFolderInputSchema,
  intakeRuleResultSchema,
  intakeStatusSchema,
} from "@comptoir/shared/api/fec-intake";
import {
  applyFolderRule,
  browseFolders,
  intakeStatus,
  removeIntakeFolder,
  setIntakeFolder,
  type IntakeDeps,
} from "../../accounting/intake/service";
import { defineRoute, type AnyRoute } from "../http/route";
import { STAFF } from "./accounting-scopes";

const tag = "fec-intake";

/** Staff only: the dossier's FEC drop folder (issue 20) and what became of the files found in it. */
export function intakeRoutes(intake: () => IntakeDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/fec-intake/folders",
      allow: STAFF,
      tag,
      summary: "Browse a drive's folders (the firm's library by default) to choose a drop folder",
      query: intakeBrowseQuerySchema,
      response: intakeBrowseSchema,
      handler: async ({ query }) => ({ body: await browseFolders(intake(), query) }),
    }),
    defineRoute({
      method: "post",
      path: "/fec-intake/rule",
      allow: STAFF,
      tag,
      summary: "Give every dossier the subfolder of this root named like its code (<root>/<code dossier>/)",
      body: intakeFolderInputSchema,
      response: intakeRuleResultSchema,
      handler: async ({ principal, body }) => ({ body: await applyFolderRule(intake(), principal, body) }),
    }),
    defineRoute({
      method: "get",
      path: "/dossiers/:id/fec/intake",
      allow: STAFF,
      tag,
      summary: "The dossier's FEC drop folder, if any, and the last files found in it",
      response: intakeStatusSchema,
      handler: async ({ principal, params }) => ({ body: await intakeStatus(intake(), principal, params.id) }),
    }),
    defineRoute({
      method: "put",
      path: "/dossiers/:id/fec/intake",
      allow: STAFF,
      tag,
      summary: "Watch a drive folder (Teams channel Files, SharePoint library, shared OneDrive) for new FEC files",
      body: intakeFolderInputSchema,
      response: intakeStatusSchema,
      handler: async ({ principal, params, body }) => ({
        body: await setIntakeFolder(intake(), principal, params.id, body),
      }),
    }),
    defineRoute({
      method: "delete",
      path: "/dossiers/:id/fec/intake",
      allow: STAFF,
      tag,
      summary: "Stop watching the dossier's drop folder (files already imported stay)",
      handler: async ({ principal, params }) => {
        await removeIntakeFolder(intake(), principal, params.id);
        return { status: 204 };
      },
    }),
  ];
}
