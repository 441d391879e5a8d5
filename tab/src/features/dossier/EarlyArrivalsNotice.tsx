import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { formatDateTime } from "../../components/format";
import { useLocale, useT } from "../../i18n/context";
import { useEarlyArrivals } from "./useEarlyArrivals";

/**
 * On the dossier's dashboard while its space is closed: the clients who already came to consult it (issue 18),
 * and what opens it for them.
 */
export function EarlyArrivalsNotice({ dossierId }: { dossierId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const arrivals = useEarlyArrivals(dossierId);
  const items = arrivals.data ?? [];
  if (items.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("staff.earlyArrivals.title")}</MessageBarTitle>
        {t("staff.earlyArrivals.who", {
          names: items
            .map((a) => t("staff.earlyArrivals.one", { name: a.contactName, date: formatDateTime(locale, a.at) }))
            .join(", "),
        })}{" "}
        {t("staff.earlyArrivals.next")}
      </MessageBarBody>
    </MessageBar>
  );
}
