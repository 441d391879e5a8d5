import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";
import { useErase, useErasurePreview } from "./useRgpd";

interface Props {
  contactId: string;
  /** "Prénom Nom", already formatted. */
  name: string;
  open: boolean;
  onClose: () => void;
  onErased: () => void;
}

/** The erasure's confirmation: what goes (from the preview), what stays under a pseudonym, then *Effacer définitivement*. */
export function RgpdEraseDialog({ contactId, name, open, onClose, onErased }: Props) {
  const t = useT();
  const preview = useErasurePreview(contactId, open);
  const erase = useErase();
  const p = preview.data?.data;
  const guestKey = p?.deleteGuest
    ? "rgpd.erase.guest.delete"
    : (`rgpd.erase.guest.${p?.keepGuestReason ?? "none"}` as const);

  function confirm() {
    if (!preview.data?.etag) return;
    erase.mutate({ contactId, etag: preview.data.etag }, { onSuccess: onErased });
  }

  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("rgpd.erase.title", { name })}</DialogTitle>
          <DialogContent>
            {preview.isPending ? (
              <LoadingRows rows={4} />
            ) : preview.isError || !p ? (
              <ApiErrorBar error={preview.error} onRetry={() => void preview.refetch()} />
            ) : (
              <>
                <Body1 as="p">{t("rgpd.erase.intro")}</Body1>
                <ul aria-label={t("rgpd.erase.intro")}>
                  <li>{t("rgpd.erase.contact")}</li>
                  <li>{t("rgpd.erase.links", { count: String(p.remove.links) })}</li>
                  <li>{t("rgpd.erase.subscriptions", { count: String(p.remove.subscriptions) })}</li>
                  <li>{t("rgpd.erase.invitations", { count: String(p.remove.invitations) })}</li>
                  <li>{t("rgpd.erase.conversations", { count: String(p.remove.conversationReferences) })}</li>
                  <li>
                    {t("rgpd.erase.notices", {
                      count: String(p.remove.importNoticePreferences + p.remove.importNoticesSent),
                    })}
                  </li>
                  <li>{t("rgpd.erase.earlyArrivals", { count: String(p.remove.earlyArrivals) })}</li>
                  <li>{t("rgpd.erase.campaignItems", { count: String(p.remove.campaignItems) })}</li>
                </ul>
                <Body1 as="p">{t(guestKey)}</Body1>
                <Body1 as="p">
                  {t("rgpd.erase.audit", { count: String(p.pseudonymiseAuditEvents), pseudonym: p.pseudonym })}
                </Body1>
                <ApiErrorBar error={erase.error} onRetry={confirm} />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={confirm} disabled={!p || erase.isPending}>
              {t("rgpd.erase.confirm")}
            </Button>
            <Button onClick={onClose}>{t("staff.action.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
