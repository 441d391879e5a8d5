import { useEffect, useRef } from "react";
import { AdaptiveCard, HostConfig } from "adaptivecards";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // The card is a picture of what the client will get: its buttons are not for staff to press.
    "& button, & a": { pointerEvents: "none" },
  },
});

/** Renders an Adaptive Card with the `adaptivecards` library, as Teams would show it (read-only preview). */
export default function CardPreview({ card, label }: { card: object; label: string }) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = host.current;
    if (!target) return;
    const adaptive = new AdaptiveCard();
    adaptive.hostConfig = new HostConfig({ fontFamily: "Segoe UI, system-ui, sans-serif" });
    adaptive.parse(card);
    const rendered = adaptive.render();
    rendered?.querySelectorAll("button, a").forEach((el) => el.setAttribute("tabindex", "-1"));
    target.replaceChildren(...(rendered ? [rendered] : []));
    return () => target.replaceChildren();
  }, [card]);
  return <div ref={host} className={styles.frame} role="img" aria-label={label} />;
}
