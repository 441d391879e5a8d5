import { mergeClasses, Subtitle1, useId } from "@fluentui/react-components";
import { useLayoutStyles } from "../../components/layout-styles";
import { LazyAccountingViews } from "../accounting/LazyAccountingViews";
import { useT } from "../../i18n/context";
import { useClientFiche } from "./useClientFiche";

export interface AccountingSlotProps {
  /** The société whose accounting goes here. */
  dossierId: string;
}

/**
 * The *Comptabilité* section of the fiche société: synthèse, balance, grand livre and journaux built from
 * the FEC the firm imported, read-only and limited by the server to what *Limité à* lets the client see.
 */
export function AccountingSlot({ dossierId }: AccountingSlotProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const titleId = useId("accounting-title");
  // Already in the cache (the fiche page loaded it): only names the export files.
  const code = useClientFiche(dossierId).data?.code ?? "";
  return (
    <section className={mergeClasses(layout.stackM, layout.shrink)} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("client.accounting.title")}
      </Subtitle1>
      <LazyAccountingViews audience={{ kind: "client", dossierId }} dossierCode={code} />
    </section>
  );
}
