import { useMutation } from "@tanstack/react-query";
import { useLocale } from "../../i18n/context";
import { downloadFailuresCsv } from "./download-report";

/** *Exporter le rapport*, with its pending state and error for the button and the error bar. */
export function useDownloadReport(campaignId: string) {
  const { locale } = useLocale();
  return useMutation({ mutationFn: () => downloadFailuresCsv(campaignId, locale) });
}
