import { z } from "zod";

/**
 * Microsoft's documented limit on `/invitations`: 150 requests per 5 seconds per tenant, for all apps
 * (Microsoft Learn, "Microsoft Graph service-specific throttling limits", invitation manager service limits).
 */
export const INVITATION_LIMIT = { limit: 150, windowMs: 5_000 } as const;

export const throttleConfigSchema = z.object({
  enabled: z.boolean().default(true),
  limit: z.number().int().positive().default(INVITATION_LIMIT.limit),
  windowMs: z.number().int().positive().default(INVITATION_LIMIT.windowMs),
});
export type ThrottleConfig = z.output<typeof throttleConfigSchema>;

/** A change to some settings only; the others keep their current value. */
export const throttlePatchSchema = z.object({
  enabled: z.boolean().optional(),
  limit: z.number().int().positive().optional(),
  windowMs: z.number().int().positive().optional(),
});

/** A sliding window over accepted requests; a refused request does not use up the budget. */
export class SlidingWindowThrottle {
  private accepted: number[] = [];
  config: ThrottleConfig;

  constructor(
    config: Partial<ThrottleConfig> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.config = throttleConfigSchema.parse(config);
  }

  configure(patch: Partial<ThrottleConfig>): ThrottleConfig {
    this.config = throttleConfigSchema.parse({ ...this.config, ...patch });
    this.accepted = [];
    return this.config;
  }

  /** null when the request may go through, else the seconds to put in Retry-After. */
  take(): number | null {
    if (!this.config.enabled) return null;
    const now = this.now();
    const since = now - this.config.windowMs;
    while (this.accepted.length > 0 && (this.accepted[0] ?? 0) <= since) this.accepted.shift();
    if (this.accepted.length < this.config.limit) {
      this.accepted.push(now);
      return null;
    }
    const oldest = this.accepted[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.config.windowMs - now) / 1000));
  }
}
