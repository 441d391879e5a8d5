import { Body1, makeStyles, Subtitle1, Subtitle2, tokens, useId } from "@fluentui/react-components";
import { DataBarVerticalRegular } from "@fluentui/react-icons";
import { useT } from "../../i18n/context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
  empty: {
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

export interface AccountingSlotProps {
  /** The société whose accounting goes here. */
  dossierId: string;
}

/**
 * The *Comptabilité* section of the fiche société. For now an empty state: the balance, grand livre,
 * journaux and chiffres clés (built from the imported FEC) replace its body, keeping this name and props.
 */
export function AccountingSlot({ dossierId }: AccountingSlotProps) {
  const styles = useStyles();
  const t = useT();
  const titleId = useId("accounting-title");
  return (
    <section className={styles.root} aria-labelledby={titleId} data-dossier-id={dossierId}>
      <Subtitle1 as="h2" id={titleId} className={styles.flush}>
        {t("client.accounting.title")}
      </Subtitle1>
      <div className={styles.empty}>
        <span className={styles.icon} aria-hidden="true">
          <DataBarVerticalRegular />
        </span>
        <Subtitle2 as="h3" className={styles.flush}>
          {t("client.accounting.empty.title")}
        </Subtitle2>
        <Body1 as="p" className={styles.body}>
          {t("client.accounting.empty.body")}
        </Body1>
      </div>
    </section>
  );
}
