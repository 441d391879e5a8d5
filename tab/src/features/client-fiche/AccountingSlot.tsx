import { makeStyles, Subtitle1, tokens, useId } from "@fluentui/react-components";
import { LazyAccountingViews } from "../accounting/LazyAccountingViews";
import { useT } from "../../i18n/context";
import { useClientFiche } from "./useClientFiche";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  flush: { margin: 0 },
});

export interface AccountingSlotProps {
  /** The société whose accounting goes here. */
  dossierId: string;
}

/**
 * The *Comptabilité* section of the fiche société: synthèse, balance, grand livre and journaux built from
 * the FEC the firm imported, read-only and limited by the server to what *Limité à* lets the client see.
 */
export function AccountingSlot({ dossierId }: AccountingSlotProps) {
  const styles = useStyles();
  const t = useT();
  const titleId = useId("accounting-title");
  // Already in the cache (the fiche page loaded it): only names the export files.
  const code = useClientFiche(dossierId).data?.code ?? "";
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={styles.flush}>
        {t("client.accounting.title")}
      </Subtitle1>
      <LazyAccountingViews audience={{ kind: "client", dossierId }} dossierCode={code} />
    </section>
  );
}
