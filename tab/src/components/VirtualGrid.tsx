import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { ArrowSortDownRegular, ArrowSortUpRegular } from "@fluentui/react-icons";
import { nextGridPosition, type GridPosition } from "./grid-keyboard";
import { useVirtualRows } from "./useVirtualRows";

export const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;
/** Load the next page when the rendered rows come this close to the end of what is loaded. */
const PREFETCH_ROWS = 40;

export type SortDirection = "ascending" | "descending";

export interface GridColumn<T> {
  id: string;
  /** Already localized. */
  header: string;
  /** A CSS grid track, e.g. `8rem` or `minmax(12rem, 2fr)`. */
  width: string;
  cell: (item: T) => ReactNode;
  /** Sortable columns get a header button and `aria-sort` when they hold the current sort. */
  sort?: { direction: SortDirection | null; onToggle: () => void };
  /** Shown in the header cell instead of `header` (which stays its title), e.g. the select-all checkbox. */
  headerContent?: ReactNode;
}

/** A multi-selection: rows carry `aria-selected`, Space toggles the active row (or, on the header row, all). */
export interface GridSelection {
  keys: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onToggleAll: () => void;
}

export interface VirtualGridProps<T> {
  /** Accessible name of the grid, already localized. */
  label: string;
  columns: readonly GridColumn<T>[];
  /** The rows loaded so far, in order. */
  items: readonly T[];
  /** Every row on the server; rows past `items` show a skeleton until their page arrives. */
  total: number;
  rowKey: (item: T) => string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Enter or a click on a row. */
  onOpen: (item: T) => void;
  /** The row shown as selected (`aria-selected`), if the grid has a selection. */
  selectedKey?: string | null;
  height?: string;
  /** When it changes (a new search or sort), the grid scrolls back to its first row. */
  scrollResetKey?: string;
  /** With a multi-selection, `selectedKey` marks the open row with `aria-current` instead. */
  selection?: GridSelection;
}

const useStyles = makeStyles({
  grid: {
    position: "relative",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    contain: "strict",
    ...createFocusOutlineStyle(),
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "grid",
    alignItems: "center",
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    minWidth: "fit-content",
  },
  bodyRow: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundSelected },
  },
  activeRow: { backgroundColor: tokens.colorSubtleBackgroundHover },
  cell: {
    padding: `0 ${tokens.spacingHorizontalM}`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    height: "100%",
    display: "flex",
    alignItems: "center",
    boxSizing: "border-box",
    minWidth: 0,
  },
  activeCell: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  headerCell: { fontWeight: tokens.fontWeightSemibold },
  headerText: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  // The whole header cell sorts, not just its text.
  sortButton: {
    display: "flex",
    alignItems: "center",
    width: "100%",
    height: "100%",
    minWidth: 0,
    gap: tokens.spacingHorizontalXS,
    border: "none",
    background: "none",
    padding: `${tokens.spacingVerticalXS} 0`,
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":hover": { color: tokens.colorBrandForeground1 },
    ...createFocusOutlineStyle(),
  },
  placeholder: {
    display: "block",
    width: "60%",
    height: "12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralStencil1,
  },
});

const gridCellId = (gridId: string, row: number, col: number) => `${gridId}-r${row}-c${col}`;

interface GridRowProps<T> {
  gridId: string;
  /** `undefined` while its page is loading. */
  item: T | undefined;
  index: number;
  top: number;
  template: string;
  columns: readonly GridColumn<T>[];
  /** The active cell's column when this row holds it, else -1. */
  activeCol: number;
  selected: boolean | undefined;
  /** The open row, when `aria-selected` tells the multi-selection. */
  current?: boolean;
  onRowClick: (index: number) => void;
}

/** One body row; memoized, so scrolling renders only the rows that come into view. */
function GridRowView<T>({
  gridId,
  item,
  index,
  top,
  template,
  columns,
  activeCol,
  selected,
  current,
  onRowClick,
}: GridRowProps<T>) {
  const styles = useStyles();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-current={current || undefined}
      className={mergeClasses(
        styles.row,
        styles.bodyRow,
        activeCol >= 0 && styles.activeRow,
        (current ?? selected) && styles.selected,
      )}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      onClick={() => onRowClick(index)}
    >
      {columns.map((column, c) => (
        <div
          key={column.id}
          id={gridCellId(gridId, index, c)}
          role="gridcell"
          aria-colindex={c + 1}
          className={mergeClasses(styles.cell, c === activeCol && styles.activeCell)}
        >
          {/* A still block, not an animated skeleton: dozens of them pass by at each frame of a fast scroll. */}
          {item === undefined ? <span className={styles.placeholder} /> : column.cell(item)}
        </div>
      ))}
    </div>
  );
}
const GridRow = memo(GridRowView) as typeof GridRowView;

/**
 * A virtualized data grid (`role="grid"`): only the visible rows are in the DOM, so 10,000 rows
 * scroll as smoothly as 10. Focus stays on the grid and the active cell is named by
 * `aria-activedescendant`; arrows, Home/End (Ctrl for the first/last row), PageUp/PageDown move it,
 * Enter opens the row; with a `selection`, Space toggles it (all loaded rows on the header row). Pages load
 * as the rows near the end of what is loaded come into view.
 */
export function VirtualGrid<T>(props: VirtualGridProps<T>) {
  const {
    label,
    columns,
    items,
    total,
    rowKey,
    hasMore,
    loadingMore,
    onLoadMore,
    onOpen,
    selectedKey,
    scrollResetKey,
    selection,
  } = props;
  const styles = useStyles();
  const gridId = useId("grid");
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  const [focused, setFocused] = useState(false);

  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualRows({
    count: total,
    getScrollElement,
    rowHeight: ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
  });
  const virtualRows = virtualizer.items;
  const lastVisible = virtualRows.at(-1)?.index ?? -1;

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scrollResetKey]);

  useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= items.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastVisible, items.length, onLoadMore]);

  const template = columns.map((c) => c.width).join(" ");
  const onRowClick = useCallback(
    (index: number) => {
      setActive((a) => ({ row: index, col: a.col }));
      const item = items[index];
      if (item !== undefined) onOpen(item);
    },
    [items, onOpen],
  );
  // Row -1 is the header row: its sort buttons are reached with the arrows, not with Tab.
  const row = Math.max(-1, Math.min(active.row, total - 1));
  const col = Math.min(active.col, columns.length - 1);
  const cellId = (r: number, c: number) => gridCellId(gridId, r, c);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === " ") {
      const sort = row === -1 ? columns[col]?.sort : undefined;
      const item = items[row];
      if (sort) sort.onToggle();
      else if (selection && event.key === " " && row === -1) selection.onToggleAll();
      else if (selection && event.key === " " && item !== undefined) selection.onToggle(rowKey(item));
      else if (item !== undefined) onOpen(item);
      else return;
      event.preventDefault();
      return;
    }
    const pageRows = Math.floor(((scrollRef.current?.clientHeight ?? ROW_HEIGHT) - HEADER_HEIGHT) / ROW_HEIGHT) - 1;
    const bounds = { rows: total + 1, cols: columns.length, pageRows };
    const next = nextGridPosition(event, { row: row + 1, col }, bounds);
    if (!next) return;
    event.preventDefault();
    setActive({ row: next.row - 1, col: next.col });
    if (next.row > 0) virtualizer.scrollToIndex(next.row - 1, { align: "auto" });
    else scrollRef.current?.scrollTo({ top: 0 });
  }

  return (
    <div
      ref={scrollRef}
      id={gridId}
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-multiselectable={selection ? true : undefined}
      aria-activedescendant={focused ? cellId(row, col) : undefined}
      aria-busy={loadingMore || undefined}
      tabIndex={0}
      className={styles.grid}
      style={{ height: props.height ?? "60vh" }}
      onKeyDown={onKeyDown}
      onFocus={(e) => e.target === e.currentTarget && setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <div role="rowgroup" className={styles.header}>
        <div role="row" aria-rowindex={1} className={styles.row} style={{ gridTemplateColumns: template }}>
          {columns.map((column, c) => (
            <div
              key={column.id}
              id={cellId(-1, c)}
              role="columnheader"
              aria-colindex={c + 1}
              aria-sort={column.sort?.direction ?? undefined}
              // Narrow columns cut their header short: the full text shows on hover.
              title={column.header}
              className={mergeClasses(
                styles.cell,
                styles.headerCell,
                focused && row === -1 && c === col && styles.activeCell,
              )}
            >
              {column.sort ? (
                <button type="button" className={styles.sortButton} onClick={column.sort.onToggle} tabIndex={-1}>
                  <span className={styles.headerText}>{column.header}</span>
                  {column.sort.direction === "ascending" && <ArrowSortUpRegular aria-hidden="true" />}
                  {column.sort.direction === "descending" && <ArrowSortDownRegular aria-hidden="true" />}
                </button>
              ) : (
                (column.headerContent ?? <span className={styles.headerText}>{column.header}</span>)
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.totalSize, position: "relative" }}>
        {virtualRows.map((virtual) => {
          const item = items[virtual.index];
          const key = item === undefined ? null : rowKey(item);
          return (
            <GridRow
              key={virtual.key}
              gridId={gridId}
              item={item}
              index={virtual.index}
              top={virtual.start - HEADER_HEIGHT}
              template={template}
              columns={columns}
              activeCol={focused && virtual.index === row ? col : -1}
              selected={
                selection
                  ? key !== null && selection.keys.has(key)
                  : selectedKey === undefined
                    ? undefined
                    : key !== null && key === selectedKey
              }
              current={selection && selectedKey !== undefined ? key !== null && key === selectedKey : undefined}
              onRowClick={onRowClick}
            />
          );
        })}
      </div>
    </div>
  );
}
