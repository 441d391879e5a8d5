import { useEffect } from "react";
import { useT } from "../i18n/context";

/** Each page names the browser tab (and the history entry) after itself. */
export function useDocumentTitle(page: string): void {
  const t = useT();
  const title = t("shell.documentTitle", { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
