import { useState } from "react";
import { Divider, Subtitle1, useId } from "@fluentui/react-components";
import type { Dossier } from "@comptoir/shared/domain/dossier";
import { useLayoutStyles } from "../../components/layout-styles";
import { useT } from "../../i18n/context";
import AccountingViews from "../accounting/AccountingViews";
import { useExercices } from "../accounting/useAccounting";
import { FecIntakePanel } from "../fec-intake/FecIntakePanel";
import { FecImportPanel } from "./FecImportPanel";

/** The dossier page's *Comptabilité* tab: the FEC import, then the same views the client reads. */
export default function StaffAccountingTab({ dossier }: { dossier: Dossier }) {
  const layout = useLayoutStyles();
  const t = useT();
  const viewsId = useId("accounting-views");
  const audience = { kind: "staff" as const, dossierId: dossier.id };
  const exercices = useExercices(audience);
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <div className={layout.stackXL}>
      <FecImportPanel
        dossier={dossier}
        exercices={exercices.data?.items ?? []}
        maxBytes={exercices.data?.maxUploadBytes}
        onImported={setSelected}
      />
      <Divider />
      <FecIntakePanel dossierId={dossier.id} />
      <Divider />
      <section className={layout.stackL} aria-labelledby={viewsId}>
        <Subtitle1 as="h2" id={viewsId} className={layout.flush}>
          {t("accountingUi.tabs")}
        </Subtitle1>
        <AccountingViews
          audience={audience}
          dossierCode={dossier.code}
          selectedExercice={selected}
          onSelectExercice={setSelected}
        />
      </section>
    </div>
  );
}
