import { makeStyles, tokens } from "@fluentui/react-components";

/** Native tables (caption, scope, colgroups) dressed with the theme's tokens, like Fluent's Table. */
export const useTableStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    verticalAlign: "bottom",
    whiteSpace: "nowrap",
  },
  group: { textAlign: "center", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "middle",
  },
  rowHeader: { fontWeight: tokens.fontWeightRegular, textAlign: "left" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  code: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  sectionRow: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  subtotal: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  total: {
    fontWeight: tokens.fontWeightBold,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  auxRow: { color: tokens.colorNeutralForeground2 },
  indent: { paddingLeft: tokens.spacingHorizontalXXL },
  /** Auxiliary accounts sit under their collective, past its expand button. */
  auxIndent: { paddingLeft: "3.5rem" },
  muted: { color: tokens.colorNeutralForeground3 },
});
