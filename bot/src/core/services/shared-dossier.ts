import {
  sharedDossierCard,
  type AdaptiveCard,
  type DossierSummary,
  type Locale,
  type SharedDossier,
} from "@comptoir/shared";
import type { ServiceDeps } from "./context";
import {
  clientSocieteLink,
  clientSocieteWebUrl,
  staffDossierLink,
  staffDossierWebUrl,
  type AppLinks,
} from "./app-links";

/**
 * The message extension's dossier card. Nothing here decides who may see what: callers check that first and say
 * whether the reader is staff (`summary`, from the Portefeuille) or anyone else (`null`, the neutral card).
 */

/** The Portefeuille's summary of one dossier of the firm (the same read model as its list), if it exists. */
export async function dossierSummary(
  deps: ServiceDeps,
  tenantId: string,
  dossierId: string,
): Promise<DossierSummary | undefined> {
  return (await deps.projections.portfolio.get(tenantId)).summary(dossierId);
}

export function sharedDossierCardFor(args: {
  links: AppLinks;
  locale: Locale;
  dossier: SharedDossier;
  /** Staff: where the dossier stands, and the staff tab's links; `null`: the neutral card, the client space's links. */
  summary: DossierSummary | null;
  userIds: readonly string[];
}): AdaptiveCard {
  const { links, dossier, summary } = args;
  return sharedDossierCard({
    locale: args.locale,
    dossier: { id: dossier.id, code: dossier.code, name: dossier.name, siren: dossier.siren },
    standing: summary,
    openLink: summary ? staffDossierLink(links, dossier.id) : clientSocieteLink(links, dossier.id),
    webLink: summary ? staffDossierWebUrl(links, dossier.id) : clientSocieteWebUrl(links, dossier.id),
    userIds: args.userIds,
  });
}
