import { makeStyles, Subtitle1, useId } from "@fluentui/react-components";
import type { Etablissement } from "@comptoir/shared/domain/dossier";
import { DataTable } from "../../components/DataTable";
import { useLayoutStyles } from "../../components/layout-styles";
import { useT } from "../../i18n/context";
import { formatSiret } from "./fiche-format";

const useStyles = makeStyles({
  table: { maxWidth: "48rem" },
  code: { width: "7rem" },
  siret: { width: "12rem", fontVariantNumeric: "tabular-nums" },
});

/** The établissements *Limité à* lets the client see, with their SIRET. */
export function FicheEtablissements({ etablissements }: { etablissements: readonly Etablissement[] }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const titleId = useId("etablissements-title");
  return (
    <section className={layout.stackM} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("client.fiche.etablissements")}
      </Subtitle1>
      <DataTable
        labelledBy={titleId}
        size="small"
        className={styles.table}
        rows={etablissements}
        rowKey={(e) => e.code}
        empty={t("client.fiche.etablissements.empty")}
        columns={[
          { id: "code", header: t("client.fiche.etablissements.code"), className: styles.code, cell: (e) => e.code },
          { id: "name", header: t("client.fiche.etablissements.name"), cell: (e) => e.name },
          {
            id: "siret",
            header: t("client.fiche.etablissements.siret"),
            className: styles.siret,
            cell: (e) => formatSiret(e.siret),
          },
        ]}
      />
    </section>
  );
}
