import type { ReactNode } from "react";
import { useTableStyles } from "./table-styles";

/**
 * A wide table scrolls sideways inside its own box; the box takes the keyboard focus (arrows scroll it)
 * and is named after the table's caption.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const table = useTableStyles();
  return (
    <div className={table.scroll} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
