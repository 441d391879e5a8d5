import { agedExportPath } from "@comptoir/shared/api/aged-balance";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { apiHeaders } from "../../../api/client";
import { accountingBase, queryString, type AccountingAudience } from "../audience";
import { fileNameFromDisposition } from "../export-name";
import { responseError } from "../response-error";

/**
 * Downloads the balance âgée (or one third party's lines) with the bearer token, as the other exports
 * do (see ../download.ts): fetched as a blob, saved under the server's file name. Returns the name used.
 */
export async function downloadAgedExport(
  audience: AccountingAudience,
  format: "csv" | "xlsx",
  params: Record<string, string | number | undefined>,
  fallbackName: string,
  locale: Locale,
): Promise<string> {
  const url = `${accountingBase(audience)}/${agedExportPath(format)}${queryString(params)}`;
  const get = async (refresh: boolean) => fetch(url, { headers: await apiHeaders(refresh) });
  let res: Response;
  try {
    res = await get(false);
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
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
  return name;
}
