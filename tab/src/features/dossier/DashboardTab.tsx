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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  useId,
} from "@fluentui/react-components";
import { PeopleTeamRegular } from "@fluentui/react-icons";
import type { DossierDetail } from "@comptoir/shared/api/back-office";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { EmptyState } from "../../components/EmptyState";
import { formatDateTime } from "../../components/format";
import { SubscriptionStatusBadge } from "../../components/SubscriptionStatusBadge";
import { SuccessBar } from "../../components/SuccessBar";
import { useLocale, useT } from "../../i18n/context";
import { useServiceCatalogue } from "../catalogue/useServiceCatalogue";
import { InvitationProgress } from "../invitations/InvitationProgress";
import { useInvitations, useResendInvitation } from "../invitations/useInvitations";
import { useInitializeWidget } from "./useDossier";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
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
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  flush: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  services: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  service: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  dialogBody: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

interface DashboardTabProps {
  detail: DossierDetail;
  etag: string | null;
  onReload: () => void;
}

/** The collaborative tile of the dossier's dashboard: *Initialiser*, then the contacts and their services. */
export function DashboardTab({ detail, etag, onReload }: DashboardTabProps) {
  const styles = useStyles();
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
    <div className={styles.root}>
      <section className={styles.widget} aria-labelledby={titleId}>
        <div className={styles.head}>
          <Subtitle1 as="h2" id={titleId} className={styles.flush}>
            {t("staff.widget.title")}
          </Subtitle1>
          {widget.initialized && (
            <Badge appearance="tint" color={widget.extensionActive ? "success" : "subtle"}>
              {t(widget.extensionActive ? "staff.widget.extensionOn" : "staff.widget.extensionOff")}
            </Badge>
          )}
        </div>
        {widget.initialized ? (
          <Body1 as="p" className={styles.muted}>
            {widget.at
              ? t("staff.widget.initializedOn", {
                  date: formatDateTime(locale, widget.at),
                  name: widget.by?.name ?? "",
                })
              : t("staff.widget.initialized")}
          </Body1>
        ) : (
          <Body1 as="p" className={styles.muted}>
            {t("staff.widget.notInitialized")}
          </Body1>
        )}
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
        {widget.initialized &&
          (detail.contacts.length === 0 ? (
            <EmptyState
              icon={<PeopleTeamRegular />}
              title={t("staff.widget.noContacts.title")}
              body={t("staff.widget.noContacts.body")}
            />
          ) : (
            <>
              <ApiErrorBar error={resend.error} />
              <Table aria-label={t("staff.widget.tableLabel")}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("staff.widget.contact")}</TableHeaderCell>
                    <TableHeaderCell>{t("staff.widget.services")}</TableHeaderCell>
                    <TableHeaderCell>{t("staff.widget.lastSignIn")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {detail.contacts.map(({ contact, subscriptions }) => (
                    <TableRow key={contact.id}>
                      <TableCell>
                        {t("staff.contact.fullName", { prenom: contact.prenom, nom: contact.nom })}
                        <br />
                        {contact.email}
                      </TableCell>
                      <TableCell>
                        {subscriptions.length === 0 ? (
                          t("staff.widget.noService")
                        ) : (
                          <div className={styles.services}>
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
                        )}
                      </TableCell>
                      <TableCell>
                        {contact.lastSignInAt ? (
                          <time dateTime={contact.lastSignInAt}>{formatDateTime(locale, contact.lastSignInAt)}</time>
                        ) : (
                          t("staff.widget.never")
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          ))}
      </section>

      <Dialog open={dialogOpen} onOpenChange={(_, data) => setDialogOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("staff.widget.dialog.title")}</DialogTitle>
            <DialogContent className={styles.dialogBody}>
              <Body1 as="p" className={styles.flush}>
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
