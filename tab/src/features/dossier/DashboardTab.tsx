import { useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
  useId,
} from "@fluentui/react-components";
import { PeopleTeamRegular } from "@fluentui/react-icons";
import type { DossierDetail } from "@comptoir/shared/api/back-office";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { formatDateTime } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { SubscriptionStatusBadge } from "../../components/SubscriptionStatusBadge";
import { SuccessBar } from "../../components/SuccessBar";
import { useLocale, useT } from "../../i18n/context";
import { useServiceCatalogue } from "../catalogue/useServiceCatalogue";
import { InvitationProgress } from "../invitations/InvitationProgress";
import { useInvitations, useResendInvitation } from "../invitations/useInvitations";
import { EarlyArrivalsNotice } from "./EarlyArrivalsNotice";
import { useInitializeWidget } from "./useDossier";

const useStyles = makeStyles({
  widget: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusXLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  service: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

interface DashboardTabProps {
  detail: DossierDetail;
  etag: string | null;
  onReload: () => void;
}

/** The collaborative tile of the dossier's dashboard: *Initialiser*, then the contacts and their services. */
export function DashboardTab({ detail, etag, onReload }: DashboardTabProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const titleId = useId("widget-title");
  const catalogue = useServiceCatalogue();
  const initialize = useInitializeWidget(detail.dossier.id);
  const invitations = useInvitations(detail.dossier.id);
  const resend = useResendInvitation(detail.dossier.id);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [extension, setExtension] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const widget = detail.dossier.collaborativeWidget;

  const serviceLabel = (serviceId: string) =>
    catalogue.data?.find((s) => s.id === serviceId)?.label[locale] ?? serviceId;

  function openDialog() {
    initialize.reset();
    setDone(null);
    setExtension(widget.extensionActive);
    setDialogOpen(true);
  }

  function submit() {
    initialize.mutate(
      { extensionActive: extension, etag },
      {
        onSuccess: () => {
          setDialogOpen(false);
          setDone(t(extension ? "staff.widget.enabled" : "staff.widget.disabled"));
        },
      },
    );
  }

  return (
    <div className={layout.stackL}>
      <section className={styles.widget} aria-labelledby={titleId}>
        <div className={layout.titleRow}>
          <Subtitle1 as="h2" id={titleId} className={layout.flush}>
            {t("staff.widget.title")}
          </Subtitle1>
          {widget.initialized && (
            <Badge appearance="tint" color={widget.extensionActive ? "success" : "subtle"}>
              {t(widget.extensionActive ? "staff.widget.extensionOn" : "staff.widget.extensionOff")}
            </Badge>
          )}
        </div>
        {widget.initialized ? (
          <Body1 as="p" className={layout.muted}>
            {widget.at
              ? t("staff.widget.initializedOn", {
                  date: formatDateTime(locale, widget.at),
                  name: widget.by?.name ?? "",
                })
              : t("staff.widget.initialized")}
          </Body1>
        ) : (
          <Body1 as="p" className={layout.muted}>
            {t("staff.widget.notInitialized")}
          </Body1>
        )}
        <EarlyArrivalsNotice dossierId={detail.dossier.id} />
        {!detail.dossier.offers.consultation.active && (
          <MessageBar intent="info">
            <MessageBarBody>{t("staff.widget.offerFirst")}</MessageBarBody>
          </MessageBar>
        )}
        <SuccessBar message={done} />
        <div>
          <Button appearance={widget.initialized ? "secondary" : "primary"} onClick={openDialog}>
            {t(widget.initialized ? "staff.widget.change" : "domain.widget.initialize")}
          </Button>
        </div>
        {widget.initialized && (
          <>
            {detail.contacts.length > 0 && <ApiErrorBar error={resend.error} />}
            <DataTable
              label={t("staff.widget.tableLabel")}
              rows={detail.contacts}
              rowKey={({ contact }) => contact.id}
              empty={
                <EmptyState
                  icon={<PeopleTeamRegular />}
                  title={t("staff.widget.noContacts.title")}
                  body={t("staff.widget.noContacts.body")}
                />
              }
              columns={[
                {
                  id: "contact",
                  header: t("staff.widget.contact"),
                  cell: ({ contact }) => (
                    <>
                      {t("staff.contact.fullName", { prenom: contact.prenom, nom: contact.nom })}
                      <br />
                      {contact.email}
                    </>
                  ),
                },
                {
                  id: "services",
                  header: t("staff.widget.services"),
                  cell: ({ subscriptions }) =>
                    subscriptions.length === 0 ? (
                      t("staff.widget.noService")
                    ) : (
                      <div className={layout.cellList}>
                        {subscriptions.map((s) => (
                          <span key={s.id} className={styles.service}>
                            {serviceLabel(s.serviceId)}
                            <SubscriptionStatusBadge status={s.status} />
                            {(s.status === "proposed" || s.status === "invited") && (
                              <InvitationProgress
                                status={invitations.data?.items.find((i) => i.subscriptionId === s.id)}
                                serviceLabel={serviceLabel(s.serviceId)}
                                onResend={() => resend.mutate(s.id)}
                                resending={resend.isPending}
                              />
                            )}
                          </span>
                        ))}
                      </div>
                    ),
                },
                {
                  id: "lastSignIn",
                  header: t("staff.widget.lastSignIn"),
                  cell: ({ contact }) =>
                    contact.lastSignInAt ? (
                      <time dateTime={contact.lastSignInAt}>{formatDateTime(locale, contact.lastSignInAt)}</time>
                    ) : (
                      t("staff.widget.never")
                    ),
                },
              ]}
            />
          </>
        )}
      </section>

      <Dialog open={dialogOpen} onOpenChange={(_, data) => setDialogOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("staff.widget.dialog.title")}</DialogTitle>
            <DialogContent className={layout.stackM}>
              <Body1 as="p" className={layout.flush}>
                {t("staff.widget.dialog.body")}
              </Body1>
              <Checkbox
                label={t("domain.widget.extensionActive")}
                checked={extension}
                onChange={(_, data) => setExtension(data.checked === true)}
              />
              {widget.extensionActive && !extension && (
                <MessageBar intent="warning">
                  <MessageBarBody>{t("staff.widget.dialog.offWarning")}</MessageBarBody>
                </MessageBar>
              )}
              <ApiErrorBar
                error={initialize.error}
                onReload={() => {
                  initialize.reset();
                  onReload();
                }}
              />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={submit} disabled={initialize.isPending}>
                {t("staff.action.ok")}
              </Button>
              <Button onClick={() => setDialogOpen(false)}>{t("staff.action.cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
