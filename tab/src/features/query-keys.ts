/** React Query keys of the back office; prefixes let one mutation refresh every list it affects. */
export const queryKeys = {
  dossierLists: ["dossiers"] as const,
  dossier: (id: string) => ["dossier", id] as const,
  audit: (id: string) => ["dossier", id, "audit"] as const,
  invitations: (id: string) => ["dossier", id, "invitations"] as const,
  contactLists: ["contacts"] as const,
  contact: (id: string) => ["contact", id] as const,
  roles: ["roles"] as const,
  services: ["services"] as const,
  settings: ["settings"] as const,
};

/** `/api/v1/...` with each path segment encoded. */
export function apiPath(...segments: string[]): string {
  return `/api/v1/${segments.map(encodeURIComponent).join("/")}`;
}
