import { Badge, Title1 } from "@fluentui/react-components";
import { EyeRegular } from "@fluentui/react-icons";
import { useParams } from "react-router";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";
import { AccountingSlot } from "./AccountingSlot";
import { BackToMaSociete } from "./BackToMaSociete";
import { FicheEtablissements } from "./FicheEtablissements";
import { FicheFirmContact } from "./FicheFirmContact";
import { FicheIdentity } from "./FicheIdentity";
import { NoLongerAccess } from "./NoLongerAccess";
import { isNoAccess, useClientFiche } from "./useClientFiche";

/** `#/ma-societe/:dossierId`: *Voir la fiche société*, read-only. */
export default function ClientFichePage() {
  const layout = useLayoutStyles();
  const t = useT();
  const { dossierId = "" } = useParams();
  const fiche = useClientFiche(dossierId);
  const data = fiche.data;
  useDocumentTitle(data?.name ?? t("client.fiche.title"));

  if (fiche.isError && isNoAccess(fiche.error)) return <NoLongerAccess />;
  return (
    <div className={layout.stackXL}>
      <BackToMaSociete />
      {fiche.isPending ? (
        <LoadingRows rows={5} />
      ) : !data ? (
        <ApiErrorBar error={fiche.error} onRetry={() => void fiche.refetch()} />
      ) : (
        <>
          <div className={layout.titleRow}>
            <Title1 as="h1" className={layout.flush}>
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
