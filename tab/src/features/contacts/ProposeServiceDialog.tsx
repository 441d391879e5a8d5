import { useState } from "react";
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
import { isLive } from "@comptoir/shared/domain/service-subscription";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { InvitationCardPreview } from "../card-preview/InvitationCardPreview";
import { ServicePicker } from "../catalogue/ServicePicker";
import { useActiveServices, useFirmName } from "../catalogue/useServiceCatalogue";
import type { DossierRow } from "./ContactDossiersTab";
import { ExtensionNotActiveNotice } from "./ExtensionNotActiveNotice";
import { useProposeService } from "./useContacts";

interface ProposeServiceDialogProps {
  contactId: string;
  row: DossierRow;
  onClose: () => void;
  onProposed: (service: string, created: boolean) => void;
}

/** *Proposer un service collaboratif pour ce dossier*: one of the catalogue's active services, then *Ok*. */
export function ProposeServiceDialog({ contactId, row, onClose, onProposed }: ProposeServiceDialogProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const catalogue = useActiveServices();
  const firmName = useFirmName();
  const propose = useProposeService(contactId);
  const [serviceId, setServiceId] = useState("");
  const [sendAnyway, setSendAnyway] = useState(false);
  const [activatedHere, setActivatedHere] = useState(false);
  const extensionOff = !row.dossier.extensionActive && !activatedHere;
  const services = catalogue.data ?? [];
  const live = new Set(row.subscriptions.filter(isLive).map((s) => s.serviceId));

  function submit() {
    const service = services.find((s) => s.id === serviceId);
    if (!service) return;
    propose.mutate(
      { dossierId: row.dossier.id, serviceId },
      { onSuccess: (result) => onProposed(service.label[locale], result.data.created) },
    );
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("staff.propose.title")}</DialogTitle>
          <DialogContent className={layout.stackM}>
            <Body1 as="p" className={layout.muted}>
              {t("staff.propose.forDossier", { code: row.dossier.code, name: row.dossier.name })}
            </Body1>
            <ServicePicker
              catalogue={catalogue}
              value={serviceId}
              onChange={setServiceId}
              labelOf={(s, label) => (live.has(s.id) ? t("staff.propose.alreadyLive", { service: label }) : label)}
            />
            {serviceId && firmName.data && (
              <InvitationCardPreview
                firmName={firmName.data}
                dossier={row.dossier}
                serviceLabel={services.find((s) => s.id === serviceId)?.label[locale] ?? serviceId}
              />
            )}
            {extensionOff && (
              <ExtensionNotActiveNotice
                contactId={contactId}
                dossierId={row.dossier.id}
                sendAnyway={sendAnyway}
                onSendAnyway={setSendAnyway}
                onActivated={() => setActivatedHere(true)}
              />
            )}
            <ApiErrorBar error={propose.error} />
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={submit}
              disabled={!serviceId || propose.isPending || (extensionOff && !sendAnyway)}
            >
              {t("staff.action.ok")}
            </Button>
            <Button onClick={onClose}>{t("staff.action.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
