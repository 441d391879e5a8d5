import { Link, Subtitle1, useId } from "@fluentui/react-components";
import type { ClientFiche } from "@comptoir/shared/api/client-space";
import { useLayoutStyles } from "../../components/layout-styles";
import { useT } from "../../i18n/context";

/** "Votre interlocuteur au cabinet": the collaborateur in charge of the dossier (with the e-mail and phone Paramètres gives), and the firm. */
export function FicheFirmContact({ firm }: { firm: ClientFiche["firm"] }) {
  const layout = useLayoutStyles();
  const t = useT();
  const titleId = useId("firm-title");
  return (
    <section className={layout.stackM} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("client.fiche.firm.title")}
      </Subtitle1>
      <dl className={layout.facts}>
        <div>
          <dt className={layout.term}>{t("client.fiche.firm.contact")}</dt>
          <dd className={layout.value}>{firm.contactName ?? t("client.fiche.notSet")}</dd>
        </div>
        {firm.contactEmail && (
          <div>
            <dt className={layout.term}>{t("client.fiche.firm.email")}</dt>
            <dd className={layout.value}>
              <Link href={`mailto:${firm.contactEmail}`}>{firm.contactEmail}</Link>
            </dd>
          </div>
        )}
        {firm.contactPhone && (
          <div>
            <dt className={layout.term}>{t("client.fiche.firm.phone")}</dt>
            <dd className={layout.value}>
              <Link href={`tel:${firm.contactPhone}`}>{firm.contactPhone}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt className={layout.term}>{t("client.fiche.firm.name")}</dt>
          <dd className={layout.value}>{firm.name}</dd>
        </div>
      </dl>
    </section>
  );
}
