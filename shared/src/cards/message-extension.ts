import { z } from "zod";
import type { CollaborativeStatus } from "../api/back-office";
import { idSchema } from "../domain/common";
import type { Locale } from "../i18n/locale";
import { dossierLabel, t } from "./format";
import { collaborativeStatusLabel, type SharedDossier } from "./shared-dossier-card";
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "./types";

/**
 * The message extension's side of the Teams contract (search commands and link unfurling, bot-based): the invoke
 * names Teams posts to `/api/messages`, what their `value` holds, and the `composeExtension` response shape.
 */
export const COMPOSE_EXTENSION_INVOKES = {
  query: "composeExtension/query",
  selectItem: "composeExtension/selectItem",
  queryLink: "composeExtension/queryLink",
} as const;

/** The manifest's query command "Dossiers" and its one parameter (appPackage/manifest.template.json). */
export const SEARCH_DOSSIERS_COMMAND = "searchDossiers";
export const SEARCH_QUERY_PARAMETER = "query";
/** Teams sends this parameter, value "true", when the command opens with `initialRun`. */
export const INITIAL_RUN_PARAMETER = "initialRun";
/** Teams asks for 25 results by default; a search never lists more than this. */
export const MAX_SEARCH_RESULTS = 25;

export const THUMBNAIL_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.thumbnail";

/**
 * `commandId` may be absent: Teams allows one search command per app, and the Agents Playground leaves the id and the
 * parameter's name out unless told them (it does not read the manifest).
 */
export const queryInvokeValueSchema = z.object({
  commandId: z.string().optional(),
  parameters: z.array(z.object({ name: z.string(), value: z.unknown() })).default([]),
  queryOptions: z
    .object({
      skip: z.number().int().nonnegative().max(1_000).optional(),
      count: z.number().int().positive().optional(),
    })
    .optional(),
});
export type QueryInvokeValue = z.infer<typeof queryInvokeValueSchema>;

/** `selectItem`'s value is the preview's `tap.value`, which we set. */
export const selectItemValueSchema = z.object({ dossierId: idSchema });
export const queryLinkValueSchema = z.object({ url: z.string().min(1).max(2_048) });

/** The search text of a query invoke (empty on the initial run). */
export function searchText(value: QueryInvokeValue): string {
  const parameter =
    value.parameters.find((p) => p.name === SEARCH_QUERY_PARAMETER) ??
    value.parameters.find((p) => p.name !== INITIAL_RUN_PARAMETER);
  return typeof parameter?.value === "string" ? parameter.value.trim().slice(0, 100) : "";
}

const thumbnailSchema = z.object({
  contentType: z.literal(THUMBNAIL_CARD_CONTENT_TYPE),
  content: z.object({
    title: z.string(),
    subtitle: z.string().optional(),
    text: z.string().optional(),
    tap: z.object({ type: z.literal("invoke"), value: selectItemValueSchema }).optional(),
  }),
});
export type ThumbnailAttachment = z.infer<typeof thumbnailSchema>;

const adaptiveAttachmentSchema = z.object({
  contentType: z.literal(ADAPTIVE_CARD_CONTENT_TYPE),
  content: z.looseObject({ type: z.literal("AdaptiveCard"), version: z.string() }),
  preview: thumbnailSchema,
});

/** The body of the invoke response to every compose extension invoke. */
export const composeExtensionResponseSchema = z.object({
  composeExtension: z.discriminatedUnion("type", [
    z.object({
      type: z.literal("result"),
      attachmentLayout: z.literal("list"),
      attachments: z.array(adaptiveAttachmentSchema),
    }),
    z.object({ type: z.literal("message"), text: z.string().min(1) }),
  ]),
});
/** What the bot answers; `composeExtensionResponseSchema` checks the same shape on the wire. */
export type ComposeExtensionResponse =
  | {
      composeExtension: {
        type: "result";
        attachmentLayout: "list";
        attachments: {
          contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
          content: AdaptiveCard;
          preview: ThumbnailAttachment;
        }[];
      };
    }
  | { composeExtension: { type: "message"; text: string } };

/** What the search list shows of a dossier: name and SIREN, and for staff the offer and the service status. */
export function dossierPreview(input: {
  locale: Locale;
  dossier: SharedDossier;
  standing?: { consultationActive: boolean; collaborativeStatus: CollaborativeStatus };
}): ThumbnailAttachment {
  const { locale, dossier, standing } = input;
  const siren = dossier.siren
    ? t(locale, "msgext.preview.siren", { siren: dossier.siren })
    : t(locale, "msgext.preview.noSiren");
  const text = standing
    ? t(locale, "msgext.preview.staff", {
        offer: t(locale, standing.consultationActive ? "cards.value.on" : "cards.value.off"),
        status: collaborativeStatusLabel(locale, standing.collaborativeStatus),
      })
    : undefined;
  return {
    contentType: THUMBNAIL_CARD_CONTENT_TYPE,
    content: {
      title: dossierLabel(locale, dossier),
      subtitle: siren,
      ...(text ? { text } : {}),
      tap: { type: "invoke", value: { dossierId: dossier.id } },
    },
  };
}

export function resultResponse(
  items: readonly { card: AdaptiveCard; preview: ThumbnailAttachment }[],
): ComposeExtensionResponse {
  return {
    composeExtension: {
      type: "result",
      attachmentLayout: "list",
      attachments: items.map(({ card, preview }) => ({
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        content: card,
        preview,
      })),
    },
  };
}

/** A line of text in place of results (who may not search, a refused input). */
export function textResponse(text: string): ComposeExtensionResponse {
  return { composeExtension: { type: "message", text } };
}

/** The tab's hash routes that name one dossier: the staff dossier page and the client's fiche société. */
const DOSSIER_ROUTES = [
  { pattern: /^#\/dossiers\/([^/?#]+)(?:[/?].*)?$/, side: "staff" },
  { pattern: /^#\/ma-societe\/([^/?#]+)(?:[/?].*)?$/, side: "client" },
] as const;

/** Scheme, host and port (lower case) and the path without its trailing slashes; the rest apart. */
const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)([^?#]*)(?:\?[^#]*)?(#.*)?$/i;

/**
 * The dossier a pasted Comptoir URL points at: the app's own origin and path (`webBase`, the tab's base URL) and
 * one of the tab's dossier routes (`#/dossiers/<id>`, `#/ma-societe/<id>`); `null` for anything else.
 */
export function dossierIdOfLink(url: string, webBase: string): { dossierId: string; side: "staff" | "client" } | null {
  const link = URL_PARTS.exec(url.trim());
  const base = URL_PARTS.exec(webBase.trim());
  if (!link || !base) return null;
  const path = (p: string | undefined) => (p ?? "").replace(/\/+$/, "");
  if (link[1]?.toLowerCase() !== base[1]?.toLowerCase() || path(link[2]) !== path(base[2])) return null;
  const hash = link[3] ?? "";
  for (const { pattern, side } of DOSSIER_ROUTES) {
    const raw = pattern.exec(hash)?.[1];
    if (!raw) continue;
    let id: string;
    try {
      id = decodeURIComponent(raw);
    } catch {
      return null;
    }
    return idSchema.safeParse(id).success ? { dossierId: id, side } : null;
  }
  return null;
}
