import { useState } from "react";
import { RouterProvider } from "react-router";
import { isApiError } from "../api/client";
import { useMe } from "../auth/useMe";
import { useT } from "../i18n/context";
import { ErrorPanel } from "../components/ErrorPanel";
import { MeContext } from "./me-context";
import { createAppRouter } from "./router";
import { StatusView } from "../components/StatusView";

/** Loads who is signed in, then shows the shell and its pages. */
export function SignedInApp() {
  const t = useT();
  const me = useMe();
  const [router] = useState(createAppRouter);

  if (me.isPending) return <StatusView fullPage labelKey="shell.loading.profile" />;
  if (me.isError) {
    return (
      <main>
        <ErrorPanel
          message={isApiError(me.error) ? me.error.message : t("error.INTERNAL")}
          onAction={() => void me.refetch()}
        />
      </main>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <RouterProvider router={router} />
    </MeContext.Provider>
  );
}
