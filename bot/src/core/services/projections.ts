import type { Contact, Dossier, ServiceSubscription } from "@comptoir/shared";
import { ContactDirectory } from "../readmodels/contact-directory";
import { PerTenant, type ChangeFeed } from "../readmodels/per-tenant";
import { Portfolio } from "../readmodels/portfolio";
import type { Change, Repos } from "../repos";
import { CHANGES_KEPT } from "../repos/changes";
import { ChangeWriter } from "./change-writer";

export interface ProjectionTiming {
  /** How stale a read may be: at most one point read of the firm's version row per this long. */
  checkEveryMs: number;
  reloadEveryMs: number;
}

/** 2 s is the promise (every write visible on every instance); a check every 250 ms keeps well inside it. */
export const DEFAULT_TIMING: ProjectionTiming = { checkEveryMs: 250, reloadEveryMs: 15 * 60_000 };
/** Point reads in flight at once while catching up. */
const CATCH_UP_READS = 16;

/**
 * The firms' read models (Portefeuille, Interlocuteurs) and the one way to tell them about a stored write:
 * applied here in place at once, and logged in the firm's change log for the other instances, which
 * re-read the changed documents before their next read (docs/ARCHITECTURE.md, "Read models").
 */
export class Projections {
  readonly portfolio: PerTenant<Portfolio, Change>;
  readonly contacts: PerTenant<ContactDirectory, Change>;
  private readonly writer: ChangeWriter;

  constructor(
    private readonly repos: Repos,
    timing: ProjectionTiming = DEFAULT_TIMING,
  ) {
    this.writer = new ChangeWriter(repos.changes);
    const feed: ChangeFeed<Change> = {
      version: (tenantId) => repos.changes.version(tenantId),
      since: (tenantId, after, upTo) => repos.changes.since(tenantId, after, upTo),
    };
    const common = { feed, maxCatchUp: CHANGES_KEPT, ...timing };
    this.portfolio = new PerTenant({
      ...common,
      load: (tenantId) => this.loadPortfolio(tenantId),
      apply: (tenantId, portfolio, changes) => this.applyToPortfolio(tenantId, portfolio, changes),
    });
    this.contacts = new PerTenant({
      ...common,
      load: (tenantId) => this.loadContacts(tenantId),
      apply: (tenantId, directory, changes) => this.applyToContacts(tenantId, directory, changes),
    });
  }

  putDossier(tenantId: string, dossier: Dossier): Promise<void> {
    const change = { kind: "dossier", id: dossier.id } as const;
    return this.stored(tenantId, change, () => this.portfolio.update(tenantId, change, (p) => p.putDossier(dossier)));
  }

  removeDossier(tenantId: string, id: string): Promise<void> {
    const change = { kind: "dossier", id } as const;
    return this.stored(tenantId, change, () => this.portfolio.update(tenantId, change, (p) => p.removeDossier(id)));
  }

  putSubscription(tenantId: string, sub: ServiceSubscription): Promise<void> {
    const change = { kind: "subscription", id: sub.id } as const;
    return this.stored(tenantId, change, () => this.portfolio.update(tenantId, change, (p) => p.putSubscription(sub)));
  }

  /** The subscription's rows were deleted (RGPD erasure): it no longer counts in its dossier's status. */
  removeSubscription(tenantId: string, id: string): Promise<void> {
    const change = { kind: "subscription", id } as const;
    return this.stored(tenantId, change, () =>
      this.portfolio.update(tenantId, change, (p) => p.removeSubscription(id)),
    );
  }

  putContact(tenantId: string, contact: Contact): Promise<void> {
    const change = { kind: "contact", id: contact.id } as const;
    return this.stored(tenantId, change, () => this.contacts.update(tenantId, change, (d) => d.put(contact)));
  }

  removeContact(tenantId: string, id: string): Promise<void> {
    const change = { kind: "contact", id } as const;
    return this.stored(tenantId, change, () => this.contacts.update(tenantId, change, (d) => d.remove(id)));
  }

  /**
   * The write is already stored: failing the request now would only invite a retry of a done write. An
   * unlogged change reaches the other instances with their periodic reload (`reloadEveryMs`).
   */
  private async stored(tenantId: string, change: Change, applyHere: () => Promise<void>): Promise<void> {
    await applyHere();
    await this.writer.log(tenantId, change).catch((e: unknown) => console.error("Change not logged", change, e));
  }

  private async loadPortfolio(tenantId: string): Promise<Portfolio> {
    const portfolio = new Portfolio();
    for await (const { value } of this.repos.dossiers.all(tenantId)) portfolio.putDossier(value);
    for await (const { value } of this.repos.subscriptions.all(tenantId)) portfolio.putSubscription(value);
    return portfolio;
  }

  private async loadContacts(tenantId: string): Promise<ContactDirectory> {
    const directory = new ContactDirectory();
    for await (const { value } of this.repos.contacts.all(tenantId)) directory.put(value);
    return directory;
  }

  private async applyToPortfolio(tenantId: string, portfolio: Portfolio, changes: readonly Change[]): Promise<void> {
    await eachLimited(distinct(changes, ["dossier", "subscription"]), async ({ kind, id }) => {
      if (kind === "dossier") {
        const dossier = await this.repos.dossiers.get(tenantId, id);
        if (dossier) portfolio.putDossier(dossier.value);
        else portfolio.removeDossier(id);
      } else {
        const sub = await this.repos.subscriptions.get(tenantId, id);
        if (sub) portfolio.putSubscription(sub.value);
        else portfolio.removeSubscription(id);
      }
    });
  }

  private async applyToContacts(
    tenantId: string,
    directory: ContactDirectory,
    changes: readonly Change[],
  ): Promise<void> {
    await eachLimited(distinct(changes, ["contact"]), async ({ id }) => {
      const contact = await this.repos.contacts.get(tenantId, id);
      if (contact) directory.put(contact.value);
      else directory.remove(id);
    });
  }
}

/** Each changed document once, however often it changed in the batch (it is read as it is now). */
function distinct(changes: readonly Change[], kinds: readonly Change["kind"][]): Change[] {
  const byKey = new Map<string, Change>();
  for (const c of changes) if (kinds.includes(c.kind)) byKey.set(`${c.kind}|${c.id}`, c);
  return [...byKey.values()];
}

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(CATCH_UP_READS, items.length) }, lane));
}
