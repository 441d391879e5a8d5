import {
  AppError,
  COMPOSE_EXTENSION_INVOKES,
  dossierIdOfLink,
  dossierPreview,
  INITIAL_RUN_PARAMETER,
  isAppError,
  MAX_SEARCH_RESULTS,
  queryInvokeValueSchema,
  queryLinkValueSchema,
  resultResponse,
  SEARCH_DOSSIERS_COMMAND,
  searchText,
  selectItemValueSchema,
  textResponse,
  translate,
  type ComposeExtensionResponse,
  type DossierSummary,
  type Locale,
  type QueryInvokeValue,
  type SharedDossier,
} from "@comptoir/shared";
import { listSocietes } from "../core/services/client-space";
import { listDossiers } from "../core/services/dossiers";
import { webBaseUrl } from "../core/services/app-links";
import { dossierSummary, sharedDossierCardFor } from "../core/services/shared-dossier";
import type { ActionKit } from "./actions";
import type { Caller } from "./identity";
import { errorMessage } from "./replies";
import type { ClientCaller } from "./turn";

export type ComposeExtensionInvoke = (typeof COMPOSE_EXTENSION_INVOKES)[keyof typeof COMPOSE_EXTENSION_INVOKES];
const INVOKE_NAMES: readonly string[] = Object.values(COMPOSE_EXTENSION_INVOKES);

export function isComposeExtensionInvoke(name: string | undefined): name is ComposeExtensionInvoke {
  return name !== undefined && INVOKE_NAMES.includes(name);
}

/** Who asks, in what language, and the Teams id the inserted card refreshes itself for. */
export interface ExtensionTurn {
  caller: Caller;
  locale: Locale;
  /** `from.id` of the invoke (`29:…`). */
  fromId: string;
}

/**
 * The message extension (Teams compose box, Outlook mail): the "Dossiers" search, the pick of a result and the
 * unfurling of a pasted Comptoir dossier link. Staff search their firm's Portefeuille, a client only their own
 * sociétés (the tab's client access rule); anyone else gets a line saying why, never a dossier.
 */
export async function answerComposeExtension(
  kit: ActionKit,
  name: ComposeExtensionInvoke,
  value: unknown,
  turn: ExtensionTurn,
): Promise<ComposeExtensionResponse> {
  try {
    switch (name) {
      case COMPOSE_EXTENSION_INVOKES.query:
        return await search(kit, parsed(queryInvokeValueSchema, value), turn);
      case COMPOSE_EXTENSION_INVOKES.selectItem: {
        const { dossierId } = parsed(selectItemValueSchema, value);
        const found = await visibleDossier(kit, turn.caller, dossierId);
        if (!found) return refusal(turn, new AppError("DOSSIER_NOT_FOUND"));
        return resultResponse([item(kit, turn, found)]);
      }
      case COMPOSE_EXTENSION_INVOKES.queryLink: {
        const { url } = parsed(queryLinkValueSchema, value);
        const link = dossierIdOfLink(url, webBaseUrl(kit.links));
        const found = link ? await visibleDossier(kit, turn.caller, link.dossierId) : null;
        // Nothing to say about a link this person may not see: Teams then leaves it as a plain link.
        return resultResponse(found ? [item(kit, turn, found)] : []);
      }
    }
  } catch (e) {
    if (!isAppError(e)) console.error(`[bot] ${name} failed`, e);
    return refusal(turn, e);
  }
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown) {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError("VALIDATION_FAILED");
  return result.data;
}

/** A dossier as the caller may show it: staff with where it stands, a client only their own (no standing). */
type Visible = { dossier: SharedDossier; summary: DossierSummary | null };

async function search(kit: ActionKit, value: QueryInvokeValue, turn: ExtensionTurn): Promise<ComposeExtensionResponse> {
  if (value.commandId !== undefined && value.commandId !== SEARCH_DOSSIERS_COMMAND)
    throw new AppError("VALIDATION_FAILED");
  const initialRun = value.parameters.some((p) => p.name === INITIAL_RUN_PARAMETER);
  const q = initialRun ? "" : searchText(value);
  const skip = value.queryOptions?.skip ?? 0;
  const count = Math.min(value.queryOptions?.count ?? MAX_SEARCH_RESULTS, MAX_SEARCH_RESULTS);
  const { caller } = turn;
  let found: Visible[];
  if (caller.kind === "staff") {
    const page = await listDossiers(kit.deps, caller.tenantId, {
      q,
      sort: "code",
      dir: "asc",
      offer: "all",
      limit: skip + count,
    });
    found = page.items.map((summary) => ({ dossier: summary, summary }));
  } else if (caller.kind === "client") {
    found = (await clientSocietes(kit, caller, q)).map((dossier) => ({ dossier, summary: null }));
  } else return refusal(turn, null);
  return resultResponse(found.slice(skip, skip + count).map((v) => item(kit, turn, v)));
}

/** The client's own sociétés, through the access rule the tab's client routes use. */
async function clientSocietes(kit: ActionKit, caller: ClientCaller, q?: string): Promise<SharedDossier[]> {
  const { items } = await listSocietes(kit.deps, caller.principal, { q, dir: "asc" });
  return items.map((s) => ({ id: s.dossierId, code: s.code, name: s.name, siren: s.siren }));
}

/** One dossier, if this caller may see it at all (an unknown id and someone else's look the same). */
async function visibleDossier(kit: ActionKit, caller: Caller, dossierId: string): Promise<Visible | null> {
  if (caller.kind === "staff") {
    const summary = await dossierSummary(kit.deps, caller.tenantId, dossierId);
    return summary ? { dossier: summary, summary } : null;
  }
  if (caller.kind === "client") {
    const own = (await clientSocietes(kit, caller)).find((d) => d.id === dossierId);
    return own ? { dossier: own, summary: null } : null;
  }
  return null;
}

/**
 * A result: the preview the list shows (staff see the offer and the status there, only to themselves) and the card
 * inserted in the message, which starts neutral and refreshes into each viewer's own view.
 */
function item(kit: ActionKit, turn: ExtensionTurn, { dossier, summary }: Visible) {
  const card = sharedDossierCardFor({
    links: kit.links,
    locale: turn.locale,
    dossier,
    summary: null,
    userIds: turn.fromId ? [turn.fromId] : [],
  });
  const preview = dossierPreview({ locale: turn.locale, dossier, ...(summary ? { standing: summary } : {}) });
  return { card, preview };
}

/** Why there is nothing: a refused input (catalogue code), or who the caller is (no role, no space, unknown). */
function refusal(turn: ExtensionTurn, error: unknown): ComposeExtensionResponse {
  const { locale, caller } = turn;
  if (error !== null) {
    const { code, message } = errorMessage(locale, error);
    return textResponse(`${message} ${translate(locale, "cards.errorCode", { code })}`);
  }
  if (caller.kind === "member") return textResponse(translate(locale, "cards.noRole.text"));
  if (caller.kind === "guest") return textResponse(translate(locale, "cards.noAccess.text"));
  return textResponse(translate(locale, "bot.stranger.text"));
}
