import { describe, expect, it } from "vitest";
import { nextGridPosition } from "../src/components/grid-keyboard";

const bounds = { rows: 10_001, cols: 6, pageRows: 12 };
const at = (row: number, col: number) => ({ row, col });

describe("grid keyboard navigation", () => {
  it("moves one cell with the arrows, stopping at the edges", () => {
    expect(nextGridPosition({ key: "ArrowDown" }, at(3, 2), bounds)).toEqual(at(4, 2));
    expect(nextGridPosition({ key: "ArrowUp" }, at(0, 2), bounds)).toEqual(at(0, 2));
    expect(nextGridPosition({ key: "ArrowRight" }, at(3, 5), bounds)).toEqual(at(3, 5));
    expect(nextGridPosition({ key: "ArrowLeft" }, at(3, 1), bounds)).toEqual(at(3, 0));
    expect(nextGridPosition({ key: "ArrowDown" }, at(10_000, 0), bounds)).toEqual(at(10_000, 0));
  });

  it("moves a page with PageUp / PageDown", () => {
    expect(nextGridPosition({ key: "PageDown" }, at(0, 1), bounds)).toEqual(at(12, 1));
    expect(nextGridPosition({ key: "PageUp" }, at(5, 1), bounds)).toEqual(at(0, 1));
    expect(nextGridPosition({ key: "PageDown" }, at(9_995, 0), bounds)).toEqual(at(10_000, 0));
  });

  it("goes to the ends of the row with Home / End, and of the grid with Ctrl", () => {
    expect(nextGridPosition({ key: "Home" }, at(7, 4), bounds)).toEqual(at(7, 0));
    expect(nextGridPosition({ key: "End" }, at(7, 1), bounds)).toEqual(at(7, 5));
    expect(nextGridPosition({ key: "Home", ctrlKey: true }, at(7, 4), bounds)).toEqual(at(0, 0));
    expect(nextGridPosition({ key: "End", ctrlKey: true }, at(7, 1), bounds)).toEqual(at(10_000, 5));
    expect(nextGridPosition({ key: "End", metaKey: true }, at(0, 0), bounds)).toEqual(at(10_000, 5));
  });

  it("leaves other keys to the browser and does nothing in an empty grid", () => {
    expect(nextGridPosition({ key: "a" }, at(1, 1), bounds)).toBeNull();
    expect(nextGridPosition({ key: "Tab" }, at(1, 1), bounds)).toBeNull();
    expect(nextGridPosition({ key: "ArrowDown" }, at(0, 0), { rows: 0, cols: 6, pageRows: 10 })).toBeNull();
  });

  it("brings a position left out of range (rows shrank after a search) back inside", () => {
    expect(nextGridPosition({ key: "ArrowUp" }, at(500, 9), { rows: 20, cols: 6, pageRows: 5 })).toEqual(at(18, 5));
  });
});
