/** The Dossier page's tabs, as they appear in the URL (`#/dossiers/:id?onglet=tableau-de-bord`). */
export const DOSSIER_TABS = ["offres", "tableau-de-bord", "interlocuteurs", "comptabilite", "historique"] as const;
export type DossierTab = (typeof DOSSIER_TABS)[number];

export function dossierTabOf(value: string | null): DossierTab {
  return DOSSIER_TABS.find((tab) => tab === value) ?? "offres";
}
