import { useState, type FormEvent } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Subtitle1,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { FirmSettings } from "@comptoir/shared/domain/firm-settings";
import { useDocumentTitle } from "../../app/useDocumentTitle";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { fieldError, fieldErrorsOf } from "../../components/field-errors";
import { formatDay } from "../../components/format";
import { LoadingRows } from "../../components/LoadingRows";
import { SuccessBar } from "../../components/SuccessBar";
import { UnsavedChangesGuard } from "../../components/UnsavedChangesGuard";
import { useDraft } from "../../components/useDraft";
import { useLocale, useT } from "../../i18n/context";
import { parseMaxDossiers, serviceField, settingsBody, settingsValues, type SettingsValues } from "./settings-form";
import { useSaveSettings, useSettings } from "./useSettings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, maxWidth: "60rem" },
  flush: { margin: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(16rem, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  idCell: { fontFamily: tokens.fontFamilyMonospace },
});

/** Paramètres (Firm.Admin): firm name, the Consultation subscription and the service catalogue. */
export default function SettingsPage() {
  const t = useT();
  const title = t("shell.nav.settings");
  useDocumentTitle(title);
  const styles = useStyles();
  const settings = useSettings();

  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.flush}>
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
  const t = useT();
  const { locale } = useLocale();
  const subscriptionId = useId("subscription");
  const firmId = useId("firm");
  const catalogueId = useId("catalogue");
  const save = useSaveSettings();
  const draft = useDraft<SettingsValues>("settings", settingsValues(settings));
  const [done, setDone] = useState<string | null>(null);
  const values = draft.values ?? settingsValues(settings);
  const errors = fieldErrorsOf(save.error);
  const text = (field: string) => (typeof values[field] === "string" ? values[field] : "");
  const maxInvalid = parseMaxDossiers(text("maxDossiers")) === undefined;
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
    const body = settingsBody(settings, values);
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
    <form onSubmit={submit} noValidate className={styles.root}>
      <section className={styles.section} aria-labelledby={firmId}>
        <Subtitle1 as="h2" id={firmId} className={styles.flush}>
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

      <section className={styles.section} aria-labelledby={subscriptionId}>
        <Subtitle1 as="h2" id={subscriptionId} className={styles.flush}>
          {t("staff.settings.subscription")}
        </Subtitle1>
        <Body1 as="p" className={styles.muted}>
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

      <section className={styles.section} aria-labelledby={catalogueId}>
        <Subtitle1 as="h2" id={catalogueId} className={styles.flush}>
          {t("staff.settings.catalogue")}
        </Subtitle1>
        <Body1 as="p" className={styles.muted}>
          {t("staff.settings.catalogue.help")}
        </Body1>
        <Table aria-labelledby={catalogueId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("staff.settings.service.id")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.settings.service.labelFr")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.settings.service.labelEn")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.settings.service.active")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {settings.services.map((s, i) => (
              <TableRow key={s.id}>
                <TableCell className={styles.idCell}>{s.id}</TableCell>
                <TableCell>
                  <Field validationMessage={fieldError(errors, `services.${i}.label.fr`)}>
                    <Input
                      aria-label={t("staff.settings.service.labelFrOf", { id: s.id })}
                      value={text(serviceField(s.id, "fr"))}
                      maxLength={120}
                      onChange={(_, data) => set(serviceField(s.id, "fr"), data.value)}
                    />
                  </Field>
                </TableCell>
                <TableCell>
                  <Field validationMessage={fieldError(errors, `services.${i}.label.en`)}>
                    <Input
                      aria-label={t("staff.settings.service.labelEnOf", { id: s.id })}
                      value={text(serviceField(s.id, "en"))}
                      maxLength={120}
                      onChange={(_, data) => set(serviceField(s.id, "en"), data.value)}
                    />
                  </Field>
                </TableCell>
                <TableCell>
                  <Switch
                    aria-label={t("staff.settings.service.activeOf", { id: s.id })}
                    checked={values[serviceField(s.id, "active")] === true}
                    onChange={(_, data) => set(serviceField(s.id, "active"), data.checked)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <ApiErrorBar
        error={save.error}
        onReload={() => {
          save.reset();
          onReload();
        }}
      />
      <SuccessBar message={done} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!draft.dirty || maxInvalid || save.isPending}>
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
