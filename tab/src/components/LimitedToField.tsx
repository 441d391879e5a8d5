import {
  Checkbox,
  Field,
  FieldContextProvider,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import type { Etablissement } from "@comptoir/shared/domain/dossier";
import { WHOLE_DOSSIER } from "@comptoir/shared/domain/dossier-link";
import { useT } from "../i18n/context";

/** "-" (the whole dossier) or the codes picked; an empty list means "some", none ticked yet. */
export type LimitedToDraft = typeof WHOLE_DOSSIER | string[];

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    marginLeft: tokens.spacingHorizontalXXL,
  },
});

interface LimitedToFieldProps {
  etablissements: readonly Etablissement[];
  value: LimitedToDraft;
  onChange: (value: LimitedToDraft) => void;
  /** Already localized (from the server's `fields`, or the local check). */
  error?: string;
}

/** *Limité à*: the whole dossier ("-", the default) or some of its établissements. */
export function LimitedToField({ etablissements, value, onChange, error }: LimitedToFieldProps) {
  const t = useT();
  const styles = useStyles();
  const some = value !== WHOLE_DOSSIER;
  const picked = new Set(some ? value : []);
  return (
    <Field
      label={t("staff.limitedTo.label")}
      hint={etablissements.length === 0 ? t("staff.limitedTo.noEtablissement") : undefined}
      validationMessage={error}
    >
      <RadioGroup
        value={some ? "some" : WHOLE_DOSSIER}
        onChange={(_, data) => onChange(data.value === "some" ? [] : WHOLE_DOSSIER)}
      >
        <Radio value={WHOLE_DOSSIER} label={t("staff.limitedTo.whole")} />
        <Radio value="some" label={t("staff.limitedTo.some")} disabled={etablissements.length === 0} />
      </RadioGroup>
      {some && (
        // Out of the Field's context: inside it, every checkbox took the Field's control id and label, so none
        // was named by its établissement (issue 18: a screen reader could not tell them apart).
        <FieldContextProvider value={undefined}>
          <div className={styles.list} role="group" aria-label={t("staff.limitedTo.some")}>
            {etablissements.map((e) => (
              <Checkbox
                key={e.code}
                label={t("staff.limitedTo.etablissement", { code: e.code, name: e.name })}
                checked={picked.has(e.code)}
                onChange={(_, data) =>
                  onChange(data.checked ? [...picked, e.code] : [...picked].filter((code) => code !== e.code))
                }
              />
            ))}
          </div>
        </FieldContextProvider>
      )}
    </Field>
  );
}

/** "-" or "001, 002" as shown in the *Limité à* column. */
export function limitedToText(limitedTo: LimitedToDraft): string {
  return limitedTo === WHOLE_DOSSIER ? WHOLE_DOSSIER : limitedTo.join(", ");
}
