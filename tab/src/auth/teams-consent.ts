/**
 * `getAuthToken` fails with one of these when the person (or the tenant admin) has not yet
 * consented to the app; a popup can then show Microsoft's consent page.
 */
const CONSENT_MARKERS = /consent_required|resourceRequiresConsent|interaction_required|AADSTS65001/i;

export function isConsentError(error: unknown): boolean {
  if (typeof error === "string") return CONSENT_MARKERS.test(error);
  if (error instanceof Error) return CONSENT_MARKERS.test(error.message);
  return false;
}

export const CONSENT_POPUP = { path: "/auth-start.html", width: 600, height: 535 } as const;
