import { useState, type FormEvent } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Subtitle1,
  Switch,
  Title1,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { FirmSettings } from "@comptoir/shared/domain/firm-settings";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable } from "../../components/DataTable";
import { fieldError, fieldErrorsOf } from "../../components/field-errors";
import { formatDay } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { SuccessBar } from "../../components/SuccessBar";
import { UnsavedChangesGuard } from "../../components/UnsavedChangesGuard";
import { useDraft } from "../../components/useDraft";
import { useLocale, useT } from "../../i18n/context";
import {
  collaborateursOf,
  parseMaxDossiers,
  parseRetentionDays,
  serviceField,
  settingsBody,
  settingsValues,
  type SettingsValues,
} from "./settings-form";
import { StaffContactsSection } from "./StaffContactsSection";
import { RetentionSection } from "./RetentionSection";
import { useCollaborateurs, useSaveSettings, useSettings } from "./useSettings";

const useStyles = makeStyles({
  root: { maxWidth: "60rem" },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(16rem, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
});

/** Paramètres (Firm.Admin): firm name, the Consultation subscription and the service catalogue. */
export default function SettingsPage() {
  const t = useT();
  const title = t("shell.nav.settings");
  useDocumentTitle(title);
  const styles = useStyles();
  const layout = useLayoutStyles();
  const settings = useSettings();

  return (
    <div className={mergeClasses(layout.stackXL, styles.root)}>
      <Title1 as="h1" className={layout.flush}>
        {title}
      </Title1>
      {settings.isPending ? (
        <LoadingRows rows={6} />
      ) : settings.isError ? (
        <ApiErrorBar error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm
          settings={settings.data.data}
          etag={settings.data.etag}
          onReload={() => void settings.refetch()}
        />
      )}
    </div>
  );
}

interface SettingsFormProps {
  settings: FirmSettings;
  etag: string | null;
  onReload: () => void;
}

function SettingsForm({ settings, etag, onReload }: SettingsFormProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const subscriptionId = useId("subscription");
  const firmId = useId("firm");
  const catalogueId = useId("catalogue");
  const save = useSaveSettings();
  const responsibles = useCollaborateurs();
  const people = collaborateursOf(settings, responsibles.data?.data.items ?? []);
  const draft = useDraft<SettingsValues>("settings", settingsValues(settings));
  const [done, setDone] = useState<string | null>(null);
  const values = draft.values ?? settingsValues(settings);
  const errors = fieldErrorsOf(save.error);
  const text = (field: string) => (typeof values[field] === "string" ? values[field] : "");
  const maxInvalid = parseMaxDossiers(text("maxDossiers")) === undefined;
  const retentionInvalid = parseRetentionDays(text("logRetentionDays")) === undefined;
  const storedUntil = settings.subscriptions.consultation.until;

  /** Someone else saved this field while the person was editing it. */
  const elsewhereHint = (field: string, shown: string) =>
    draft.conflicts.includes(field) ? t("staff.conflict.serverValue", { value: shown }) : undefined;

  function set(field: string, value: string | boolean) {
    setDone(null);
    draft.set(field, value);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = settingsBody(settings, values, people);
    if (!body) return;
    setDone(null);
    save.mutate(
      { settings: body, etag },
      {
        onSuccess: () => {
          draft.reset();
          setDone(t("staff.settings.saved"));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className={mergeClasses(layout.stackXL, styles.root)}>
      <section className={layout.panel} aria-labelledby={firmId}>
        <Subtitle1 as="h2" id={firmId} className={layout.flush}>
          {t("staff.settings.firm")}
        </Subtitle1>
        <Field
          label={t("staff.settings.name")}
          required
          validationMessage={fieldError(errors, "name")}
          hint={elsewhereHint("name", settings.name)}
        >
          <Input value={text("name")} maxLength={120} onChange={(_, data) => set("name", data.value)} />
        </Field>
      </section>

      <section className={layout.panel} aria-labelledby={subscriptionId}>
        <Subtitle1 as="h2" id={subscriptionId} className={layout.flush}>
          {t("staff.settings.subscription")}
        </Subtitle1>
        <Body1 as="p" className={layout.muted}>
          {settings.subscriptions.consultation.active
            ? storedUntil
              ? t("staff.settings.subscription.activeUntil", { date: formatDay(locale, storedUntil) })
              : t("staff.settings.subscription.active")
            : t("staff.settings.subscription.inactive")}
        </Body1>
        <Switch
          label={t("staff.settings.subscription.switch")}
          checked={values.active === true}
          onChange={(_, data) => set("active", data.checked)}
        />
        <div className={styles.fields}>
          <Field
            label={t("staff.settings.maxDossiers")}
            hint={
              elsewhereHint("maxDossiers", String(settings.subscriptions.consultation.maxDossiers ?? "")) ??
              t("staff.settings.maxDossiers.hint")
            }
            validationMessage={
              maxInvalid ? t("validation.notInteger") : fieldError(errors, "subscriptions.consultation.maxDossiers")
            }
          >
            <Input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={text("maxDossiers")}
              onChange={(_, data) => set("maxDossiers", data.value)}
            />
          </Field>
          <Field
            label={t("staff.settings.until")}
            hint={elsewhereHint("until", storedUntil ?? "") ?? t("staff.settings.until.hint")}
            validationMessage={fieldError(errors, "subscriptions.consultation.until")}
          >
            <Input type="date" value={text("until")} onChange={(_, data) => set("until", data.value)} />
          </Field>
        </div>
      </section>

      <section className={layout.panel} aria-labelledby={catalogueId}>
        <Subtitle1 as="h2" id={catalogueId} className={layout.flush}>
          {t("staff.settings.catalogue")}
        </Subtitle1>
        <Body1 as="p" className={layout.muted}>
          {t("staff.settings.catalogue.help")}
        </Body1>
        <DataTable
          labelledBy={catalogueId}
          rows={settings.services}
          rowKey={(s) => s.id}
          columns={[
            {
              id: "id",
              header: t("staff.settings.service.id"),
              cell: (s) => <span className={layout.mono}>{s.id}</span>,
            },
            {
              id: "labelFr",
              header: t("staff.settings.service.labelFr"),
              cell: (s, i) => (
                <Field validationMessage={fieldError(errors, `services.${i}.label.fr`)}>
                  <Input
                    aria-label={t("staff.settings.service.labelFrOf", { id: s.id })}
                    value={text(serviceField(s.id, "fr"))}
                    maxLength={120}
                    onChange={(_, data) => set(serviceField(s.id, "fr"), data.value)}
                  />
                </Field>
              ),
            },
            {
              id: "labelEn",
              header: t("staff.settings.service.labelEn"),
              cell: (s, i) => (
                <Field validationMessage={fieldError(errors, `services.${i}.label.en`)}>
                  <Input
                    aria-label={t("staff.settings.service.labelEnOf", { id: s.id })}
                    value={text(serviceField(s.id, "en"))}
                    maxLength={120}
                    onChange={(_, data) => set(serviceField(s.id, "en"), data.value)}
                  />
                </Field>
              ),
            },
            {
              id: "active",
              header: t("staff.settings.service.active"),
              cell: (s) => (
                <Switch
                  aria-label={t("staff.settings.service.activeOf", { id: s.id })}
                  checked={values[serviceField(s.id, "active")] === true}
                  onChange={(_, data) => set(serviceField(s.id, "active"), data.checked)}
                />
              ),
            },
          ]}
        />
      </section>

      <StaffContactsSection
        people={people}
        loading={responsibles.isPending}
        loadError={responsibles.error}
        onRetry={() => void responsibles.refetch()}
        text={text}
        errors={errors}
        stored={settings.staffContacts}
        onChange={set}
      />

      <RetentionSection
        value={text("logRetentionDays")}
        invalid={retentionInvalid}
        error={fieldError(errors, "logRetentionDays")}
        hint={elsewhereHint("logRetentionDays", String(settings.logRetentionDays))}
        onChange={(value) => set("logRetentionDays", value)}
      />

      <ApiErrorBar
        error={save.error}
        onReload={() => {
          save.reset();
          onReload();
        }}
      />
      <SuccessBar message={done} />
      <div className={layout.buttons}>
        <Button
          appearance="primary"
          type="submit"
          disabled={!draft.dirty || maxInvalid || retentionInvalid || save.isPending}
        >
          {t("staff.action.save")}
        </Button>
        <Button disabled={!draft.dirty || save.isPending} onClick={() => draft.reset()}>
          {t("staff.action.discard")}
        </Button>
      </div>
      <UnsavedChangesGuard when={draft.dirty} />
    </form>
  );
}
