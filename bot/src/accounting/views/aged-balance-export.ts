import type { Locale, Principal } from "@comptoir/shared";
import type { z } from "zod";
import type { agedExportQuerySchema } from "@comptoir/shared/api/aged-balance";
import type { AccountingAccess } from "../access";
import type { AccountingDeps } from "../deps";
import { agedBalanceView, agedLinesView } from "./aged-balance";
import { col, localised, say } from "./export/columns";
import type { PreparedExport } from "./export/exports";

const BUCKET_COLUMNS = [
  col("Non échu", "Not yet due", "money"),
  col("0 à 30 jours", "0–30 days", "money"),
  col("31 à 60 jours", "31–60 days", "money"),
  col("61 à 90 jours", "61–90 days", "money"),
  col("Plus de 90 jours", "Over 90 days", "money"),
  col("Total", "Total", "money"),
];

const PARTIES = [
  col("Tiers", "Third party", "text", 14),
  col("Intitulé", "Name", "text", 36),
  col("Lignes ouvertes", "Open lines", "int", 10),
  ...BUCKET_COLUMNS,
];

const LINES = [
  col("Tiers", "Third party", "text", 14),
  col("Date", "Date", "date"),
  col("Date retenue", "Date used", "date"),
  col("Origine de la date", "Date from", "text", 14),
  col("Journal", "Journal", "text", 8),
  col("N° d'écriture", "Entry no.", "text", 12),
  col("Pièce", "Document", "text", 12),
  col("Libellé", "Label", "text", 40),
  col("Montant", "Amount", "money"),
  col("Âge (jours)", "Age (days)", "int", 10),
];

const TEXT = {
  total: { fr: "Total général", en: "Grand total" },
  piece: { fr: "Date de pièce", en: "Document date" },
  ecriture: { fr: "Date d'écriture", en: "Entry date" },
  sheet: { fr: "Balance âgée", en: "Aged balance" },
} as const;

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40) || "x";
}

const bucketCells = (
  b: { notDue: number; d0_30: number; d31_60: number; d61_90: number; over90: number },
  total: number,
) => [b.notDue, b.d0_30, b.d31_60, b.d61_90, b.over90, total];

/**
 * The balance âgée as a file: the table of third parties with the grand total, or with `party`, that
 * third party's open lines. Small enough (one row per third party or open line) to compute before writing.
 */
export async function prepareAgedExport(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: z.output<typeof agedExportQuerySchema>,
  format: "csv" | "xlsx",
  locale: Locale,
  now: Date,
): Promise<PreparedExport> {
  const base = `${fileSafe(access.dossier.code)}-balance-agee`;
  if (query.party) {
    const view = await agedLinesView(acc, principal, access, { ...query, party: query.party }, now);
    return {
      fileName: `${base}-${view.account}-${fileSafe(query.party)}-${view.date}.${format}`,
      sheetName: `${say(TEXT.sheet, locale)} ${view.account}`,
      maxRows: view.lines.length + 2,
      async write(writer) {
        await writer.start(localised(LINES, locale));
        for (const l of view.lines) {
          await writer.row([
            view.party.key,
            l.date,
            l.dateUsed,
            say(TEXT[l.dateKind], locale),
            l.journalCode,
            l.ecritureNum,
            l.pieceRef,
            l.ecritureLib,
            l.amountCents,
            l.ageDays,
          ]);
        }
        await writer.row([
          view.party.key,
          null,
          null,
          "",
          "",
          "",
          "",
          say(TEXT.total, locale),
          view.party.totalCents,
          null,
        ]);
        await writer.end();
      },
    };
  }
  const view = await agedBalanceView(acc, principal, access, query, now);
  return {
    fileName: `${base}-${view.account}-${view.date}.${format}`,
    sheetName: `${say(TEXT.sheet, locale)} ${view.account}`,
    maxRows: view.parties.length + 2,
    async write(writer) {
      await writer.start(localised(PARTIES, locale));
      for (const p of view.parties)
        await writer.row([p.key, p.label, p.lineCount, ...bucketCells(p.buckets, p.totalCents)]);
      await writer.row(["", say(TEXT.total, locale), view.lineCount, ...bucketCells(view.totals, view.totalCents)]);
      await writer.end();
    },
  };
}
