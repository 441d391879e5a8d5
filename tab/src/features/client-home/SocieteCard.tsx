import { Caption1, Link as FluentLink, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ChevronRightRegular } from "@fluentui/react-icons";
import type { ClientSociete } from "@comptoir/shared/api/client-space";
import { formatSiren } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { legalFormLabel } from "../client-fiche/fiche-format";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  // Each dt/dd pair sits in a div (valid in a dl) that the grid looks through.
  pair: { display: "contents" },
  value: { margin: 0 },
  open: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    alignSelf: "flex-start",
    marginTop: "auto",
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** One société of *Ma société*: its name, identity, and *Voir la fiche société*. */
export function SocieteCard({ societe }: { societe: ClientSociete }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const facts = [
    { term: t("client.fiche.siren"), value: formatSiren(societe.siren) },
    { term: t("client.fiche.legalForm"), value: societe.legalForm ? legalFormLabel(locale, societe.legalForm) : "" },
    { term: t("client.home.city"), value: societe.city ?? "" },
  ].filter((fact) => fact.value !== "");
  return (
    <li className={styles.card}>
      <div className={styles.heading}>
        <Subtitle2 as="h2" className={layout.flush}>
          {societe.name}
        </Subtitle2>
        {societe.code !== societe.name && <Caption1 className={layout.subtle}>{societe.code}</Caption1>}
      </div>
      {facts.length > 0 && (
        <dl className={styles.facts}>
          {facts.map(({ term, value }) => (
            <div key={term} className={styles.pair}>
              <dt className={layout.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <FluentLink
        as="a"
        href={`#/ma-societe/${encodeURIComponent(societe.dossierId)}`}
        className={styles.open}
        aria-label={t("client.home.openFicheOf", { name: societe.name })}
      >
        {t("client.home.openFiche")}
        <ChevronRightRegular aria-hidden="true" />
      </FluentLink>
    </li>
  );
}
