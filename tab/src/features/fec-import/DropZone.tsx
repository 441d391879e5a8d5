import { useRef, useState, type DragEvent } from "react";
import { Body1, Button, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { ArrowUploadRegular, DocumentRegular } from "@fluentui/react-icons";
import { useLayoutStyles } from "../../components/layout-styles";
import { useLocale, useT } from "../../i18n/context";
import { useVisuallyHidden } from "../accounting/visually-hidden";
import { formatFileSize } from "./file-size";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    transitionProperty: "background-color, border-color",
    transitionDuration: tokens.durationFaster,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  disabled: { opacity: 0.6 },
  icon: { fontSize: "32px", color: tokens.colorBrandForeground1 },
  file: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
    wordBreak: "break-all",
  },
});

interface DropZoneProps {
  file: File | null;
  onFile: (file: File) => void;
  disabled?: boolean;
  /** Already localized: the expected name and the size limit. */
  hint: string;
}

/**
 * Drop a FEC here, or choose it with the button (the keyboard way: the zone itself is not a control).
 * The file input stays in the page, hidden, for the button and for tests.
 */
export function DropZone({ file, onFile, disabled, hint }: DropZoneProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const hidden = useVisuallyHidden();
  const t = useT();
  const { locale } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const hover = (event: DragEvent, on: boolean) => {
    event.preventDefault();
    if (!disabled) setOver(on);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };

  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over, disabled && styles.disabled)}
      onDragEnter={(e) => hover(e, true)}
      onDragOver={(e) => hover(e, true)}
      onDragLeave={(e) => hover(e, false)}
      onDrop={drop}
      data-testid="fec-drop-zone"
    >
      <span className={styles.icon} aria-hidden="true">
        <ArrowUploadRegular />
      </span>
      <Subtitle2 as="p" className={layout.flush}>
        {t("fecImport.drop.title")}
      </Subtitle2>
      <Body1 as="p" className={layout.muted}>
        {t("fecImport.drop.or")}
      </Body1>
      <Button icon={<DocumentRegular />} disabled={disabled} onClick={() => input.current?.click()}>
        {t("fecImport.drop.choose")}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".txt,.csv,.tsv,text/plain,text/csv,text/tab-separated-values"
        className={hidden.root}
        tabIndex={-1}
        aria-label={t("fecImport.drop.input")}
        disabled={disabled}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) onFile(chosen);
          // The same file chosen again after a fix must fire again.
          event.target.value = "";
        }}
      />
      <Body1 as="p" className={layout.muted}>
        {hint}
      </Body1>
      {file && (
        <p className={styles.file}>
          <DocumentRegular aria-hidden="true" />
          {t("fecImport.selected", { name: file.name, size: formatFileSize(locale, file.size) })}
        </p>
      )}
    </div>
  );
}
