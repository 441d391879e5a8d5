import { Badge, makeStyles, Title1, tokens } from "@fluentui/react-components";
import { EyeRegular } from "@fluentui/react-icons";
import { useParams } from "react-router";
import { useDocumentTitle } from "../../app/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";
import { AccountingSlot } from "./AccountingSlot";
import { BackToMaSociete } from "./BackToMaSociete";
import { FicheEtablissements } from "./FicheEtablissements";
import { FicheFirmContact } from "./FicheFirmContact";
import { FicheIdentity } from "./FicheIdentity";
import { NoLongerAccess } from "./NoLongerAccess";
import { isNoAccess, useClientFiche } from "./useClientFiche";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  flush: { margin: 0 },
});

/** `#/ma-societe/:dossierId`: *Voir la fiche société*, read-only. */
export default function ClientFichePage() {
  const styles = useStyles();
  const t = useT();
  const { dossierId = "" } = useParams();
  const fiche = useClientFiche(dossierId);
  const data = fiche.data;
  useDocumentTitle(data?.name ?? t("client.fiche.title"));

  if (fiche.isError && isNoAccess(fiche.error)) return <NoLongerAccess />;
  return (
    <div className={styles.root}>
      <BackToMaSociete />
      {fiche.isPending ? (
        <LoadingRows rows={5} />
      ) : !data ? (
        <ApiErrorBar error={fiche.error} onRetry={() => void fiche.refetch()} />
      ) : (
        <>
          <div className={styles.header}>
            <Title1 as="h1" className={styles.flush}>
              {data.name}
            </Title1>
            <Badge appearance="tint" color="informative" icon={<EyeRegular />}>
              {t("client.readOnly")}
            </Badge>
          </div>
          <FicheIdentity fiche={data} />
          <FicheEtablissements etablissements={data.etablissements} />
          <FicheFirmContact firm={data.firm} />
          <AccountingSlot dossierId={data.dossierId} />
        </>
      )}
    </div>
  );
}
