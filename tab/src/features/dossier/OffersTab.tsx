import { useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  shorthands,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleFilled, CircleRegular } from "@fluentui/react-icons";
import type { DossierDetail } from "@comptoir/shared/api/back-office";
import { OFFER_IDS, type OfferId } from "@comptoir/shared/domain/offer";
import { isApiError } from "../../api/client";
import { ApiErrorBar } from "../../components/ApiErrorBar";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatDateTime } from "../../components/format";
import { useLayoutStyles } from "../../components/layout-styles";
import { SuccessBar } from "../../components/SuccessBar";
import { useLocale, useT } from "../../i18n/context";
import { useServiceCatalogue } from "../catalogue/useServiceCatalogue";
import { useSetConsultationOffer } from "./useDossier";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "48rem" },
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(18rem, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    textAlign: "start",
    font: "inherit",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusXLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow4,
    ":hover": {
      ...shorthands.borderColor(tokens.colorBrandStroke1),
      backgroundColor: tokens.colorNeutralBackground1Hover,
    },
    ...createFocusOutlineStyle({ style: { outlineOffset: "2px" } }),
  },
  // "La vignette devient bleue": the brand colour of the current theme.
  selected: {
    backgroundColor: tokens.colorBrandBackground,
    ...shorthands.borderColor(tokens.colorBrandBackground),
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": {
      backgroundColor: tokens.colorBrandBackgroundHover,
      ...shorthands.borderColor(tokens.colorBrandBackgroundHover),
    },
  },
  tileHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase500 },
  tileText: { color: "inherit" },
  services: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface OffersTabProps {
  detail: DossierDetail;
  etag: string | null;
  /** The tile state the person chose, not saved yet; `null` = as stored. */
  choice: boolean | null;
  onChoice: (choice: boolean | null) => void;
  onReload: () => void;
}

/** A subscription refusal that the reader, an admin, can fix in Paramètres (the server says who reads it). */
function adminCanFix(error: unknown): boolean {
  return isApiError(error) && error.code === "SUBSCRIPTION_REQUIRED" && error.details?.reader === "admin";
}

/** The offers required by the active catalogue (Consultation today), as tiles; *Valider* saves the choice. */
export function OffersTab({ detail, etag, choice, onChoice, onReload }: OffersTabProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const { locale } = useLocale();
  const catalogue = useServiceCatalogue();
  const save = useSetConsultationOffer(detail.dossier.id);
  const [confirmOff, setConfirmOff] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const state = detail.dossier.offers.consultation;
  const selected = choice ?? state.active;
  const dirty = choice !== null && choice !== state.active;
  const services = (catalogue.data ?? []).filter((s) => s.active);
  const required = new Set(services.map((s) => s.requiresOffer));
  const offers: OfferId[] = catalogue.data ? OFFER_IDS.filter((id) => required.has(id)) : [...OFFER_IDS];

  function submit(active: boolean) {
    setConfirmOff(false);
    setDone(null);
    save.mutate(
      { active, etag },
      {
        onSuccess: () => {
          onChoice(null);
          setDone(t(active ? "staff.offers.activated" : "staff.offers.deactivated"));
        },
      },
    );
  }

  return (
    <div className={styles.root}>
      <Body1 as="p" className={layout.muted}>
        {t("staff.offers.intro")}
      </Body1>
      <div className={styles.tiles}>
        {offers.map((offerId) => (
          <button
            key={offerId}
            type="button"
            aria-pressed={selected}
            className={mergeClasses(styles.tile, selected && styles.selected)}
            onClick={() => {
              setDone(null);
              onChoice(!selected === state.active ? null : !selected);
            }}
          >
            <span className={styles.tileHead}>
              {selected ? <CheckmarkCircleFilled aria-hidden="true" /> : <CircleRegular aria-hidden="true" />}
              <Subtitle2 className={styles.tileText}>{t("staff.offers.consultation.title")}</Subtitle2>
            </span>
            <Body1 className={styles.tileText}>{t("staff.offers.consultation.body")}</Body1>
            {services.some((s) => s.requiresOffer === offerId) && (
              <Caption1 className={styles.tileText}>
                {t("staff.offers.includes", {
                  services: services
                    .filter((s) => s.requiresOffer === offerId)
                    .map((s) => s.label[locale])
                    .join(", "),
                })}
              </Caption1>
            )}
          </button>
        ))}
      </div>
      <Body1 as="p" className={layout.muted}>
        {state.active && state.activatedAt
          ? t("staff.offers.activeSince", {
              date: formatDateTime(locale, state.activatedAt),
              name: state.activatedBy?.name ?? "",
            })
          : t("staff.offers.inactive")}
      </Body1>
      {catalogue.isError && <ApiErrorBar error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      <ApiErrorBar
        error={save.error}
        fixAt={adminCanFix(save.error) ? { href: "#/parametres", label: t("staff.offers.openSettings") } : null}
        onReload={() => {
          save.reset();
          onReload();
        }}
      />
      <SuccessBar message={done} />
      <div className={layout.buttons}>
        <Button
          appearance="primary"
          disabled={!dirty || save.isPending}
          onClick={() => (selected ? submit(true) : setConfirmOff(true))}
        >
          {t("staff.action.validate")}
        </Button>
        <Button disabled={!dirty || save.isPending} onClick={() => onChoice(null)}>
          {t("staff.action.cancel")}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmOff}
        title={t("staff.offers.confirmOff.title")}
        confirmLabel={t("staff.offers.confirmOff.action")}
        onConfirm={() => submit(false)}
        onCancel={() => setConfirmOff(false)}
        pending={save.isPending}
      >
        {t("staff.offers.confirmOff.body", { code: detail.dossier.code })}
      </ConfirmDialog>
    </div>
  );
}
