import { Body1, Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { ServiceDefinition } from "@comptoir/shared/domain/service-definition";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useLocale, useT } from "../../i18n/context";
import type { useActiveServices } from "./useServiceCatalogue";

interface ServicePickerProps {
  /** The dialog's own `useActiveServices()`: it also needs the services (to submit, to preview). */
  catalogue: ReturnType<typeof useActiveServices>;
  value: string;
  onChange: (serviceId: string) => void;
  /** A radio's label, when it says more than the service's name. */
  labelOf?: (service: ServiceDefinition, label: string) => string;
  validationMessage?: string | undefined;
}

/** The active services as radios, with its loading, error and empty states (propose, campaigns). */
export function ServicePicker({ catalogue, value, onChange, labelOf, validationMessage }: ServicePickerProps) {
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  if (catalogue.isPending) return <LoadingRows rows={2} />;
  if (catalogue.isError) return <ApiErrorBar error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  const services = catalogue.data;
  if (services.length === 0) {
    return (
      <Body1 as="p" className={layout.muted}>
        {t("staff.propose.noService")}
      </Body1>
    );
  }
  return (
    <Field label={t("staff.propose.services")} required validationMessage={validationMessage}>
      <RadioGroup value={value} onChange={(_, data) => onChange(data.value)}>
        {services.map((s) => (
          <Radio key={s.id} value={s.id} label={labelOf ? labelOf(s, s.label[locale]) : s.label[locale]} />
        ))}
      </RadioGroup>
    </Field>
  );
}
