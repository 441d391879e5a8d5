import { contactSummarySchema, type Contact, type ContactSummary } from "@comptoir/shared";
import { MemoryIndex, searchable, type PageResult } from "./memory-index";

interface Row extends ContactSummary {
  search: string;
}

/** One firm's Interlocuteurs grid, sorted by Nom then Prénom, searchable by name and e-mail. */
export class ContactDirectory {
  private readonly rows = new MemoryIndex<Row>({ name: (r) => searchable(`${r.nom}\u0001${r.prenom}`) });

  put(c: Contact): void {
    this.rows.set({
      ...contactSummarySchema.parse(c),
      search: searchable(`${c.nom} ${c.prenom} ${c.prenom} ${c.nom} ${c.email}`),
    });
  }

  remove(id: string): void {
    this.rows.delete(id);
  }

  page(query: { q?: string | undefined; limit: number; cursor?: string | undefined }): PageResult<ContactSummary> {
    const q = query.q ? searchable(query.q) : "";
    const page = this.rows.page({
      sort: "name",
      dir: "asc",
      filter: q ? (r) => r.search.includes(q) : undefined,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { ...page, items: page.items.map(({ search: _s, ...summary }) => summary) };
  }
}
