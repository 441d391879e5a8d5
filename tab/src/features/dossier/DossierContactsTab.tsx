import { useState } from "react";
import {
  Body1,
  Button,
  Combobox,
  Field,
  makeStyles,
  mergeClasses,
  Option,
  Subtitle2,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { DossierDetail } from "@comptoir/shared/api/back-office";
import { WHOLE_DOSSIER } from "@comptoir/shared/domain/dossier-link";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable } from "../../components/DataTable";
import { fieldError, fieldErrorsOf } from "../../components/field-errors";
import { useLayoutStyles } from "../../components/layout-styles";
import { LimitedToField, limitedToText, type LimitedToDraft } from "../../components/LimitedToField";
import { SuccessBar } from "../../components/SuccessBar";
import { useDebounced } from "../../components/useDebounced";
import { useT } from "../../i18n/context";
import { useContactSearch } from "../contacts/useContacts";
import { useAddDossierContact } from "./useDossier";

const SEARCH_DELAY_MS = 250;

const useStyles = makeStyles({
  form: {
    maxWidth: "36rem",
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

interface Picked {
  id: string;
  label: string;
}

/** The dossier's interlocuteurs, and the shortcut to add an existing one: pick, then *Valider*. */
export function DossierContactsTab({ detail }: { detail: DossierDetail }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const formTitleId = useId("add-contact");
  // The combobox shows `text`; only typing (`typed`) searches, not the label a pick or Valider puts there.
  const [text, setText] = useState("");
  const [typed, setTyped] = useState("");
  const q = useDebounced(typed, SEARCH_DELAY_MS);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [limitedTo, setLimitedTo] = useState<LimitedToDraft>(WHOLE_DOSSIER);
  const [done, setDone] = useState<string | null>(null);
  const search = useContactSearch(q);
  const add = useAddDossierContact(detail.dossier.id);
  const linked = new Set(detail.contacts.map((c) => c.contact.id));
  const options = (search.data?.items ?? []).filter((c) => !linked.has(c.id));
  const errors = fieldErrorsOf(add.error);
  const emptyLimitedTo = Array.isArray(limitedTo) && limitedTo.length === 0;

  function onType(value: string) {
    setText(value);
    setTyped(value);
    setPicked(null);
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
    <div className={layout.stackXL}>
      <DataTable
        label={t("staff.dossierContacts.tableLabel")}
        rows={detail.contacts}
        rowKey={({ contact }) => contact.id}
        empty={t("staff.dossierContacts.none")}
        columns={[
          { id: "nom", header: t("staff.contact.nom"), cell: ({ contact }) => contact.nom },
          { id: "prenom", header: t("staff.contact.prenom"), cell: ({ contact }) => contact.prenom },
          { id: "email", header: t("staff.contact.email"), cell: ({ contact }) => contact.email },
          { id: "limitedTo", header: t("staff.limitedTo.label"), cell: ({ link }) => limitedToText(link.limitedTo) },
        ]}
      />

      <section className={mergeClasses(layout.stackM, styles.form)} aria-labelledby={formTitleId}>
        <Subtitle2 as="h2" id={formTitleId} className={layout.flush}>
          {t("staff.dossierContacts.addTitle")}
        </Subtitle2>
        <Body1 as="p" className={layout.muted}>
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
        <div className={layout.buttons}>
          <Button appearance="primary" disabled={!picked || emptyLimitedTo || add.isPending} onClick={submit}>
            {t("staff.action.validate")}
          </Button>
        </div>
      </section>
    </div>
  );
}
