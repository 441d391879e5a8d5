import { AppError, importNoticeCard, type AdaptiveCard, type Locale } from "@comptoir/shared";
import type { ImportNoticeSkipReason } from "@comptoir/shared/api/import-notices";
import { clientSocieteLink, type AppLinks } from "../../core/services/app-links";
import type { ServiceDeps } from "../../core/services/context";
import type { AccountingDeps } from "../deps";
import { syntheseView } from "../views/service";
import type { ImportNoticeMessage } from "./notifier";
import { hasLinesFor, recipientOf } from "./recipient";

/** What goes out for one notice: the card, or why the contact is no longer to be told. */
export type BuiltNotice = { card: AdaptiveCard } | { skipped: ImportNoticeSkipReason } | { gone: true };

/**
 * Builds the notice card when it is sent, from what is stored then: the exercice's key figures as the synthèse
 * computes them for this contact (*Limité à* included), N-1 beside them when the previous exercice is imported.
 * `gone` when the contact no longer consults the dossier or the exercice is no longer served.
 */
export async function importNoticeCardFor(
  deps: ServiceDeps,
  acc: AccountingDeps,
  links: AppLinks,
  message: Pick<ImportNoticeMessage, "tenantId" | "card">,
  locale: Locale,
): Promise<BuiltNotice> {
  const { tenantId, card } = message;
  const dossier = await deps.repos.dossiers.get(tenantId, card.dossierId);
  if (!dossier) return { gone: true };
  const recipient = await recipientOf(deps, tenantId, dossier.value, card.contactId);
  if (recipient.kind === "none") return { gone: true };
  if (recipient.kind === "unreachable") return { skipped: "unreachable" };
  if (await deps.repos.importNotices.isOptedOut(tenantId, card.contactId)) return { skipped: "optedOut" };
  const pointer = await acc.store.getPointer(tenantId, card.dossierId, card.exercice);
  if (!pointer) return { gone: true };
  if (!hasLinesFor(recipient.access, pointer)) return { skipped: "noLines" };
  try {
    const synthese = await syntheseView(acc, recipient.principal, recipient.access, { exercice: card.exercice });
    const { code, name, id } = dossier.value;
    return {
      card: importNoticeCard({
        locale,
        dossier: { id, code, name },
        exerciceEnd: pointer.end,
        figures: synthese.keyFigures,
        previous: synthese.previousKeyFigures,
        limited: recipient.access.etablissements !== undefined,
        syntheseLink: clientSocieteLink(links, id),
      }),
    };
  } catch (e) {
    if (e instanceof AppError && e.code === "ACCOUNTING_EXERCICE_NOT_FOUND") return { gone: true };
    throw e;
  }
}
