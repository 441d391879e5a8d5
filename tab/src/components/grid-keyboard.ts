/** Where the active cell of a grid moves on a key press (WAI-ARIA grid pattern); `null` when the key is not ours. */
export interface GridPosition {
  row: number;
  col: number;
}

export interface GridBounds {
  rows: number;
  cols: number;
  /** Rows visible at once, for PageUp / PageDown. */
  pageRows: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

export function nextGridPosition(event: GridKey, at: GridPosition, bounds: GridBounds): GridPosition | null {
  if (bounds.rows === 0 || bounds.cols === 0) return null;
  const lastRow = bounds.rows - 1;
  const lastCol = bounds.cols - 1;
  const page = Math.max(1, bounds.pageRows);
  const toEdgeRow = event.ctrlKey === true || event.metaKey === true;
  const row = clamp(at.row, lastRow);
  const col = clamp(at.col, lastCol);
  switch (event.key) {
    case "ArrowDown":
      return { row: clamp(row + 1, lastRow), col };
    case "ArrowUp":
      return { row: clamp(row - 1, lastRow), col };
    case "ArrowRight":
      return { row, col: clamp(col + 1, lastCol) };
    case "ArrowLeft":
      return { row, col: clamp(col - 1, lastCol) };
    case "PageDown":
      return { row: clamp(row + page, lastRow), col };
    case "PageUp":
      return { row: clamp(row - page, lastRow), col };
    case "Home":
      return toEdgeRow ? { row: 0, col: 0 } : { row, col: 0 };
    case "End":
      return toEdgeRow ? { row: lastRow, col: lastCol } : { row, col: lastCol };
    default:
      return null;
  }
}
