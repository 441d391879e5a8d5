import type { AccountingExportFormat, AccountingExportView } from "@comptoir/shared/api/accounting";
import type { STATEMENTS_VIEW } from "@comptoir/shared/api/accounting-statements";
import type { AGED_VIEW } from "@comptoir/shared/api/aged-balance";
import { monthKey } from "./months";

/** Every view the tab exports: the accounting views, the états financiers and the balance âgée. */
export type ExportView = AccountingExportView | typeof STATEMENTS_VIEW | typeof AGED_VIEW;

/** Keeps letters, digits, dot, dash and underscore: safe on Windows, macOS and in Teams' downloads. */
export function safeFilePart(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}

export interface ExportNameInput {
  /** The dossier's code (e.g. "DIRECT3"). */
  dossierCode: string;
  view: ExportView;
  format: AccountingExportFormat;
  /** Months (yyyymm) actually exported; none for a view at a date (the balance âgée). */
  from?: number;
  to?: number;
  /** Account or journal the export is limited to, if any. */
  filter?: string;
}

/**
 * `DIRECT3_balance_2025-04_2026-03.csv`; one month gives `DIRECT3_journaux_VE_2025-04.xlsx`; no period
 * gives `DIRECT3_balance-agee.csv`.
 */
export function exportFileName(input: ExportNameInput): string {
  const parts = [safeFilePart(input.dossierCode) || "dossier", input.view];
  const filter = input.filter ? safeFilePart(input.filter) : "";
  if (filter) parts.push(filter);
  const { from, to } = input;
  if (from !== undefined && to !== undefined)
    parts.push(from === to ? monthKey(from) : `${monthKey(from)}_${monthKey(to)}`);
  return `${parts.join("_")}.${input.format}`;
}

/**
 * The name the server gave in `Content-Disposition` (RFC 6266: `filename*=UTF-8''…` wins over
 * `filename="…"`), made safe; null when there is none.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  let name: string | null = null;
  if (star?.[1]) {
    try {
      name = decodeURIComponent(star[1].trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
    name = (plain?.[1] ?? plain?.[2] ?? "").trim() || null;
  }
  if (name === null) return null;
  const base = name.split(/[\\/]/).pop() ?? "";
  const safe = safeFilePart(base);
  return safe === "" ? null : safe;
}
