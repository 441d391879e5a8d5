import { useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Combobox,
  Field,
  makeStyles,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { DossierDetail } from "@comptoir/shared/api/back-office";
import { WHOLE_DOSSIER } from "@comptoir/shared/domain/dossier-link";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { fieldError, fieldErrorsOf } from "../../components/field-errors";
import { LimitedToField, limitedToText, type LimitedToDraft } from "../../components/LimitedToField";
import { SuccessBar } from "../../components/SuccessBar";
import { useT } from "../../i18n/context";
import { useContactSearch } from "../contacts/useContacts";
import { useAddDossierContact } from "./useDossier";

const SEARCH_DELAY_MS = 250;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "36rem",
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  flush: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

interface Picked {
  id: string;
  label: string;
}

/** The dossier's interlocuteurs, and the shortcut to add an existing one: pick, then *Valider*. */
export function DossierContactsTab({ detail }: { detail: DossierDetail }) {
  const styles = useStyles();
  const t = useT();
  const formTitleId = useId("add-contact");
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [picked, setPicked] = useState<Picked | null>(null);
  const [limitedTo, setLimitedTo] = useState<LimitedToDraft>(WHOLE_DOSSIER);
  const [done, setDone] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const search = useContactSearch(q);
  const add = useAddDossierContact(detail.dossier.id);
  const linked = new Set(detail.contacts.map((c) => c.contact.id));
  const options = (search.data?.items ?? []).filter((c) => !linked.has(c.id));
  const errors = fieldErrorsOf(add.error);
  const emptyLimitedTo = Array.isArray(limitedTo) && limitedTo.length === 0;

  useEffect(() => () => clearTimeout(timer.current), []);

  function onType(value: string) {
    setText(value);
    setPicked(null);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setQ(value), SEARCH_DELAY_MS);
  }

  function submit() {
    if (!picked || emptyLimitedTo) return;
    setDone(null);
    add.mutate(
      { contactId: picked.id, limitedTo },
      {
        onSuccess: () => {
          setDone(t("staff.dossierContacts.added", { name: picked.label }));
          setPicked(null);
          setText("");
          setLimitedTo(WHOLE_DOSSIER);
        },
      },
    );
  }

  return (
    <div className={styles.root}>
      {detail.contacts.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t("staff.dossierContacts.none")}
        </Body1>
      ) : (
        <Table aria-label={t("staff.dossierContacts.tableLabel")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("staff.contact.nom")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.contact.prenom")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.contact.email")}</TableHeaderCell>
              <TableHeaderCell>{t("staff.limitedTo.label")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.contacts.map(({ contact, link }) => (
              <TableRow key={contact.id}>
                <TableCell>{contact.nom}</TableCell>
                <TableCell>{contact.prenom}</TableCell>
                <TableCell>{contact.email}</TableCell>
                <TableCell>{limitedToText(link.limitedTo)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <section className={styles.form} aria-labelledby={formTitleId}>
        <Subtitle2 as="h2" id={formTitleId} className={styles.flush}>
          {t("staff.dossierContacts.addTitle")}
        </Subtitle2>
        <Body1 as="p" className={styles.muted}>
          {t("staff.dossierContacts.addHelp")}
        </Body1>
        <Field
          label={t("staff.dossierContacts.pick")}
          required
          validationMessage={fieldError(errors, "contactId")}
          hint={q && search.isSuccess && options.length === 0 ? t("staff.dossierContacts.noMatch") : undefined}
        >
          <Combobox
            freeform
            expandIcon={{ "aria-label": t("staff.action.openList") }}
            value={text}
            selectedOptions={picked ? [picked.id] : []}
            placeholder={t("staff.dossierContacts.pickPlaceholder")}
            onChange={(event) => onType(event.target.value)}
            onOptionSelect={(_, data) => {
              if (!data.optionValue) return;
              const label = data.optionText ?? "";
              setPicked({ id: data.optionValue, label });
              setText(label);
            }}
          >
            {options.map((c) => {
              const label = t("staff.contact.fullName", { prenom: c.prenom, nom: c.nom });
              return (
                <Option key={c.id} value={c.id} text={label}>
                  {t("staff.contact.nameAndEmail", { name: label, email: c.email })}
                </Option>
              );
            })}
          </Combobox>
        </Field>
        {detail.dossier.etablissements.length > 0 && (
          <LimitedToField
            etablissements={detail.dossier.etablissements}
            value={limitedTo}
            onChange={setLimitedTo}
            error={emptyLimitedTo ? t("validation.limitedToEmpty") : fieldError(errors, "limitedTo")}
          />
        )}
        <ApiErrorBar error={add.error} />
        <SuccessBar message={done} />
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!picked || emptyLimitedTo || add.isPending} onClick={submit}>
            {t("staff.action.validate")}
          </Button>
        </div>
      </section>
    </div>
  );
}
