import type { FormEvent, Ref } from "react";
import {
  Button,
  Dropdown,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Select,
  tokens,
} from "@fluentui/react-components";
import { localeSchema } from "@comptoir/shared/i18n/locale";
import type { MessageKey } from "@comptoir/shared/i18n/fr";
import { useLayoutStyles } from "../../components/layout-styles";
import { useT } from "../../i18n/context";
import type { RoleRow } from "../roles/useRoles";
import type { ContactFormValues } from "./contact-form";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalS },
});

type TextField = "nom" | "prenom" | "email" | "phone" | "mobile";

type TextFieldSpec = {
  field: TextField;
  labelKey: MessageKey;
  type: "text" | "email" | "tel";
  required: boolean;
  /** What the person must know before filling it in (the seed's note on the e-mail). */
  guidanceKey?: MessageKey;
};

const TEXT_FIELDS: TextFieldSpec[] = [
  { field: "nom", labelKey: "staff.contact.nom", type: "text", required: true },
  { field: "prenom", labelKey: "staff.contact.prenom", type: "text", required: true },
  {
    field: "email",
    labelKey: "staff.contact.email",
    type: "email",
    required: true,
    guidanceKey: "staff.contact.email.guidance",
  },
  { field: "phone", labelKey: "staff.contact.phone", type: "tel", required: false },
  { field: "mobile", labelKey: "staff.contact.mobile", type: "tel", required: false },
];

interface ContactGeneralFormProps {
  values: ContactFormValues;
  /** The stored values, shown as a hint on the fields someone else changed meanwhile. */
  stored: ContactFormValues;
  conflicts: readonly string[];
  readOnly: boolean;
  errors: Record<string, string>;
  roles: readonly RoleRow[] | undefined;
  pending: boolean;
  firstFieldRef: Ref<HTMLInputElement>;
  onChange: <K extends keyof ContactFormValues>(field: K, value: ContactFormValues[K]) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The *Général* tab: Nom, Prénom, E-mail, téléphones and the *Rôle organisationnel*; *Ok* saves. */
export function ContactGeneralForm(props: ContactGeneralFormProps) {
  const { values, stored, conflicts, readOnly, errors, roles, pending, firstFieldRef, onChange } = props;
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const hint = (field: keyof ContactFormValues, shown: string) =>
    conflicts.includes(field) ? t("staff.conflict.serverValue", { value: shown || t("staff.notSet") }) : undefined;
  const roleLabel = roles?.find((r) => r.id === values.roleId)?.label ?? "";

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit();
  }

  return (
    <form className={layout.stackM} onSubmit={submit} noValidate>
      {TEXT_FIELDS.map(({ field, labelKey, type, required, guidanceKey }, i) => (
        <Field
          key={field}
          label={t(labelKey)}
          required={required && !readOnly}
          validationMessage={errors[field]}
          hint={hint(field, stored[field]) ?? (guidanceKey && !readOnly ? t(guidanceKey) : undefined)}
        >
          <Input
            ref={i === 0 ? firstFieldRef : undefined}
            type={type}
            value={values[field]}
            readOnly={readOnly}
            maxLength={field === "email" ? 254 : 80}
            autoComplete="off"
            onChange={(_, data) => onChange(field, data.value)}
          />
        </Field>
      ))}
      {roles !== undefined && roles.length === 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t("staff.contact.noRoles")} <Link href="#/roles">{t("shell.nav.roles")}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Field
          label={t("staff.contact.role")}
          required={!readOnly}
          validationMessage={errors.roleId}
          hint={hint("roleId", roles?.find((r) => r.id === stored.roleId)?.label ?? "")}
        >
          <Dropdown
            clearButton={{ "aria-label": t("staff.action.clearSelection") }}
            value={roleLabel}
            selectedOptions={values.roleId ? [values.roleId] : []}
            placeholder={t("staff.contact.rolePlaceholder")}
            disabled={readOnly || roles === undefined}
            onOptionSelect={(_, data) => onChange("roleId", data.optionValue ?? "")}
          >
            {(roles ?? []).map((r) => (
              <Option key={r.id} value={r.id}>
                {r.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={t("staff.contact.locale")} validationMessage={errors.preferredLocale}>
        <Select
          value={values.preferredLocale}
          disabled={readOnly}
          onChange={(_, data) => {
            const locale = localeSchema.safeParse(data.value);
            if (locale.success) onChange("preferredLocale", locale.data);
          }}
        >
          <option value="fr">{t("shell.language.fr")}</option>
          <option value="en">{t("shell.language.en")}</option>
        </Select>
      </Field>
      {!readOnly && (
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={pending}>
            {t("staff.action.ok")}
          </Button>
          <Button onClick={props.onCancel} disabled={pending}>
            {t("staff.action.cancel")}
          </Button>
        </div>
      )}
    </form>
  );
}
