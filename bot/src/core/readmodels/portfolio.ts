import {
  dossierCodeKey,
  type Actor,
  isLive,
  type CollaborativeStatus,
  type Dossier,
  type DossierSummary,
  type ServiceSubscription,
  type SubscriptionStatus,
  searchable,
  searchWords,
} from "@comptoir/shared";
import { MemoryIndex, type PageResult } from "./memory-index";
import { PrefixIndex } from "./prefix-index";

const RANK: Record<CollaborativeStatus, number> = { none: 0, proposed: 1, invited: 2, accepted: 3, active: 4 };

/** The most advanced live status, for the Portefeuille's "statut collaboratif" column. */
export function collaborativeStatus(statuses: Iterable<SubscriptionStatus>): {
  status: CollaborativeStatus;
  live: number;
} {
  let status: CollaborativeStatus = "none";
  let live = 0;
  for (const s of statuses) {
    if (s === "revoked") continue;
    live++;
    if (RANK[s] > RANK[status]) status = s;
  }
  return { status, live };
}

interface Row extends DossierSummary {
  search: { code: string; name: string };
}

export interface PortfolioQuery {
  q?: string | undefined;
  sort: "code" | "name" | "siren" | "responsible";
  dir: "asc" | "desc";
  offer: "all" | "on" | "off";
  limit: number;
  cursor?: string | undefined;
}

/** One firm's Portefeuille: dossier summaries with their services' statuses, sorted and searchable in memory. */
export class Portfolio {
  private readonly rows = new MemoryIndex<Row>({
    code: (r) => r.search.code,
    name: (r) => r.search.name,
    siren: (r) => r.siren ?? "\uffff",
    responsible: (r) => searchable(r.responsible?.name ?? "\uffff"),
  });
  private readonly search = new PrefixIndex();
  /** Live statuses per dossier, kept apart: a subscription may be read before its dossier. */
  private readonly statuses = new Map<string, Map<string, SubscriptionStatus>>();

  get size(): number {
    return this.rows.size;
  }

  /** Keeps the summary, not the document: a firm's 50,000 dossiers must fit in a few tens of MB. */
  putDossier(dossier: Dossier): void {
    const { status, live } = collaborativeStatus(this.statuses.get(dossier.id)?.values() ?? []);
    this.rows.set({
      id: dossier.id,
      code: dossier.code,
      name: dossier.name,
      siren: dossier.siren,
      responsible: dossier.responsible,
      consultationActive: dossier.offers.consultation.active,
      extensionActive: dossier.collaborativeWidget.extensionActive,
      collaborativeStatus: status,
      liveServices: live,
      search: { code: dossierCodeKey(dossier.code).toLowerCase(), name: searchable(dossier.name) },
    });
    const code = searchable(dossier.code);
    this.search.set(dossier.id, [
      code.replace(/ /g, ""),
      ...code.split(" "),
      ...searchable(dossier.name).split(" "),
      dossier.siren ?? "",
    ]);
  }

  removeDossier(id: string): void {
    this.statuses.delete(id);
    this.rows.delete(id);
    this.search.delete(id);
  }

  /** A subscription deleted outright (RGPD erasure): found by id, since only the id is known once it is gone. */
  removeSubscription(id: string): void {
    for (const [dossierId, byId] of this.statuses) {
      const status = byId.get(id);
      if (status !== undefined) this.putSubscription({ id, dossierId, status: "revoked" });
    }
  }

  putSubscription(sub: Pick<ServiceSubscription, "id" | "dossierId" | "status">): void {
    let byId = this.statuses.get(sub.dossierId);
    if (!byId) {
      byId = new Map<string, SubscriptionStatus>();
      this.statuses.set(sub.dossierId, byId);
    }
    if (isLive(sub)) byId.set(sub.id, sub.status);
    else byId.delete(sub.id);
    const row = this.rows.get(sub.dossierId);
    if (!row) return;
    const { status, live } = collaborativeStatus(byId.values());
    if (status !== row.collaborativeStatus || live !== row.liveServices)
      this.rows.set({ ...row, collaborativeStatus: status, liveServices: live });
  }

  summary(id: string): DossierSummary | undefined {
    const row = this.rows.get(id);
    return row ? toSummary(row) : undefined;
  }

  /** The collaborateurs named responsible of some dossier, once each, by name: whose details Paramètres asks for. */
  responsibles(): Actor[] {
    const byOid = new Map<string, Actor>();
    for (const row of this.rows.values()) if (row.responsible) byOid.set(row.responsible.oid, row.responsible);
    return [...byOid.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  }

  /** Dossiers with an active Consultation offer, counted against the firm's subscription quota. */
  activeOfferCount(): number {
    let n = 0;
    for (const row of this.rows.values()) if (row.consultationActive) n++;
    return n;
  }

  /**
   * Search matches word prefixes of the code, the name and the SIREN (accents and case ignored): each word
   * of the query must start one of them, e.g. "boul mar" finds "Boulangerie Martin", "9041" a SIREN.
   */
  page(query: PortfolioQuery): PageResult<DossierSummary> {
    const offer = query.offer;
    const filter = offer === "all" ? undefined : (r: Row) => r.consultationActive === (offer === "on");
    const request = { sort: query.sort, dir: query.dir, filter, limit: query.limit, cursor: query.cursor };
    const words = searchWords(query.q ?? "");
    const page = words.length > 0 ? this.rows.pageOf(this.search.match(words), request) : this.rows.page(request);
    return { ...page, items: page.items.map(toSummary) };
  }
}

function toSummary({ search: _search, ...summary }: Row): DossierSummary {
  return summary;
}
