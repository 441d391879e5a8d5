import { Label, makeStyles, Select, tokens, useId } from "@fluentui/react-components";
import { LOCALES, localeSchema } from "@comptoir/shared/i18n/locale";
import { useLocale, useT } from "../i18n/context";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Overrides the detected language; the choice is remembered on this device. */
export function LanguageSwitch() {
  const styles = useStyles();
  const t = useT();
  const { locale, setLocale } = useLocale();
  const id = useId("language");
  return (
    <div className={styles.root}>
      <Label htmlFor={id} size="small">
        {t("shell.language.label")}
      </Label>
      <Select
        id={id}
        size="small"
        value={locale}
        onChange={(_, data) => {
          const next = localeSchema.safeParse(data.value);
          if (next.success) setLocale(next.data);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(l === "fr" ? "shell.language.fr" : "shell.language.en")}
          </option>
        ))}
      </Select>
    </div>
  );
}
