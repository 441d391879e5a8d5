import { Caption1, makeStyles, Switch, tokens, useId } from "@fluentui/react-components";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useT } from "../../i18n/context";
import { useImportNoticePreference, useSetImportNoticePreference } from "./useImportNotices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** *Prévenir lors d'une nouvelle comptabilité*: the contact's own choice, which they can also change from the card. */
export function ImportNoticeSwitch({ contactId }: { contactId: string }) {
  const styles = useStyles();
  const t = useT();
  const hintId = useId("import-notice-hint");
  const preference = useImportNoticePreference(contactId);
  const save = useSetImportNoticePreference(contactId);
  if (preference.isError) return <ApiErrorBar error={preference.error} onRetry={() => void preference.refetch()} />;
  return (
    <div className={styles.root}>
      <Switch
        label={t("importNotice.pref.label")}
        checked={preference.data?.enabled ?? true}
        disabled={preference.isPending || save.isPending}
        aria-describedby={hintId}
        onChange={(_, data) => save.mutate({ enabled: data.checked })}
      />
      <Caption1 id={hintId} className={styles.hint}>
        {t("importNotice.pref.hint")}
      </Caption1>
      {save.isError && <ApiErrorBar error={save.error} />}
    </div>
  );
}
