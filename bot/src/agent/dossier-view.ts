import { AppError, isAppError, parseActionData, VERBS, type AdaptiveCard, type Locale } from "@comptoir/shared";
import { dossierSummary, sharedDossierCardFor } from "../core/services/shared-dossier";
import type { ActionKit } from "./actions";
import type { Caller } from "./identity";
import { errorCardFor } from "./replies";

/**
 * `dossier.view`, the shared dossier card's refresh and its *Voir le statut*: staff of the firm get where the
 * dossier stands (read now, from the Portefeuille); anyone else the neutral card, rebuilt from the card's own data
 * only, so that a made-up dossier id teaches them nothing. The card keeps refreshing for whoever asked.
 */
export async function viewSharedDossier(
  kit: ActionKit,
  data: unknown,
  caller: Caller,
  locale: Locale,
  fromId: string,
): Promise<AdaptiveCard> {
  try {
    const input = parseActionData(VERBS.viewDossier, data);
    if (!input.success) throw new AppError("VALIDATION_FAILED");
    const shown = { id: input.data.dossierId, code: input.data.code, name: input.data.name, siren: input.data.siren };
    const userIds = fromId ? [fromId] : [];
    if (caller.kind !== "staff")
      return sharedDossierCardFor({ links: kit.links, locale, dossier: shown, summary: null, userIds });
    const summary = await dossierSummary(kit.deps, caller.tenantId, shown.id);
    if (!summary) throw new AppError("DOSSIER_NOT_FOUND");
    return sharedDossierCardFor({ links: kit.links, locale, dossier: summary, summary, userIds });
  } catch (e) {
    if (!isAppError(e)) console.error("[bot] shared dossier view failed", e);
    return errorCardFor(locale, e);
  }
}
