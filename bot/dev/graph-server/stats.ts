const ID_SEGMENT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[^/]*(@|%40)[^/]*)$/i;

/** "POST /v1.0/users/<guid>/sendMail" → "POST /v1.0/users/{id}/sendMail": one counter per route, not per object. */
export function routeLabel(method: string, path: string): string {
  const normalised = path
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? "{id}" : segment))
    .join("/");
  return `${method} ${normalised}`;
}

/** Request counters per route and status ("reset" for dropped connections); kept in memory, they are telemetry. */
export class RequestStats {
  private counts = new Map<string, Map<string, number>>();

  record(method: string, path: string, status: number | "reset"): void {
    const label = routeLabel(method, path);
    let byStatus = this.counts.get(label);
    if (!byStatus) {
      byStatus = new Map();
      this.counts.set(label, byStatus);
    }
    const k = String(status);
    byStatus.set(k, (byStatus.get(k) ?? 0) + 1);
  }

  snapshot(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.counts].map(([label, byStatus]) => [label, Object.fromEntries(byStatus)]));
  }

  reset(): void {
    this.counts.clear();
  }
}
