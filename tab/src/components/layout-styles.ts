import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The layout pieces the screens share, so they line up and a spacing changes in one place.
 * Combine them (or add a screen's own class) with `mergeClasses`, never by joining strings.
 */
export const useLayoutStyles = makeStyles({
  /** A page or a tab: its parts one under the other. */
  stackL: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  /** A section, a form or a dialog body: closer parts. */
  stackM: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** Sections that stand apart. */
  stackXL: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  /** Small items listed in a table cell. */
  cellList: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  /** A flex or grid child that may be narrower than its content (a wide grid scrolls instead). */
  shrink: { minWidth: 0 },
  // Headings and paragraphs keep their browser margins otherwise, which doubles the flex gap.
  flush: { margin: 0 },
  /** Secondary text: help, "nothing yet". */
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  /** Text that stands for a missing value. */
  subtle: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  /** A heading and the badges beside it. */
  titleRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  /** Buttons side by side. */
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  /** A list's search and filters, aligned on their inputs, then `count` on the right. */
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  count: { marginLeft: "auto", color: tokens.colorNeutralForeground2 },
  /** A bordered block: a form section, the side pane. */
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  /** A definition list of facts (SIREN, address…) in as many columns as fit. */
  facts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(15rem, 1fr))",
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, color: tokens.colorNeutralForeground1 },
});
