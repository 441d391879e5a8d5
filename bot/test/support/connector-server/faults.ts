import { faultRuleSchema, type FaultRule, type ParsedFaultRule } from "./types";

interface ActiveFault {
  id: number;
  rule: ParsedFaultRule;
  pathPattern: RegExp | null;
  remaining: number;
}

export interface FaultHit {
  status: number;
  retryAfter?: number;
  delayMs?: number;
}

/** Fault rules, first match wins; a rule with `times` goes away once used up. */
export class FaultTable {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(rule: FaultRule): number {
    const parsed = faultRuleSchema.parse(rule);
    const id = this.nextId++;
    this.faults.push({
      id,
      rule: parsed,
      pathPattern: parsed.match.path === undefined ? null : new RegExp(parsed.match.path),
      remaining: parsed.times ?? Number.POSITIVE_INFINITY,
    });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  list(): (ParsedFaultRule & { id: number; remaining: number | null })[] {
    return this.faults.map((f) => ({
      ...f.rule,
      id: f.id,
      remaining: Number.isFinite(f.remaining) ? f.remaining : null,
    }));
  }

  /** The fault to apply to this call, if any (and counts it). */
  take(method: string, path: string, conversationId: string | null): FaultHit | null {
    const fault = this.faults.find(
      (f) =>
        (f.rule.match.method === undefined || f.rule.match.method === method) &&
        (f.pathPattern === null || f.pathPattern.test(path)) &&
        (f.rule.match.conversationId === undefined || f.rule.match.conversationId === conversationId),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    const { status, retryAfter, delayMs } = fault.rule;
    return {
      status,
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      ...(delayMs !== undefined ? { delayMs } : {}),
    };
  }
}

/** Error codes the Bot Connector uses for these statuses. */
export function connectorErrorCode(status: number): string {
  switch (status) {
    case 400:
      return "BadArgument";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "NotFound";
    case 412:
      return "PreconditionFailed";
    case 413:
      return "MessageSizeTooBig";
    case 429:
      return "Throttled";
    case 502:
      return "BadGateway";
    case 503:
      return "ServiceUnavailable";
    case 504:
      return "GatewayTimeout";
    default:
      return status >= 500 ? "ServiceError" : "BadRequest";
  }
}
