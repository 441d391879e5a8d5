import {
  cleanMessageText,
  dossierCodeKey,
  helpCard,
  isAppError,
  normalizeEmail,
  parseCommand,
  translate,
  type AdaptiveCard,
  type ContactSummary,
  type DossierSummary,
  type Locale,
  searchable,
  trimTrailingPunctuation,
} from "@comptoir/shared";
import { listContacts } from "../core/services/contacts";
import { listDossiers } from "../core/services/dossiers";
import type { ActionKit } from "./actions";
import { contactCardFor, dossierCardFor, proposalCardFor, statusCardFor } from "../core/services/card-data";
import { contactMatchesCard, dossierMatchesCard, errorCardFor, missingArgCard, notFoundCard } from "./replies";
import type { StaffCaller } from "./turn";

/** How many matches a "several found" card lists. */
const MAX_MATCHES = 8;

export type Found<T> = { kind: "one"; item: T } | { kind: "many"; items: T[]; total: number } | { kind: "none" };

/** `dossier <code|nom>`: the Portefeuille's search (code prefix, name, SIREN); an exact code wins outright. */
export async function findDossier(kit: ActionKit, tenantId: string, query: string): Promise<Found<DossierSummary>> {
  const page = await listDossiers(kit.deps, tenantId, {
    q: query,
    sort: "code",
    dir: "asc",
    offer: "all",
    limit: MAX_MATCHES,
  });
  const code = dossierCodeKey(query);
  const exact = page.items.find((d) => dossierCodeKey(d.code) === code);
  if (exact) return { kind: "one", item: exact };
  const [only] = page.items;
  if (page.items.length === 1 && only) return { kind: "one", item: only };
  if (page.items.length === 0) return { kind: "none" };
  return { kind: "many", items: page.items, total: page.total };
}

/** `interlocuteur <e-mail|nom>`: the Interlocuteurs search (name, e-mail); an exact e-mail wins outright. */
export async function findContact(kit: ActionKit, tenantId: string, query: string): Promise<Found<ContactSummary>> {
  const page = await listContacts(kit.deps, tenantId, { q: query, limit: MAX_MATCHES });
  const email = normalizeEmail(query);
  const exact = page.items.find((c) => normalizeEmail(c.email) === email);
  if (exact) return { kind: "one", item: exact };
  const [only] = page.items;
  if (page.items.length === 1 && only) return { kind: "one", item: only };
  if (page.items.length === 0) return { kind: "none" };
  return { kind: "many", items: page.items, total: page.total };
}

/**
 * A staff message: a command in French or English (case and accents ignored), answered with its card.
 * Anything else gets the help card: the bot never stays silent.
 */
export async function answerStaffCommand(
  kit: ActionKit,
  caller: StaffCaller,
  text: string | undefined,
  locale: Locale,
): Promise<AdaptiveCard> {
  const command = parseCommand(text);
  const arg = command.arg.trim();
  const word = commandWord(text);
  try {
    switch (command.name) {
      case "help":
      case "unknown":
        return helpCard({ locale });
      case "dossier": {
        if (!arg) return missingArgCard(locale, translate(locale, "bot.missingArg.dossier"));
        const found = await findDossier(kit, caller.tenantId, arg);
        if (found.kind === "none") return notFoundCard(locale, "bot.notFound.dossier", arg);
        if (found.kind === "many") return dossierMatchesCard(locale, arg, word, found.items, found.total);
        return await dossierCardFor(kit.deps, kit.links, caller.tenantId, found.item, locale);
      }
      case "interlocuteur": {
        if (!arg) return missingArgCard(locale, translate(locale, "bot.missingArg.contact"));
        const found = await findContact(kit, caller.tenantId, arg);
        if (found.kind === "none") return notFoundCard(locale, "bot.notFound.contact", arg);
        if (found.kind === "many") return contactMatchesCard(locale, arg, found.items, found.total);
        return await contactCardFor(kit.deps, caller.tenantId, found.item.id, locale);
      }
      case "proposer":
      case "statut": {
        if (!arg) return missingArgCard(locale, translate(locale, "bot.missingArg.code", { command: word }));
        const found = await findDossier(kit, caller.tenantId, arg);
        if (found.kind === "none") return notFoundCard(locale, "bot.notFound.dossier", arg);
        if (found.kind === "many") return dossierMatchesCard(locale, arg, word, found.items, found.total);
        return command.name === "proposer"
          ? await proposalCardFor(kit.deps, caller.tenantId, found.item.id, locale)
          : await statusCardFor(kit.deps, caller.tenantId, found.item.id, locale);
      }
    }
  } catch (e) {
    if (!isAppError(e)) console.error(`[bot] command ${command.name} failed`, e);
    return errorCardFor(locale, e);
  }
}

/** The command word as the user typed it (for hints such as "statut 000097"), lower-cased, without a slash. */
function commandWord(text: string | undefined): string {
  const first = searchable(cleanMessageText(text ?? "")).split(" ")[0] ?? "";
  return trimTrailingPunctuation(first.replace(/^\/+/, ""));
}
