/**
 * The Bot Connector hosts the bot may call (BOT_SERVICE_URL_HOSTS). A `serviceUrl` comes from an activity, or
 * from a reference stored from one; the bot sends its own Entra token there, so only https URLs on a listed
 * host, or a subdomain of one, are ever called. Comparison is on the parsed host name, never on the text, so
 * `evil-smba.trafficmanager.net.example` or `smba.trafficmanager.net@evil.example` are not taken for the real one.
 */
export function isAllowedServiceUrl(serviceUrl: string | null | undefined, hosts: readonly string[]): boolean {
  const host = httpsHost(serviceUrl);
  if (!host) return false;
  return hosts.some((allowed) => {
    const suffix = normalizeHost(allowed);
    return suffix !== "" && (host === suffix || host.endsWith(`.${suffix}`));
  });
}

/** The host of a URL, for log lines (no path, query or credentials); `?` when it does not parse. */
export function hostForLog(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "?";
  }
}

function httpsHost(serviceUrl: string | null | undefined): string | null {
  if (!serviceUrl) return null;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username !== "" || url.password !== "") return null;
  return normalizeHost(url.hostname);
}

/** Lower case, without the trailing dot of a fully qualified name (`smba.trafficmanager.net.`). */
function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "");
}
