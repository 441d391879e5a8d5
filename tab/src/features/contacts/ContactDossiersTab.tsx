import { useState } from "react";
import {
  Button,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import type { ContactDetail } from "@comptoir/shared/api/back-office";
import { isLive, type ServiceSubscription } from "@comptoir/shared/domain/service-subscription";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { useLayoutStyles } from "../../components/layout-styles";
import { limitedToText } from "../../components/LimitedToField";
import { SubscriptionStatusBadge } from "../../components/SubscriptionStatusBadge";
import { SuccessBar } from "../../components/SuccessBar";
import { useLocale, useT } from "../../i18n/context";
import { useServiceCatalogue } from "../catalogue/useServiceCatalogue";
import { AddDossierDialog } from "./AddDossierDialog";
import { LimitedToDialog } from "./LimitedToDialog";
import { ProposeServiceDialog } from "./ProposeServiceDialog";
import { useRevokeSubscription, useUnlinkDossier } from "./useContacts";

export type DossierRow = ContactDetail["dossiers"][number];

type Dialog =
  | { kind: "add" }
  | { kind: "propose"; row: DossierRow }
  | { kind: "limit"; row: DossierRow }
  | { kind: "revoke"; row: DossierRow; subscription: ServiceSubscription }
  | { kind: "unlink"; row: DossierRow };

// The tab sits in the contact's side pane, about 350 px wide: the services go under their dossier rather
// than in a column of their own, long names wrap instead of running into the next column, and the two
// short columns keep the width of their content.
const useStyles = makeStyles({
  dossier: { overflowWrap: "anywhere" },
  service: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  limitedTo: { width: "4.75rem", overflowWrap: "anywhere" },
  actions: { width: "6.25rem" },
});

interface ContactDossiersTabProps {
  detail: ContactDetail;
  onReload: () => void;
}

/** *Dossiers client*: the contact's dossiers with *Limité à*, their services, and the *Actions* menu. */
export function ContactDossiersTab({ detail, onReload }: ContactDossiersTabProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const contact = detail.contact;
  const catalogue = useServiceCatalogue();
  const revoke = useRevokeSubscription(contact.id);
  const unlink = useUnlinkDossier(contact.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const serviceLabel = (id: string) => catalogue.data?.find((s) => s.id === id)?.label[locale] ?? id;
  const dossierName = (row: DossierRow) =>
    t("staff.dossier.codeAndName", { code: row.dossier.code, name: row.dossier.name });

  function open(next: Dialog) {
    revoke.reset();
    unlink.reset();
    setDone(null);
    setDialog(next);
  }

  function finish(message: string) {
    setDialog(null);
    setDone(message);
  }

  return (
    <div className={layout.stackM}>
      <div className={layout.buttons}>
        <Button icon={<AddRegular />} onClick={() => open({ kind: "add" })}>
          {t("staff.action.add")}
        </Button>
      </div>
      <ApiErrorBar error={revoke.error ?? unlink.error} onReload={onReload} />
      <SuccessBar message={done} />
      <DataTable
        label={t("staff.contact.tab.dossiers")}
        size="small"
        rows={detail.dossiers}
        rowKey={(row) => row.dossier.id}
        empty={t("staff.contactDossiers.none")}
        columns={[
          {
            id: "dossier",
            header: t("staff.contactDossiers.dossierAndServices"),
            className: styles.dossier,
            cell: (row) => (
              <div className={layout.cellList}>
                <span>{dossierName(row)}</span>
                {row.subscriptions.length === 0 ? (
                  <span className={layout.muted}>{t("staff.widget.noService")}</span>
                ) : (
                  row.subscriptions.map((s) => (
                    <span key={s.id} className={styles.service}>
                      {serviceLabel(s.serviceId)}
                      <SubscriptionStatusBadge status={s.status} />
                    </span>
                  ))
                )}
              </div>
            ),
          },
          {
            id: "limitedTo",
            header: t("staff.limitedTo.label"),
            className: styles.limitedTo,
            cell: (row) => limitedToText(row.link.limitedTo),
          },
          {
            id: "actions",
            header: t("staff.contactDossiers.actions"),
            className: styles.actions,
            cell: (row) => (
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <MenuButton
                    size="small"
                    aria-label={t("staff.contactDossiers.actionsFor", { dossier: dossierName(row) })}
                  >
                    {t("staff.contactDossiers.actions")}
                  </MenuButton>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    <MenuItem onClick={() => open({ kind: "propose", row })}>{t("staff.propose.title")}</MenuItem>
                    <MenuItem onClick={() => open({ kind: "limit", row })}>{t("staff.limitedTo.edit")}</MenuItem>
                    {row.subscriptions.filter(isLive).map((subscription) => (
                      <MenuItem key={subscription.id} onClick={() => open({ kind: "revoke", row, subscription })}>
                        {t("staff.contactDossiers.revoke", { service: serviceLabel(subscription.serviceId) })}
                      </MenuItem>
                    ))}
                    <MenuItem onClick={() => open({ kind: "unlink", row })}>
                      {t("staff.contactDossiers.unlink")}
                    </MenuItem>
                  </MenuList>
                </MenuPopover>
              </Menu>
            ),
          },
        ]}
      />

      {dialog?.kind === "add" && (
        <AddDossierDialog
          contactId={contact.id}
          linked={detail.dossiers.map((d) => d.dossier.id)}
          onClose={() => setDialog(null)}
          onAdded={(name) => finish(t("staff.contactDossiers.added", { dossier: name }))}
        />
      )}
      {dialog?.kind === "propose" && (
        <ProposeServiceDialog
          contactId={contact.id}
          row={dialog.row}
          onClose={() => setDialog(null)}
          onProposed={(service, created) =>
            finish(
              t(created ? "staff.propose.done" : "staff.propose.already", {
                service,
                dossier: dossierName(dialog.row),
              }),
            )
          }
        />
      )}
      {dialog?.kind === "limit" && (
        <LimitedToDialog
          contactId={contact.id}
          // The row as last loaded: after a reload it carries the link's new ETag.
          row={detail.dossiers.find((d) => d.dossier.id === dialog.row.dossier.id) ?? dialog.row}
          onClose={() => setDialog(null)}
          onReload={onReload}
          onSaved={() => finish(t("staff.limitedTo.saved", { dossier: dossierName(dialog.row) }))}
        />
      )}
      <ConfirmDialog
        open={dialog?.kind === "revoke"}
        title={t("staff.contactDossiers.revokeTitle")}
        confirmLabel={t("staff.action.revoke")}
        pending={revoke.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          if (dialog?.kind !== "revoke") return;
          const label = serviceLabel(dialog.subscription.serviceId);
          revoke.mutate(dialog.subscription.id, {
            onSuccess: () => finish(t("staff.contactDossiers.revoked", { service: label })),
            onError: () => setDialog(null),
          });
        }}
      >
        {dialog?.kind === "revoke" &&
          t("staff.contactDossiers.revokeBody", {
            service: serviceLabel(dialog.subscription.serviceId),
            dossier: dossierName(dialog.row),
          })}
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog?.kind === "unlink"}
        title={t("staff.contactDossiers.unlinkTitle")}
        confirmLabel={t("staff.contactDossiers.unlinkAction")}
        pending={unlink.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          if (dialog?.kind !== "unlink") return;
          const row = dialog.row;
          unlink.mutate(
            { dossierId: row.dossier.id, etag: row.linkEtag },
            {
              onSuccess: () => finish(t("staff.contactDossiers.unlinked", { dossier: dossierName(row) })),
              onError: () => setDialog(null),
            },
          );
        }}
      >
        {dialog?.kind === "unlink" && t("staff.contactDossiers.unlinkBody", { dossier: dossierName(dialog.row) })}
      </ConfirmDialog>
    </div>
  );
}
