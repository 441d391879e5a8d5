import { useState } from "react";
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, ToolbarButton } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentRegular, PersonDeleteRegular, ShieldRegular } from "@fluentui/react-icons";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLocale, useT } from "../../i18n/context";
import { RgpdEraseDialog } from "./RgpdEraseDialog";
import { downloadRgpdExport, useIsAdmin } from "./useRgpd";

interface Props {
  contactId: string | null;
  /** "Prénom Nom" of the selected contact. */
  name: string;
  /** Told the file's name once downloaded, or that the contact was erased. */
  onDone: (message: string) => void;
  onErased: () => void;
}

/** The contact's RGPD actions, for a Firm.Admin only: export (JSON or readable page) and erasure. */
export function RgpdMenu({ contactId, name, onDone, onErased }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const admin = useIsAdmin();
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!admin) return null;

  async function download(ext: "json" | "html") {
    if (!contactId) return;
    setError(null);
    try {
      onDone(t("rgpd.exported", { file: await downloadRgpdExport(contactId, ext, locale) }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <ToolbarButton icon={<ShieldRegular />} disabled={!contactId} aria-label={t("rgpd.menu.label")}>
            {t("rgpd.menu")}
          </ToolbarButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<ArrowDownloadRegular />} onClick={() => void download("json")}>
              {t("rgpd.action.exportJson")}
            </MenuItem>
            <MenuItem icon={<DocumentRegular />} onClick={() => void download("html")}>
              {t("rgpd.action.exportHtml")}
            </MenuItem>
            <MenuItem icon={<PersonDeleteRegular />} onClick={() => setErasing(true)}>
              {t("rgpd.action.erase")}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {error !== null && <ApiErrorBar error={error} onRetry={() => setError(null)} />}
      {contactId && erasing && (
        <RgpdEraseDialog
          contactId={contactId}
          name={name}
          open={erasing}
          onClose={() => setErasing(false)}
          onErased={() => {
            setErasing(false);
            onErased();
            onDone(t("rgpd.erased", { name }));
          }}
        />
      )}
    </>
  );
}
