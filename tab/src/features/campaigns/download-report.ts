import type { Locale } from "@comptoir/shared/i18n/locale";
import { translate } from "@comptoir/shared/i18n/translate";
import { apiHeaders } from "../../api/client";
import { fileNameFromDisposition } from "../accounting/export-name";
import { responseError } from "../accounting/response-error";
import { apiPath } from "../query-keys";

/**
 * *Exporter le rapport*: `GET /campaigns/:id/failures.csv` with the bearer token (a plain link would not carry
 * it), handed to the browser as a file under the server's name.
 */
export async function downloadFailuresCsv(campaignId: string, locale: Locale): Promise<void> {
  const url = apiPath("campaigns", campaignId, "failures.csv");
  const get = async (refresh: boolean) => fetch(url, { headers: await apiHeaders(refresh) });
  let res: Response;
  try {
    res = await get(false);
    // One retry with a fresh token covers an expired cached one, as apiFetch does.
    if (res.status === 401) res = await get(true);
  } catch {
    throw responseError(0, "", locale);
  }
  if (!res.ok) throw responseError(res.status, await res.text(), locale);
  const name =
    fileNameFromDisposition(res.headers.get("Content-Disposition")) ??
    `${translate(locale, "staff.campaign.report.fileName")}.csv`;
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
}
