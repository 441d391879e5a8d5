import { useEffect } from "react";
import { useBlocker } from "react-router";
import { useT } from "../i18n/context";
import { ConfirmDialog } from "./ConfirmDialog";

/**
 * While `when` holds, leaving the page inside the app asks first, and closing or reloading the
 * browser tab triggers the browser's own warning.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const t = useT();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [when]);

  return (
    <ConfirmDialog
      open={blocker.state === "blocked"}
      title={t("staff.unsaved.title")}
      confirmLabel={t("staff.unsaved.leave")}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {t("staff.unsaved.body")}
    </ConfirmDialog>
  );
}
