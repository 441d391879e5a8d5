import type { Locale } from "@comptoir/shared/i18n/locale";
import { translate } from "@comptoir/shared/i18n/translate";
import { downloadFile } from "../accounting/download";
import { apiPath } from "../query-keys";

/**
 * *Exporter le rapport*: `GET /campaigns/:id/failures.csv` with the bearer token (a plain link would not carry
 * it), handed to the browser as a file under the server's name.
 */
export async function downloadFailuresCsv(campaignId: string, locale: Locale): Promise<void> {
  const fallbackName = `${translate(locale, "staff.campaign.report.fileName")}.csv`;
  await downloadFile(apiPath("campaigns", campaignId, "failures.csv"), fallbackName, locale);
}
