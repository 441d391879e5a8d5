/**
 * What `authentication.getAuthToken` rejects with (teams-js throws `new Error(reason)`) when the person, or the
 * tenant's admin, has not consented to the app yet: the host's own `resourceRequiresConsent` and `tokenRevoked`
 * (teams-js maintainers: call again interactively, microsoft-teams-library-js#691 and #1343), or Entra ID's codes
 * passed through (`consent_required`, `interaction_required`, AADSTS65001). A popup can then show Microsoft's
 * consent page.
 */
const CONSENT_MARKERS = /consent_required|resourceRequiresConsent|tokenRevoked|interaction_required|AADSTS65001/i;

/** The person closed the host's consent dialog or our popup (microsoft-teams-library-js#2239). */
const CANCELLED = /CancelledByUser/;

function reasonOf(error: unknown): string | null {
  if (typeof error === "string") return error;
  if (error instanceof Error) return error.message;
  return null;
}

export function isConsentError(error: unknown): boolean {
  const reason = reasonOf(error);
  return reason !== null && CONSENT_MARKERS.test(reason);
}

export function isCancelledByUser(error: unknown): boolean {
  const reason = reasonOf(error);
  return reason !== null && CANCELLED.test(reason);
}

export const CONSENT_POPUP = { path: "/auth-start.html", width: 600, height: 535 } as const;
