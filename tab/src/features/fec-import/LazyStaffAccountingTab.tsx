import { lazy, Suspense } from "react";
import type { Dossier } from "@comptoir/shared/domain/dossier";
import { LoadingRows } from "../../components/LoadingRows";

// Its own chunk: the dossier page loads the import and the accounting views only when the tab opens.
const Tab = lazy(() => import("./StaffAccountingTab"));

/** The *Comptabilité* tab of the dossier page. */
export function StaffAccountingTab({ dossier }: { dossier: Dossier }) {
  return (
    <Suspense fallback={<LoadingRows rows={6} />}>
      <Tab dossier={dossier} />
    </Suspense>
  );
}
