import { makeStyles, Text, ToolbarButton, tokens } from "@fluentui/react-components";
import { DismissRegular, MailMultipleRegular } from "@fluentui/react-icons";
import { translatePlural } from "@comptoir/shared/i18n/translate";
import { useLocale, useT } from "../../i18n/context";
import type { CampaignKind } from "@comptoir/shared/api/campaigns";

const useStyles = makeStyles({
  count: { color: tokens.colorNeutralForeground2, paddingInline: tokens.spacingHorizontalS },
});

interface BulkProposeToolsProps {
  kind: CampaignKind;
  count: number;
  onPropose: () => void;
  onClear: () => void;
}

/**
 * Toolbar items of a grid with a multi-selection: *Proposer un service…*, the count (announced politely as it
 * changes) and *Effacer la sélection*. Goes inside a Fluent `Toolbar`.
 */
export function BulkProposeTools({ kind, count, onPropose, onClear }: BulkProposeToolsProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <ToolbarButton icon={<MailMultipleRegular />} disabled={count === 0} onClick={onPropose}>
        {t("staff.campaign.propose")}
      </ToolbarButton>
      <Text role="status" className={styles.count}>
        {count === 0 ? t("staff.selection.none") : translatePlural(locale, `staff.selection.${kind}`, count)}
      </Text>
      {count > 0 && (
        <ToolbarButton icon={<DismissRegular />} onClick={onClear}>
          {t("staff.action.clearSelection")}
        </ToolbarButton>
      )}
    </>
  );
}
