import { Body1, makeStyles, Title1, tokens } from "@fluentui/react-components";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLayoutStyles } from "../../components/layout-styles";
import { useT } from "../../i18n/context";
import { DEFAULT_SOCIETES_QUERY } from "../client-home/societes-query";
import { useClientSocietes } from "../client-home/useClientSocietes";
import { BackToMaSociete } from "./BackToMaSociete";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "40rem" },
});

/** The fiche answered CLIENT_NO_ACCESS: the access was revoked (or never existed). */
export function NoLongerAccess() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const title = t("client.revoked.title");
  useDocumentTitle(title);
  // Only to name the firm; the page reads fine without it.
  const firmName = useClientSocietes(DEFAULT_SOCIETES_QUERY).data?.firmName;
  return (
    <div className={styles.root}>
      <Title1 as="h1" className={layout.flush}>
        {title}
      </Title1>
      <Body1 as="p" className={layout.muted}>
        {firmName ? t("client.revoked.bodyFirm", { firm: firmName }) : t("client.revoked.body")}
      </Body1>
      <BackToMaSociete />
    </div>
  );
}
