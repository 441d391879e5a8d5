import {
  Body1,
  makeStyles,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { Etablissement } from "@comptoir/shared/domain/dossier";
import { useT } from "../../i18n/context";
import { formatSiret } from "./fiche-format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
  table: { maxWidth: "48rem" },
  code: { width: "7rem" },
  siret: { width: "12rem", fontVariantNumeric: "tabular-nums" },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The établissements *Limité à* lets the client see, with their SIRET. */
export function FicheEtablissements({ etablissements }: { etablissements: readonly Etablissement[] }) {
  const styles = useStyles();
  const t = useT();
  const titleId = useId("etablissements-title");
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={styles.flush}>
        {t("client.fiche.etablissements")}
      </Subtitle1>
      {etablissements.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t("client.fiche.etablissements.empty")}
        </Body1>
      ) : (
        <Table className={styles.table} aria-labelledby={titleId} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.code}>{t("client.fiche.etablissements.code")}</TableHeaderCell>
              <TableHeaderCell>{t("client.fiche.etablissements.name")}</TableHeaderCell>
              <TableHeaderCell className={styles.siret}>{t("client.fiche.etablissements.siret")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {etablissements.map((e) => (
              <TableRow key={e.code}>
                <TableCell>{e.code}</TableCell>
                <TableCell>{e.name}</TableCell>
                <TableCell className={styles.siret}>{formatSiret(e.siret)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
