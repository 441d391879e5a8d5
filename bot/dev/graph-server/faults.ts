import { randomUUID } from "node:crypto";
import { z } from "zod";

/**
 * A fault to inject, e.g. `{ match: "POST /v1.0/invitations", status: 429, retryAfter: 1, rate: 0.3 }`.
 * `match` is "<METHOD|*> <path>", where `*` stands for one path segment and `**` for any rest.
 * `rate` picks requests at random; `times` bounds how many are hit (deterministic with rate 1).
 * `reset` drops the connection instead of answering (a network error for the client).
 */
export const faultSpecSchema = z
  .object({
    match: z.string().regex(/^(\*|[A-Z]+) \/\S*$/, "match is '<METHOD|*> /path'"),
    status: z.number().int().min(400).max(599).optional(),
    retryAfter: z.number().int().min(0).max(3600).optional(),
    rate: z.number().min(0).max(1).default(1),
    times: z.number().int().positive().optional(),
    reset: z.boolean().default(false),
  })
  .refine((f) => f.reset || f.status !== undefined, "a fault needs a status or reset: true");
export type FaultSpec = z.input<typeof faultSpecSchema>;

export interface Fault {
  id: string;
  spec: z.output<typeof faultSpecSchema>;
  /** How many requests it has hit so far. */
  hits: number;
}

function matcher(match: string): (method: string, path: string) => boolean {
  const [method = "*", pattern = "/"] = match.split(" ");
  const source = pattern
    .split("/")
    .map((segment) =>
      segment === "**" ? ".*" : segment === "*" ? "[^/]+" : segment.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  const re = new RegExp(`^${source}$`, "i");
  return (m, path) => (method === "*" || method === m) && re.test(path);
}

export class FaultRegistry {
  private faults: (Fault & { test: (method: string, path: string) => boolean })[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(spec: FaultSpec): Fault {
    const parsed = faultSpecSchema.parse(spec);
    const fault = { id: randomUUID(), spec: parsed, hits: 0, test: matcher(parsed.match) };
    this.faults.push(fault);
    return this.view(fault);
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => this.view(f));
  }

  /** The fault this request falls into, if any; counts the hit. */
  pick(method: string, path: string): Fault | null {
    for (const fault of this.faults) {
      if (!fault.test(method, path)) continue;
      if (fault.spec.times !== undefined && fault.hits >= fault.spec.times) continue;
      if (fault.spec.rate < 1 && this.random() >= fault.spec.rate) continue;
      fault.hits++;
      return this.view(fault);
    }
    return null;
  }

  private view(f: Fault): Fault {
    return { id: f.id, spec: f.spec, hits: f.hits };
  }
}
