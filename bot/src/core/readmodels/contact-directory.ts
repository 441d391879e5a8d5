import { contactSummarySchema, type Contact, type ContactSummary, searchable, searchWords } from "@comptoir/shared";
import { MemoryIndex, type PageResult } from "./memory-index";
import { PrefixIndex } from "./prefix-index";

/** One firm's Interlocuteurs grid, sorted by Nom then Prénom; search matches word prefixes of the names and e-mail. */
export class ContactDirectory {
  private readonly rows = new MemoryIndex<ContactSummary>({ name: (r) => searchable(`${r.nom}\u0001${r.prenom}`) });
  private readonly search = new PrefixIndex();

  put(c: Contact): void {
    this.rows.set(contactSummarySchema.parse(c));
    const email = c.email.toLowerCase();
    this.search.set(c.id, [...searchable(`${c.nom} ${c.prenom}`).split(" "), email, ...email.split(/[@.+_-]/)]);
  }

  remove(id: string): void {
    this.rows.delete(id);
    this.search.delete(id);
  }

  page(query: { q?: string | undefined; limit: number; cursor?: string | undefined }): PageResult<ContactSummary> {
    const request = { sort: "name", dir: "asc" as const, limit: query.limit, cursor: query.cursor };
    const words = searchWords(query.q ?? "");
    return words.length > 0 ? this.rows.pageOf(this.search.match(words), request) : this.rows.page(request);
  }
}
