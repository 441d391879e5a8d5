import { makeStyles, tokens } from "@fluentui/react-components";

/** A view's toolbar: its filters on the left, its exports on the right, wrapping on narrow screens. */
export const useToolbarStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
});
