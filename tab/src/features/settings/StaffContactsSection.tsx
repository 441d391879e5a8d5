import { Body1, Field, Input, Subtitle1, useId } from "@fluentui/react-components";
import type { Actor } from "@comptoir/shared/domain/common";
import type { StaffContact } from "@comptoir/shared/domain/firm-settings";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { DataTable } from "../../components/DataTable";
import { fieldError } from "../../components/field-errors";
import { useLayoutStyles } from "../../components/layout-styles";
import { LoadingRows } from "../../components/LoadingRows";
import { useT } from "../../i18n/context";
import { staffContacts, staffField } from "./settings-form";

/** Message keys written out whole, so that the catalogue test finds each one. */
const DETAIL_KEYS = {
  email: { headerKey: "staff.settings.staffContacts.email", labelKey: "staff.settings.staffContacts.emailOf" },
  phone: { headerKey: "staff.settings.staffContacts.phone", labelKey: "staff.settings.staffContacts.phoneOf" },
} as const;

interface StaffContactsSectionProps {
  people: readonly Actor[];
  loading: boolean;
  loadError: unknown;
  onRetry: () => void;
  /** The form's current text of a field. */
  text: (field: string) => string;
  /** The server's field errors of the last save (paths into the saved `staffContacts`). */
  errors: Record<string, string>;
  stored: readonly StaffContact[];
  onChange: (field: string, value: string) => void;
}

/**
 * "Coordonnées des collaborateurs": the e-mail and phone clients see on the fiche société of the dossiers a
 * collaborateur is responsible for (issue 18). Left blank, nothing is shown to clients.
 */
export function StaffContactsSection(props: StaffContactsSectionProps) {
  const { people, loading, loadError, onRetry, text, errors, onChange } = props;
  const layout = useLayoutStyles();
  const t = useT();
  const titleId = useId("staff-contacts");
  // A save sends only the collaborateurs with some detail: the server's error paths count those.
  const values = Object.fromEntries(
    people.flatMap((p) => [
      [staffField(p.oid, "email"), text(staffField(p.oid, "email"))],
      [staffField(p.oid, "phone"), text(staffField(p.oid, "phone"))],
    ]),
  );
  const sentIndex = new Map(staffContacts(people, values).map((c, i) => [c.oid, i]));
  const errorOf = (oid: string, part: "email" | "phone") => {
    const i = sentIndex.get(oid);
    return i === undefined ? undefined : fieldError(errors, `staffContacts.${i}.${part}`);
  };

  /** An editable column of one detail (e-mail or phone), each input named after its collaborateur. */
  const detailColumn = (part: keyof typeof DETAIL_KEYS, input: { type: "email" | "tel"; maxLength: number }) => ({
    id: part,
    header: t(DETAIL_KEYS[part].headerKey),
    cell: (p: Actor) => (
      <Field validationMessage={errorOf(p.oid, part)}>
        <Input
          type={input.type}
          aria-label={t(DETAIL_KEYS[part].labelKey, { name: p.name })}
          value={text(staffField(p.oid, part))}
          maxLength={input.maxLength}
          onChange={(_, data) => onChange(staffField(p.oid, part), data.value)}
        />
      </Field>
    ),
  });

  return (
    <section className={layout.panel} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={layout.flush}>
        {t("staff.settings.staffContacts")}
      </Subtitle1>
      <Body1 as="p" className={layout.muted}>
        {t("staff.settings.staffContacts.help")}
      </Body1>
      {loadError ? (
        <ApiErrorBar error={loadError} onRetry={onRetry} />
      ) : loading ? (
        <LoadingRows rows={2} />
      ) : (
        <DataTable
          labelledBy={titleId}
          rows={[...people]}
          rowKey={(p) => p.oid}
          empty={t("staff.settings.staffContacts.empty")}
          columns={[
            { id: "name", header: t("staff.settings.staffContacts.name"), cell: (p) => p.name },
            detailColumn("email", { type: "email", maxLength: 254 }),
            detailColumn("phone", { type: "tel", maxLength: 40 }),
          ]}
        />
      )}
    </section>
  );
}
