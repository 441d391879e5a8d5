import { Badge, Body1, makeStyles, Subtitle2, Title1, tokens, useId } from "@fluentui/react-components";
import type { Dossier, LegalForm } from "@comptoir/shared/domain/dossier";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { formatMonthDay, formatSiren } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";

const useStyles = makeStyles({
  title: { margin: 0, display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalM },
  code: { color: tokens.colorBrandForeground1 },
  identity: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(14rem, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    margin: 0,
  },
  etablissements: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function legalFormKey(form: LegalForm): MessageKey {
  return `domain.legalForm.${form}`;
}

/** Code, name and identity of the dossier (SIREN, legal form, NAF, fiscal year, collaborateur, address). */
export function DossierHeader({ dossier }: { dossier: Dossier }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const etablissementsId = useId("etablissements");
  const address = dossier.address;
  const facts: { labelKey: MessageKey; value: string }[] = [
    { labelKey: "staff.dossier.siren", value: formatSiren(dossier.siren) },
    { labelKey: "staff.dossier.legalForm", value: dossier.legalForm ? t(legalFormKey(dossier.legalForm)) : "" },
    { labelKey: "staff.dossier.naf", value: dossier.nafCode ?? "" },
    { labelKey: "staff.dossier.fiscalYearEnd", value: formatMonthDay(locale, dossier.fiscalYearEnd) },
    { labelKey: "staff.dossier.responsible", value: dossier.responsible?.name ?? "" },
    {
      labelKey: "staff.dossier.address",
      value: address
        ? [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter(Boolean).join(", ")
        : "",
    },
  ];
  return (
    <header className={layout.stackM}>
      <Title1 as="h1" className={styles.title}>
        <span className={styles.code}>{dossier.code}</span>
        <span>{dossier.name}</span>
        {dossier.offers.consultation.active && (
          <Badge appearance="filled" color="brand">
            {t("domain.offer.consultation")}
          </Badge>
        )}
      </Title1>
      <dl className={styles.identity}>
        {facts.map(({ labelKey, value }) => (
          <div key={labelKey}>
            <dt className={layout.term}>{t(labelKey)}</dt>
            <dd className={layout.value}>{value || t("staff.notSet")}</dd>
          </div>
        ))}
      </dl>
      {dossier.etablissements.length > 0 && (
        <section aria-labelledby={etablissementsId}>
          <Subtitle2 as="h2" id={etablissementsId} className={layout.flush}>
            {t("staff.dossier.etablissements", { count: dossier.etablissements.length })}
          </Subtitle2>
          <ul className={styles.etablissements}>
            {dossier.etablissements.map((e) => (
              <li key={e.code}>
                <Body1>{t("staff.dossier.etablissement", { code: e.code, name: e.name, siret: e.siret })}</Body1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </header>
  );
}
