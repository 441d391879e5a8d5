import {
  AGED_ACCOUNTS,
  AppError,
  agedBalance,
  defaultReferenceDate,
  echeancierRows,
  isoToYmd,
  openItems,
  partyItems,
  type AgedAccount,
  type OpenItem,
  type PartyKey,
  type Principal,
} from "@comptoir/shared";
import type { z } from "zod";
import type {
  agedBalanceQuerySchema,
  agedLinesQuerySchema,
  echeancierQuerySchema,
  AccountingAgedBalance,
  AccountingAgedLines,
  AccountingEcheancier,
  OpenItemDto,
} from "@comptoir/shared/api/aged-balance";
import { pageInfo } from "@comptoir/shared/accounting/compute/paging";
import { scopeSet, type AccountingAccess } from "../access";
import type { AccountingDeps } from "../deps";
import type { StoredLine } from "../store/entry-records";
import { viewedImport } from "./service";
import { readOpenThirdPartyLines, type ThirdPartyLine, type ThirdPartyLines } from "./third-party-lines";

type AgedQuery = z.output<typeof agedBalanceQuerySchema>;

function parseAccount(raw: string | undefined): AgedAccount {
  const account = raw === undefined || raw === "" ? "411" : raw;
  if (!(AGED_ACCOUNTS as readonly string[]).includes(account)) throw new AppError("AGED_BALANCE_ACCOUNT_UNSUPPORTED");
  return account as AgedAccount;
}

/** Today in France, where the firm and its clients read their accounts (yyyymmdd). */
export function parisToday(now: Date): number {
  const iso = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
  return isoToYmd(iso) ?? 0;
}

/**
 * The open items of the asked class at the asked reference date, with what every answer repeats: the
 * exercice, the account, the date, the labels. Reads every line of the class the caller may see.
 */
export async function agedItems(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: AgedQuery,
  now: Date,
) {
  const account = parseAccount(query.account);
  const { pointer, period, v } = await viewedImport(acc, principal, access, {
    ...(query.exercice ? { exercice: query.exercice } : {}),
  });
  const bounds = { start: isoToYmd(pointer.start) ?? 0, end: isoToYmd(pointer.end) ?? 0 };
  let ref = defaultReferenceDate(bounds, parisToday(now));
  if (query.date) {
    const asked = isoToYmd(query.date);
    if (asked === null || !/^\d{4}-\d{2}-\d{2}$/.test(query.date)) throw new AppError("AGED_BALANCE_DATE_INVALID");
    if (asked < bounds.start || asked > bounds.end) {
      throw new AppError("AGED_BALANCE_DATE_OUTSIDE_EXERCICE", { start: pointer.start, end: pointer.end });
    }
    ref = asked;
  }
  const [labels, lines] = await Promise.all([
    acc.store.readLabels(v),
    readOpenThirdPartyLines(acc.store, v, account, scopeSet(access), ref),
  ]);
  const items = openItems(lines.open, { account, ref, termDays: query.term });
  const labelOf = (p: PartyKey) =>
    (p.kind === "aux" ? labels.auxiliaryLabels[p.key] : labels.accountLabels[p.key]) ?? "";
  const head = {
    exercice: { id: pointer.end, start: pointer.start, end: pointer.end, importId: pointer.importId },
    period,
    restricted: access.etablissements !== undefined,
    account,
    date: ref,
    term: query.term,
  };
  return {
    head,
    items,
    labelOf,
    hasAccount: lines.hasAccount,
    shown: lines.shown,
    dossierCode: access.dossier.code,
    exercice: pointer.end,
  };
}

/** The items with their whole lines (journal, écriture, pièce, label): read for the rows shown only. */
async function shownItems<I extends OpenItem<ThirdPartyLine>>(
  items: readonly I[],
  shown: ThirdPartyLines["shown"],
): Promise<Array<I & { line: StoredLine }>> {
  const lines = await shown(items.map((i) => i.line));
  return items.map((item, k) => {
    const line = lines[k];
    if (line === undefined) throw new Error(`line ${item.line.line} was not read`);
    return { ...item, line };
  });
}

export function openItemDto(item: OpenItem<StoredLine>): OpenItemDto {
  const l = item.line;
  return {
    line: l.line,
    date: l.date,
    dateUsed: item.dateUsed,
    dateKind: item.dateKind,
    journalCode: l.journalCode,
    ecritureNum: l.ecritureNum,
    pieceRef: l.pieceRef,
    ecritureLib: l.ecritureLib,
    compteNum: l.compteNum,
    ...(l.compAuxNum ? { compAuxNum: l.compAuxNum } : {}),
    ...(l.ecritureLet ? { ecritureLet: l.ecritureLet } : {}),
    ...(l.dateLet ? { dateLet: l.dateLet } : {}),
    amountCents: item.amountCents,
    ageDays: item.ageDays,
    bucket: item.bucket,
  };
}

export async function agedBalanceView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: AgedQuery,
  now: Date,
): Promise<AccountingAgedBalance> {
  const { head, items, labelOf, hasAccount } = await agedItems(acc, principal, access, query, now);
  return { ...head, ...agedBalance(items, labelOf), hasAccount };
}

/** One third party's open lines (the drill-down), and its totals; empty when it has none open. */
export async function agedLinesView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: z.output<typeof agedLinesQuerySchema>,
  now: Date,
): Promise<AccountingAgedLines> {
  const { head, items, labelOf, shown } = await agedItems(acc, principal, access, query, now);
  const key: PartyKey = { key: query.party, kind: query.partyKind };
  const mine = partyItems(items, key);
  const party = agedBalance(mine, labelOf).parties[0] ?? {
    ...key,
    label: labelOf(key),
    buckets: { notDue: 0, d0_30: 0, d31_60: 0, d61_90: 0, over90: 0 },
    totalCents: 0,
    lineCount: 0,
  };
  return { ...head, party, lines: (await shownItems(mine, shown)).map(openItemDto) };
}

export async function echeancierView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: z.output<typeof echeancierQuerySchema>,
  now: Date,
): Promise<AccountingEcheancier> {
  const { head, items, labelOf, hasAccount, shown } = await agedItems(acc, principal, access, query, now);
  const info = pageInfo(query, items.length);
  const page = await shownItems(echeancierRows(items, info.first, info.last), shown);
  const rows = page.map((r) => ({
    ...openItemDto(r),
    partyLabel: labelOf(r.party),
    cumulativeCents: r.cumulativeCents,
  }));
  return {
    ...head,
    rows,
    pageInfo: { page: info.page, pageSize: info.pageSize, pageCount: info.pageCount },
    itemCount: items.length,
    totalCents: items.reduce((n, i) => n + i.amountCents, 0),
    hasAccount,
  };
}
