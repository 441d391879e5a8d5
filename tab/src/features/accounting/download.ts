import type { AccountingExportFormat } from "@comptoir/shared/api/accounting";
import { accountingExportPath } from "@comptoir/shared/api/accounting";
import { STATEMENTS_VIEW, statementsExportPath } from "@comptoir/shared/api/accounting-statements";
import { AGED_VIEW, agedExportPath } from "@comptoir/shared/api/aged-balance";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { apiHeaders } from "../../api/client";
import { accountingBase, queryString, type AccountingAudience } from "./audience";
import { fileNameFromDisposition, type ExportView } from "./export-name";
import { responseError } from "./response-error";

/**
 * Downloads an export with the bearer token (a plain link would not carry it): the file is fetched as a
 * blob and handed to the browser under the server's name, or `fallbackName`. Returns the name used.
 */
export async function downloadExport(
  audience: AccountingAudience,
  view: ExportView,
  format: AccountingExportFormat,
  params: Record<string, string | number | undefined>,
  fallbackName: string,
  locale: Locale,
): Promise<string> {
  const path =
    view === STATEMENTS_VIEW
      ? statementsExportPath(format)
      : view === AGED_VIEW
        ? agedExportPath(format)
        : accountingExportPath(view, format);
  return downloadFile(`${accountingBase(audience)}/${path}${queryString(params)}`, fallbackName, locale);
}

/**
 * GETs `url` with the bearer token and hands the body to the browser as a file, under the server's name
 * (Content-Disposition) or `fallbackName`; every download of the tab (exports, reports, RGPD) goes through here.
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  locale: Locale,
  headers: Record<string, string> = {},
): Promise<string> {
  const get = async (refresh: boolean) => fetch(url, { headers: { ...(await apiHeaders(refresh)), ...headers } });
  let res: Response;
  try {
    res = await get(false);
    // One retry with a fresh token covers an expired cached one, as apiFetch does.
    if (res.status === 401) res = await get(true);
  } catch {
    throw responseError(0, "", locale);
  }
  if (!res.ok) throw responseError(res.status, await res.text(), locale);
  const name = fileNameFromDisposition(res.headers.get("Content-Disposition")) ?? fallbackName;
  const href = URL.createObjectURL(await res.blob());
  try {
    const link = document.createElement("a");
    link.href = href;
    link.download = name;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked a little later: some browsers read the blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
  return name;
}
