import { apiPath } from "../query-keys";

/**
 * Who looks at the accounting: staff read any dossier under `/dossiers/:id/accounting`, a client reads
 * their société under `/client/societes/:dossierId/accounting` (the server applies *Limité à*).
 */
export interface AccountingAudience {
  kind: "staff" | "client";
  dossierId: string;
}

export function accountingBase(audience: AccountingAudience): string {
  return audience.kind === "staff"
    ? apiPath("dossiers", audience.dossierId, "accounting")
    : apiPath("client", "societes", audience.dossierId, "accounting");
}

/** `?a=1&b=2` with the undefined and empty values left out ("" when nothing is left). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** React Query keys: the dossier prefix refreshes every view after an import. */
export const accountingKeys = {
  dossier: (audience: AccountingAudience) => ["accounting", audience.kind, audience.dossierId] as const,
  view: (audience: AccountingAudience, view: string, params: Record<string, string | number | undefined>) =>
    ["accounting", audience.kind, audience.dossierId, view, params] as const,
  imports: (dossierId: string) => ["accounting", "staff", dossierId, "imports"] as const,
};
