import type { ReactElement, ReactNode } from "react";
import { Body1, makeStyles, Subtitle2, tokens, useId } from "@fluentui/react-components";
import { useLayoutStyles } from "./layout-styles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: { fontSize: "40px", color: tokens.colorBrandForeground1 },
  body: { margin: 0, maxWidth: "36rem", color: tokens.colorNeutralForeground2 },
});

interface EmptyStateProps {
  icon: ReactElement;
  /** Already localized. */
  title: string;
  body: string;
  action?: ReactNode;
}

/** Nothing to show yet: says why, and what to do about it. */
export function EmptyState({ icon, title, body, action }: EmptyStateProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const titleId = useId("empty-title");
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <span className={styles.icon} aria-hidden="true">
        {icon}
      </span>
      <Subtitle2 as="h2" id={titleId} className={layout.flush}>
        {title}
      </Subtitle2>
      <Body1 as="p" className={styles.body}>
        {body}
      </Body1>
      {action}
    </section>
  );
}
