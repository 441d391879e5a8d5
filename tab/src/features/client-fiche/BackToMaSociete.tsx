import { Link as FluentLink, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import { useT } from "../../i18n/context";

const useStyles = makeStyles({
  back: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, alignSelf: "flex-start" },
});

/** "Retour à Ma société". */
export function BackToMaSociete() {
  const styles = useStyles();
  const t = useT();
  return (
    <FluentLink as="a" href="#/ma-societe" className={styles.back}>
      <ArrowLeftRegular aria-hidden="true" />
      {t("client.back")}
    </FluentLink>
  );
}
