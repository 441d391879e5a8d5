import { makeStyles, Subtitle1, useId } from "@fluentui/react-components";
import type { ClientFiche } from "@comptoir/shared/api/client-space";
import { formatSiren } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { addressLines, formatClosingDate, legalFormLabel } from "./fiche-format";

const useStyles = makeStyles({
  line: { display: "block" },
});

/** SIREN, forme juridique, adresse, code NAF and date de clôture, as a definition list. */
export function FicheIdentity({ fiche }: { fiche: ClientFiche }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId("identity-title");
  const facts: { term: string; lines: string[] }[] = [
    { term: t("client.fiche.siren"), lines: fiche.siren ? [formatSiren(fiche.siren)] : [] },
    { term: t("client.fiche.legalForm"), lines: fiche.legalForm ? [legalFormLabel(locale, fiche.legalForm)] : [] },
    { term: t("client.fiche.address"), lines: fiche.address ? addressLines(locale, fiche.address) : [] },
    { term: t("client.fiche.naf"), lines: fiche.nafCode ? [fiche.nafCode] : [] },
    { term: t("client.fiche.closing"), lines: [formatClosingDate(locale, fiche.fiscalYearEnd)] },
  ];
  return (
    <section className={layout.stackM} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("client.fiche.identity")}
      </Subtitle1>
      <dl className={layout.facts}>
        {facts.map(({ term, lines }) => (
          <div key={term}>
            <dt className={layout.term}>{term}</dt>
            <dd className={layout.value}>
              {lines.length === 0
                ? t("client.fiche.notSet")
                : lines.map((line) => (
                    <span key={line} className={styles.line}>
                      {line}
                    </span>
                  ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
