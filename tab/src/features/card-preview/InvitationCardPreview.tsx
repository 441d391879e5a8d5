import { lazy, Suspense, useMemo } from "react";
import { Spinner, Subtitle2 } from "@fluentui/react-components";
import { welcomeCard } from "@comptoir/shared/cards/welcome-card";
import { useLocale, useT } from "../../i18n/context";

const CardPreview = lazy(() => import("./CardPreview"));

interface InvitationCardPreviewProps {
  firmName: string;
  dossier: { code: string; name: string };
  serviceLabel: string;
}

/** The Adaptive Card the bot will send the client, previewed before *Ok*. */
export function InvitationCardPreview({ firmName, dossier, serviceLabel }: InvitationCardPreviewProps) {
  const t = useT();
  const { locale } = useLocale();
  const card = useMemo(
    () =>
      welcomeCard({
        locale,
        firmName,
        dossier,
        serviceLabel,
        status: "invited",
        spaceLink: `${window.location.origin}/#/ma-societe`,
        subscriptionId: "preview",
        userIds: [],
      }),
    [locale, firmName, dossier, serviceLabel],
  );
  return (
    <section aria-label={t("cardPreview.title")}>
      <Subtitle2 as="h3">{t("cardPreview.title")}</Subtitle2>
      <Suspense fallback={<Spinner size="tiny" label={t("cardPreview.loading")} />}>
        <CardPreview card={card} label={t("cardPreview.label", { service: serviceLabel })} />
      </Suspense>
    </section>
  );
}
