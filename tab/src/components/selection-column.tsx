import { Checkbox } from "@fluentui/react-components";
import type { GridColumn, GridSelection } from "./VirtualGrid";
import { selectionState, type KeySelection } from "./key-selection";

interface SelectionColumnOptions<T> {
  selection: KeySelection;
  /** The rows loaded so far: the header checkbox chooses among them. */
  loaded: readonly T[];
  rowKey: (item: T) => string;
  /** Accessible names, already localized. */
  allLabel: string;
  rowLabel: (item: T) => string;
}

/**
 * The leading checkbox column of a multi-selection grid and the grid's `selection` prop. The checkboxes stay out of
 * the Tab order (the grid keeps focus, Space toggles the active row) and a click on one never opens its row.
 */
export function selectionColumn<T>({ selection, loaded, rowKey, allLabel, rowLabel }: SelectionColumnOptions<T>): {
  column: GridColumn<T>;
  grid: GridSelection;
} {
  const loadedKeys = loaded.map(rowKey);
  const state = selectionState(selection.keys, loadedKeys);
  const toggleAll = () => selection.toggleAll(loadedKeys);
  const column: GridColumn<T> = {
    id: "select",
    header: allLabel,
    width: "3rem",
    headerContent: (
      <span onClick={(e) => e.stopPropagation()}>
        <Checkbox
          checked={state === "all" ? true : state === "some" ? "mixed" : false}
          onChange={toggleAll}
          input={{ tabIndex: -1, "aria-label": allLabel }}
        />
      </span>
    ),
    cell: (item) => (
      <span onClick={(e) => e.stopPropagation()}>
        <Checkbox
          checked={selection.keys.has(rowKey(item))}
          onChange={() => selection.toggle(rowKey(item))}
          input={{ tabIndex: -1, "aria-label": rowLabel(item) }}
        />
      </span>
    ),
  };
  return { column, grid: { keys: selection.keys, onToggle: selection.toggle, onToggleAll: toggleAll } };
}
