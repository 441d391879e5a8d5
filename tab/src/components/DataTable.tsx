import type { ReactNode } from "react";
import { Body1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { useLayoutStyles } from "./layout-styles";

export interface TableColumn<T> {
  id: string;
  /** Already localized. */
  header: string;
  cell: (row: T, index: number) => ReactNode;
  /** On the column's header and body cells: a width, numbers aligned right… */
  className?: string;
}

/** A table is named by its own label or by a heading already on screen. */
type AccessibleName = { label: string; labelledBy?: undefined } | { labelledBy: string; label?: undefined };

type DataTableProps<T> = AccessibleName & {
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** Instead of the table when there is no row: a sentence (a muted paragraph) or an element. */
  empty?: ReactNode;
  size?: "small" | "medium";
  className?: string;
  /** The table scrolls in a focusable region of the same name, so the keyboard can scroll it too. */
  scrollClassName?: string;
};

/** A read-only table with a header row: named for screen readers, and the empty case said in words. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, rowKey, empty, size, className, scrollClassName, label, labelledBy } = props;
  const layout = useLayoutStyles();
  if (rows.length === 0 && empty !== undefined) {
    return typeof empty === "string" ? (
      <Body1 as="p" className={layout.muted}>
        {empty}
      </Body1>
    ) : (
      empty
    );
  }
  const table = (
    <Table size={size} className={className} aria-label={label} aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column.id} scope="col" className={column.className}>
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={rowKey(row, index)}>
            {columns.map((column) => (
              <TableCell key={column.id} className={column.className}>
                {column.cell(row, index)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  if (scrollClassName === undefined) return table;
  return (
    <div className={scrollClassName} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {table}
    </div>
  );
}
