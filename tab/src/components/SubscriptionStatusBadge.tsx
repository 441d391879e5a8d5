import { Badge, makeStyles, type BadgeProps } from "@fluentui/react-components";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import type { SubscriptionStatus } from "@comptoir/shared/domain/service-subscription";
import { useT } from "../i18n/context";

const STATUS: Record<SubscriptionStatus, { labelKey: MessageKey; color: BadgeProps["color"] }> = {
  proposed: { labelKey: "domain.subscriptionStatus.proposed", color: "informative" },
  invited: { labelKey: "domain.subscriptionStatus.invited", color: "warning" },
  accepted: { labelKey: "domain.subscriptionStatus.accepted", color: "brand" },
  active: { labelKey: "domain.subscriptionStatus.active", color: "success" },
  revoked: { labelKey: "domain.subscriptionStatus.revoked", color: "subtle" },
};

// A badge has a fixed height: wrapped in a narrow cell, "Invitation envoyée" lost its second line.
const useStyles = makeStyles({ badge: { whiteSpace: "nowrap", flexShrink: 0 } });

/** proposé / invité / accepté / actif / révoqué. */
export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  const t = useT();
  const styles = useStyles();
  const { labelKey, color } = STATUS[status];
  return (
    <Badge appearance="tint" color={color} className={styles.badge}>
      {t(labelKey)}
    </Badge>
  );
}
