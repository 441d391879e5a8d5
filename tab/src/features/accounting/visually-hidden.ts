import { makeStyles } from "@fluentui/react-components";

/** Read by screen readers, not shown: the data tables behind the charts, live announcements. */
export const useVisuallyHidden = makeStyles({
  root: {
    position: "absolute",
    width: "1px",
    height: "1px",
    padding: 0,
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
