import { makeStyles, Subtitle1, tokens, useId } from "@fluentui/react-components";
import type { ClientFiche } from "@comptoir/shared/api/client-space";
import { useT } from "../../i18n/context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(15rem, 1fr))",
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, color: tokens.colorNeutralForeground1 },
});

/** "Votre interlocuteur au cabinet": the collaborateur in charge of the dossier, and the firm. */
export function FicheFirmContact({ firm }: { firm: ClientFiche["firm"] }) {
  const styles = useStyles();
  const t = useT();
  const titleId = useId("firm-title");
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={styles.flush}>
        {t("client.fiche.firm.title")}
      </Subtitle1>
      <dl className={styles.facts}>
        <div>
          <dt className={styles.term}>{t("client.fiche.firm.contact")}</dt>
          <dd className={styles.value}>{firm.contactName ?? t("client.fiche.notSet")}</dd>
        </div>
        <div>
          <dt className={styles.term}>{t("client.fiche.firm.name")}</dt>
          <dd className={styles.value}>{firm.name}</dd>
        </div>
      </dl>
    </section>
  );
}
