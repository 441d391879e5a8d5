import { Body1, Field, Input, Subtitle1, useId } from "@fluentui/react-components";
import { RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "@comptoir/shared/domain/rgpd";
import { useLayoutStyles } from "../../components/layout-styles";
import { useT } from "../../i18n/context";

interface Props {
  value: string;
  /** Not a whole number within the bounds (checked before sending). */
  invalid: boolean;
  /** The server's message for the field, if it refused it. */
  error: string | undefined;
  /** Someone else changed it meanwhile. */
  hint: string | undefined;
  onChange: (value: string) => void;
}

/** Paramètres: how long the audit and mail logs are kept (RGPD); the retention job deletes what is older. */
export function RetentionSection({ value, invalid, error, hint, onChange }: Props) {
  const t = useT();
  const layout = useLayoutStyles();
  const titleId = useId("retention");
  const bounds = t("rgpd.retention.bounds", {
    min: String(RETENTION_MIN_DAYS),
    max: String(RETENTION_MAX_DAYS),
    default: String(RETENTION_DEFAULT_DAYS),
  });
  return (
    <section className={layout.panel} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("rgpd.retention.title")}
      </Subtitle1>
      <Body1 as="p" className={layout.muted}>
        {t("rgpd.retention.help")}
      </Body1>
      <Field label={t("rgpd.retention.days")} hint={hint ?? bounds} validationMessage={invalid ? bounds : error}>
        <Input
          type="number"
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          step={1}
          inputMode="numeric"
          value={value}
          onChange={(_, data) => onChange(data.value)}
        />
      </Field>
    </section>
  );
}
