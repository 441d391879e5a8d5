import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useT } from "../../i18n/context";
import { useDossier, useInitializeWidget } from "../dossier/useDossier";
import { queryKeys } from "../query-keys";

interface ExtensionNotActiveNoticeProps {
  contactId: string;
  dossierId: string;
  /** The person chose to send the invitation before the extension is active. */
  sendAnyway: boolean;
  onSendAnyway: (checked: boolean) => void;
  /** The extension was just activated from here (the dialog's row is a snapshot taken when it opened). */
  onActivated: () => void;
}

/**
 * Said before proposing on a dossier whose collaborative extension is not active yet (issue 18): the client
 * would get the invitation but could not consult anything. The collaborator activates it here, or ticks that
 * they send anyway.
 */
export function ExtensionNotActiveNotice(props: ExtensionNotActiveNoticeProps) {
  const { contactId, dossierId, sendAnyway, onSendAnyway, onActivated } = props;
  const t = useT();
  const client = useQueryClient();
  const dossier = useDossier(dossierId);
  const activate = useInitializeWidget(dossierId);

  function activateNow() {
    activate.mutate(
      { extensionActive: true, etag: dossier.data?.etag ?? null },
      {
        onSuccess: () => {
          void client.invalidateQueries({ queryKey: queryKeys.contact(contactId) });
          onActivated();
        },
      },
    );
  }

  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("staff.propose.extensionOff.title")}</MessageBarTitle>
          {t("staff.propose.extensionOff.body")}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={activateNow} disabled={!dossier.data || activate.isPending}>
            {t("staff.propose.extensionOff.activate")}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <ApiErrorBar error={activate.error} onReload={() => void dossier.refetch()} />
      <Checkbox
        checked={sendAnyway}
        onChange={(_, data) => onSendAnyway(data.checked === true)}
        label={t("staff.propose.extensionOff.sendAnyway")}
      />
    </>
  );
}
