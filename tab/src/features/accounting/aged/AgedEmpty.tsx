import { CheckmarkCircleRegular, PeopleRegular } from "@fluentui/react-icons";
import type { AccountingAgedBalance } from "@comptoir/shared/api/aged-balance";
import { EmptyState } from "../../../components/EmptyState";
import { useT } from "../../../i18n/context";
import { NO_ACCOUNT_KEY } from "./aged-keys";

/**
 * Why a balance âgée or échéancier has nothing to show: the exercice has no such account, or every line
 * of it is lettered at the date.
 */
export function AgedEmpty({ account, hasAccount }: { account: AccountingAgedBalance["account"]; hasAccount: boolean }) {
  const t = useT();
  if (!hasAccount) {
    return (
      <EmptyState
        icon={<PeopleRegular />}
        title={t("agedUi.empty.noAccount.title")}
        body={t(NO_ACCOUNT_KEY[account])}
      />
    );
  }
  return (
    <EmptyState
      icon={<CheckmarkCircleRegular />}
      title={t("agedUi.empty.allLettered.title")}
      body={t("agedUi.empty.allLettered")}
    />
  );
}
