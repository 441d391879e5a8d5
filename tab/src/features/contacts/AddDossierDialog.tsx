import { useState } from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  SearchBox,
  Spinner,
} from "@fluentui/react-components";
import { WHOLE_DOSSIER } from "@comptoir/shared/domain/dossier-link";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { fieldError, fieldErrorsOf } from "../../components/field-errors";
import { useLayoutStyles } from "../../components/layout-styles";
import { LimitedToField, type LimitedToDraft } from "../../components/LimitedToField";
import { useDebounced } from "../../components/useDebounced";
import { useT } from "../../i18n/context";
import { useDossier } from "../dossier/useDossier";
import { useDossierSearch } from "../portfolio/usePortfolio";
import { useLinkDossier } from "./useContacts";

const SEARCH_DELAY_MS = 250;

const useStyles = makeStyles({
  results: { maxHeight: "16rem", overflowY: "auto" },
});

interface AddDossierDialogProps {
  contactId: string;
  /** Dossiers the contact already has. */
  linked: readonly string[];
  onClose: () => void;
  onAdded: (dossier: string) => void;
}

/** *Ajouter* in *Dossiers client*: find a dossier by code or name, keep *Limité à* at "-" or narrow it. */
export function AddDossierDialog({ contactId, linked, onClose, onAdded }: AddDossierDialogProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const [text, setText] = useState("");
  const q = useDebounced(text, SEARCH_DELAY_MS);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [limitedTo, setLimitedTo] = useState<LimitedToDraft>(WHOLE_DOSSIER);
  const search = useDossierSearch(q);
  const picked = useDossier(pickedId ?? "");
  const link = useLinkDossier(contactId);
  const results = search.data?.items ?? [];
  const pickedDossier = pickedId ? picked.data?.data.dossier : undefined;
  const emptyLimitedTo = Array.isArray(limitedTo) && limitedTo.length === 0;
  const errors = fieldErrorsOf(link.error);

  function submit() {
    if (!pickedId || emptyLimitedTo) return;
    const shown = results.find((d) => d.id === pickedId);
    const name = shown ? t("staff.dossier.codeAndName", { code: shown.code, name: shown.name }) : "";
    link.mutate({ dossierId: pickedId, limitedTo }, { onSuccess: () => onAdded(name) });
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("staff.contactDossiers.addTitle")}</DialogTitle>
          <DialogContent className={layout.stackM}>
            <Field label={t("staff.contactDossiers.search")}>
              <SearchBox
                dismiss={{ "aria-label": t("staff.action.clearSearch") }}
                value={text}
                placeholder={t("staff.contactDossiers.searchPlaceholder")}
                onChange={(_, data) => setText(data.value)}
              />
            </Field>
            {search.isPending ? (
              <Spinner size="tiny" label={t("staff.loading")} />
            ) : results.length === 0 ? (
              <Body1 as="p" className={layout.muted}>
                {t("staff.contactDossiers.noMatch")}
              </Body1>
            ) : (
              <Field label={t("staff.contactDossiers.results")} validationMessage={fieldError(errors, "dossierId")}>
                <RadioGroup
                  className={styles.results}
                  value={pickedId ?? ""}
                  onChange={(_, data) => {
                    setPickedId(data.value);
                    setLimitedTo(WHOLE_DOSSIER);
                  }}
                >
                  {results.map((d) => (
                    <Radio
                      key={d.id}
                      value={d.id}
                      disabled={linked.includes(d.id)}
                      label={
                        linked.includes(d.id)
                          ? t("staff.contactDossiers.alreadyLinked", { code: d.code, name: d.name })
                          : t("staff.dossier.codeAndName", { code: d.code, name: d.name })
                      }
                    />
                  ))}
                </RadioGroup>
              </Field>
            )}
            {pickedDossier && (
              <LimitedToField
                etablissements={pickedDossier.etablissements}
                value={limitedTo}
                onChange={setLimitedTo}
                error={emptyLimitedTo ? t("validation.limitedToEmpty") : fieldError(errors, "limitedTo")}
              />
            )}
            <ApiErrorBar error={link.error} />
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={submit}
              disabled={!pickedId || !pickedDossier || emptyLimitedTo || link.isPending}
            >
              {t("staff.action.ok")}
            </Button>
            <Button onClick={onClose}>{t("staff.action.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
