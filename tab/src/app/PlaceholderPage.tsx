import type { ReactElement } from "react";
import { Body1, makeStyles, Subtitle1, Title1, tokens, useId } from "@fluentui/react-components";
import type { MessageKey } from "@comptoir/shared";
import { useT } from "../i18n/context";
import { useDocumentTitle } from "./useDocumentTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  empty: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalM,
    maxWidth: "36rem",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: { fontSize: "48px", color: tokens.colorBrandForeground1 },
  // Headings and paragraphs keep their browser margins otherwise, which doubles the flex gap.
  flush: { margin: 0 },
  body: { margin: 0, color: tokens.colorNeutralForeground2 },
});

interface PlaceholderPageProps {
  titleKey: MessageKey;
  emptyTitleKey: MessageKey;
  emptyBodyKey: MessageKey;
  icon: ReactElement;
}

/** A page whose feature is not built yet: its heading, and an empty state saying what will come. */
export function PlaceholderPage({ titleKey, emptyTitleKey, emptyBodyKey, icon }: PlaceholderPageProps) {
  const styles = useStyles();
  const t = useT();
  const title = t(titleKey);
  const emptyTitleId = useId("empty-state-title");
  useDocumentTitle(title);
  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.flush}>
        {title}
      </Title1>
      <section className={styles.empty} aria-labelledby={emptyTitleId}>
        <span className={styles.icon} aria-hidden="true">
          {icon}
        </span>
        <Subtitle1 as="h2" id={emptyTitleId} className={styles.flush}>
          {t(emptyTitleKey)}
        </Subtitle1>
        <Body1 as="p" className={styles.body}>
          {t(emptyBodyKey)}
        </Body1>
      </section>
    </div>
  );
}
