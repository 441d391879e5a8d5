import { useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  useId,
} from "@fluentui/react-components";
import { MAX_CAMPAIGN_ITEMS, type CampaignKind, type CampaignView } from "@comptoir/shared/api/campaigns";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { ServicePicker } from "../catalogue/ServicePicker";
import { useActiveServices } from "../catalogue/useServiceCatalogue";
import { confirmQuestion } from "./campaign-format";
import { useStartCampaign } from "./useCampaigns";

interface StartCampaignDialogProps {
  kind: CampaignKind;
  /** The chosen contacts or dossiers. */
  ids: readonly string[];
  onClose: () => void;
  onStarted: (campaign: CampaignView, serviceLabel: string) => void;
}

/**
 * *Proposer un service…* for a selection: the service first, then the count to confirm
 * ("Proposer le service « … » à 37 interlocuteurs ?"). Focus goes to the question's answer at each step.
 */
export function StartCampaignDialog({ kind, ids, onClose, onStarted }: StartCampaignDialogProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const catalogue = useActiveServices();
  const start = useStartCampaign();
  const [serviceId, setServiceId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const stepped = useRef(false);
  const questionId = useId("campaign-question");
  const services = catalogue.data ?? [];
  const service = services.find((s) => s.id === serviceId);
  const tooMany = ids.length > MAX_CAMPAIGN_ITEMS;

  // Each step's buttons replace the other's: focus follows (to *Proposer*, or back to *Suivant*) instead of being lost.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (stepped.current) nextRef.current?.focus();
    stepped.current = true;
  }, [confirming]);

  function submit() {
    if (!service) return;
    const input =
      kind === "contacts"
        ? { kind, serviceId: service.id, contactIds: [...ids] }
        : { kind, serviceId: service.id, dossierIds: [...ids] };
    start.mutate(input, { onSuccess: (result) => onStarted(result.data, service.label[locale]) });
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={confirming ? questionId : undefined}>
        <DialogBody>
          <DialogTitle>{t("staff.campaign.start.title")}</DialogTitle>
          <DialogContent className={layout.stackM}>
            {confirming && service ? (
              <>
                <Body1 as="p" id={questionId} className={layout.flush}>
                  {confirmQuestion(locale, kind, service.label[locale], ids.length)}
                </Body1>
                <Body1 as="p" className={layout.muted}>
                  {t("staff.campaign.start.pace")}
                </Body1>
              </>
            ) : (
              <>
                <Body1 as="p" className={layout.muted}>
                  {kind === "contacts"
                    ? t("staff.campaign.start.help.contacts")
                    : t("staff.campaign.start.help.dossiers")}
                </Body1>
                <ServicePicker
                  catalogue={catalogue}
                  value={serviceId}
                  onChange={setServiceId}
                  validationMessage={
                    tooMany ? t("staff.campaign.start.tooMany", { max: MAX_CAMPAIGN_ITEMS }) : undefined
                  }
                />
              </>
            )}
            <ApiErrorBar error={start.error} />
          </DialogContent>
          <DialogActions>
            {confirming ? (
              <>
                <Button ref={confirmRef} appearance="primary" onClick={submit} disabled={start.isPending}>
                  {t("staff.campaign.start.go")}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t("staff.campaign.start.back")}</Button>
              </>
            ) : (
              <>
                <Button
                  ref={nextRef}
                  appearance="primary"
                  disabled={!service || tooMany}
                  onClick={() => setConfirming(true)}
                >
                  {t("staff.campaign.start.next")}
                </Button>
                <Button onClick={onClose}>{t("staff.action.cancel")}</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
