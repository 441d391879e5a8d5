/**
 * Balance âgée (aged balance) of clients (411…) or suppliers (401…): the lines still open at a reference
 * date, aged in days and summed per third party and per bucket. Pure: the bot hands it the account
 * class's lines (`readThirdPartyLines`), the tab and the tests call the same rules.
 *
 * Dates are yyyymmdd integers, money integer cents.
 */

/** The fields of a FEC line the balance âgée reads. */
export type AgedLine = {
  line: number;
  date: number;
  pieceDate?: number | undefined;
  compteNum: string;
  compAuxNum?: string | undefined;
  debitCents: number;
  creditCents: number;
  ecritureLet?: string | undefined;
  dateLet?: number | undefined;
};

/** The two third-party classes: clients read what they owe (debit), suppliers what is owed to them (credit). */
export const AGED_ACCOUNTS = ["411", "401"] as const;
export type AgedAccount = (typeof AGED_ACCOUNTS)[number];

export const AGING_BUCKETS = ["notDue", "d0_30", "d31_60", "d61_90", "over90"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export type BucketAmounts = Record<AgingBucket, number>;

/** Which date a line's age counts from. */
export type AgingDateKind = "piece" | "ecriture";

/**
 * A line is open at `ref` when it was entered by then and is not lettered by then: no letter, or a
 * letter dated after `ref`. A letter without its DateLet is taken as lettered (the FEC leaves no way to
 * date it, and showing a settled line as owed would be worse).
 */
export function isOpenAt(line: AgedLine, ref: number): boolean {
  if (line.date > ref) return false;
  if (!line.ecritureLet) return true;
  return line.dateLet !== undefined && line.dateLet > ref;
}

/** The PieceDate when the line has one (the invoice's date), otherwise its EcritureDate. */
export function agingDate(line: AgedLine): { date: number; kind: AgingDateKind } {
  return line.pieceDate ? { date: line.pieceDate, kind: "piece" } : { date: line.date, kind: "ecriture" };
}

function dayNumber(ymd: number): number {
  return Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, ymd % 100) / 86_400_000;
}

/** Calendar days from `from` to `to` (negative when `from` is later). */
export function daysBetween(from: number, to: number): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/**
 * Age at `ref` of a line dated `used`, after a payment term of `termDays`: negative while not yet due
 * (the due date, `used` + term, is after `ref`).
 */
export function ageInDays(used: number, ref: number, termDays = 0): number {
  return daysBetween(used, ref) - termDays;
}

/** Not yet due below 0 days; then 0–30, 31–60, 61–90 and over 90 days. */
export function agingBucket(ageDays: number): AgingBucket {
  if (ageDays < 0) return "notDue";
  if (ageDays <= 30) return "d0_30";
  if (ageDays <= 60) return "d31_60";
  if (ageDays <= 90) return "d61_90";
  return "over90";
}

/** Signed so that what clients owe (411) and what is owed to suppliers (401) read positive. */
export function openAmount(line: AgedLine, account: AgedAccount): number {
  const net = line.debitCents - line.creditCents;
  return account === "411" ? net : -net;
}

/**
 * The default reference date: today when it falls inside the exercice, otherwise its closing date (a
 * closed exercice is read as it stood at its end).
 */
export function defaultReferenceDate(exercice: { start: number; end: number }, today: number): number {
  return today >= exercice.start && today <= exercice.end ? today : exercice.end;
}

/** A third party: the auxiliary account when the line has one, otherwise the general account. */
export type PartyKey = { key: string; kind: "aux" | "account" };

export function partyOf(line: AgedLine): PartyKey {
  return line.compAuxNum ? { key: line.compAuxNum, kind: "aux" } : { key: line.compteNum, kind: "account" };
}

export type AgingOptions = {
  account: AgedAccount;
  /** Reference date (yyyymmdd). */
  ref: number;
  /** Payment term in days added to the date used (0: due on that date). */
  termDays?: number;
};

/** One open line, aged. */
export type OpenItem<L extends AgedLine = AgedLine> = {
  line: L;
  party: PartyKey;
  dateUsed: number;
  dateKind: AgingDateKind;
  ageDays: number;
  bucket: AgingBucket;
  amountCents: number;
};

/** Orders open items by the date used, then the EcritureDate, then the file line (the échéancier's order). */
export function compareOpenItems(a: OpenItem, b: OpenItem): number {
  return a.dateUsed - b.dateUsed || a.line.date - b.line.date || a.line.line - b.line.line;
}

/** The lines open at the reference date, aged, in the échéancier's order. */
export function openItems<L extends AgedLine>(lines: Iterable<L>, options: AgingOptions): Array<OpenItem<L>> {
  const out: Array<OpenItem<L>> = [];
  for (const line of lines) {
    if (!isOpenAt(line, options.ref)) continue;
    const used = agingDate(line);
    const ageDays = ageInDays(used.date, options.ref, options.termDays ?? 0);
    out.push({
      line,
      party: partyOf(line),
      dateUsed: used.date,
      dateKind: used.kind,
      ageDays,
      bucket: agingBucket(ageDays),
      amountCents: openAmount(line, options.account),
    });
  }
  return out.sort(compareOpenItems);
}

export function emptyBuckets(): BucketAmounts {
  return { notDue: 0, d0_30: 0, d31_60: 0, d61_90: 0, over90: 0 };
}

export type AgedParty = PartyKey & {
  label: string;
  buckets: BucketAmounts;
  totalCents: number;
  lineCount: number;
};

export type AgedBalance = {
  parties: AgedParty[];
  totals: BucketAmounts;
  totalCents: number;
  lineCount: number;
};

/**
 * The balance âgée: per third party (ordered by number) and in total, the open amounts by bucket.
 * `labelOf` names a party (auxiliary or account label); third parties with no open line are left out.
 */
export function agedBalance(items: Iterable<OpenItem>, labelOf: (party: PartyKey) => string): AgedBalance {
  const byKey = new Map<string, AgedParty>();
  const totals = emptyBuckets();
  let totalCents = 0;
  let lineCount = 0;
  for (const item of items) {
    const id = `${item.party.kind}|${item.party.key}`;
    let party = byKey.get(id);
    if (!party) {
      party = { ...item.party, label: labelOf(item.party), buckets: emptyBuckets(), totalCents: 0, lineCount: 0 };
      byKey.set(id, party);
    }
    party.buckets[item.bucket] += item.amountCents;
    party.totalCents += item.amountCents;
    party.lineCount += 1;
    totals[item.bucket] += item.amountCents;
    totalCents += item.amountCents;
    lineCount += 1;
  }
  const parties = [...byKey.values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.kind < b.kind ? -1 : 1,
  );
  return { parties, totals, totalCents, lineCount };
}

/** The open items of one third party (drill-down), in the échéancier's order. */
export function partyItems<L extends AgedLine>(items: ReadonlyArray<OpenItem<L>>, party: PartyKey): Array<OpenItem<L>> {
  return items.filter((i) => i.party.key === party.key && i.party.kind === party.kind);
}

/** Échéancier rows: the open items in order, each with the cumulative total up to and including it. */
export type EcheancierRow<L extends AgedLine = AgedLine> = OpenItem<L> & { cumulativeCents: number };

/** Rows [first, last) of the échéancier of `items` (already in order), with their cumulative totals. */
export function echeancierRows<L extends AgedLine>(
  items: ReadonlyArray<OpenItem<L>>,
  first: number,
  last: number,
): Array<EcheancierRow<L>> {
  let cumulative = 0;
  for (let i = 0; i < first && i < items.length; i++) cumulative += items[i]?.amountCents ?? 0;
  const rows: Array<EcheancierRow<L>> = [];
  for (let i = first; i < last && i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    cumulative += item.amountCents;
    rows.push({ ...item, cumulativeCents: cumulative });
  }
  return rows;
}
